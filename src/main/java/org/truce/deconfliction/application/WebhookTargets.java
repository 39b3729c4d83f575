package org.truce.deconfliction.application;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Where webhooks may go: public addresses only, unless an operator allow-lists others.
 *
 * <p>
 * A target is refused when any address its host resolves to is loopback, unspecified
 * ({@code 0.0.0.0}, {@code ::}), link-local ({@code 169.254/16}, {@code fe80::/10}),
 * private ({@code 10/8}, {@code 172.16/12}, {@code 192.168/16}, unique-local
 * {@code fc00::/7}, the old site-local {@code fec0::/10}), shared (carrier-grade NAT,
 * {@code 100.64/10}), multicast or broadcast, reserved for documentation, benchmarking,
 * protocol assignments or future use, or an IPv6 form that carries such an IPv4 address
 * (IPv4-mapped {@code ::ffff:0:0/96}, IPv4-compatible {@code ::/96}, NAT64
 * {@code 64:ff9b::/96}, 6to4 {@code 2002::/16}; Teredo {@code 2001::/32} is refused
 * outright). So is a host that resolves to nothing, and an IPv4 address written other
 * than as four decimal numbers ({@code 2130706433}, {@code 0x7f000001}, {@code 127.1}),
 * which resolvers read differently.
 *
 * <p>
 * {@code truce.webhooks.allowed-targets}: a comma-separated list of CIDR blocks
 * ({@code 127.0.0.1/32}, {@code 10.20.0.0/16}, {@code fd00::/8}), single addresses, or
 * host names (matched case-insensitively against the URL's host, exactly) that are
 * allowed even though they are not public. Empty by default.
 *
 * <p>
 * Each check resolves the name once and returns the addresses it checked: the sender
 * connects to one of those ({@link WebhookPost}), never to a second lookup's answer, so
 * that a name that answers a public address to the check and a private one a moment later
 * (DNS rebinding) cannot redirect a delivery.
 */
@Component
public class WebhookTargets {

	/** Looks a host name up; for tests, a stand-in for the system's resolver. */
	@FunctionalInterface
	interface Resolver {

		InetAddress[] resolve(String host) throws UnknownHostException;

	}

	/** Why a target is refused: a stable phrase for people, without the address. */
	public static final class Refused extends Exception {

		private static final long serialVersionUID = 1L;

		private final boolean unresolved;

		Refused(String reason) {
			this(reason, false);
		}

		Refused(String reason, boolean unresolved) {
			super(reason, null, false, false);
			this.unresolved = unresolved;
		}

		/** Refused only because the host does not resolve (now). */
		public boolean unresolved() {
			return this.unresolved;
		}

	}

	/** A target that passed: its host, port, and the addresses checked. */
	public record Checked(URI uri, String host, int port, boolean tls, List<InetAddress> addresses) {

	}

	private final List<Block> allowedBlocks = new ArrayList<>();

	private final List<String> allowedHosts = new ArrayList<>();

	private final Resolver resolver;

	@Autowired
	WebhookTargets(@Value("${truce.webhooks.allowed-targets:}") String allowed) {
		this(allowed, InetAddress::getAllByName);
	}

	WebhookTargets(String allowed, Resolver resolver) {
		this.resolver = resolver;
		for (String item : allowed == null ? new String[0] : allowed.split(",")) {
			String entry = item.strip();
			if (entry.isEmpty()) {
				continue;
			}
			Block block = Block.parse(entry);
			if (block != null) {
				this.allowedBlocks.add(block);
			}
			else {
				this.allowedHosts.add(hostOf(entry));
			}
		}
	}

	/**
	 * Resolves the URL's host once and checks every address it has.
	 * @throws Refused when the URL is not an absolute http(s) URL with a host, its host
	 * does not resolve, or any address is not public and not allow-listed
	 */
	public Checked check(URI uri) throws Refused {
		String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
		if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
			throw new Refused("it is not an absolute http or https URL");
		}
		boolean tls = scheme.equals("https");
		int port = uri.getPort() == -1 ? (tls ? 443 : 80) : uri.getPort();
		String host = hostOf(uri.getHost());
		if (host.matches("(0x[0-9a-f]*|[0-9]+)(\\.(0x[0-9a-f]*|[0-9]+))*") && !host.matches(
				"(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}")) {
			// 0x7f000001, 2130706433, 127.1, 0177.0.0.1: resolvers read these
			// differently.
			throw new Refused("its host is an IPv4 address in a non-standard form");
		}
		InetAddress[] addresses;
		try {
			addresses = this.resolver.resolve(host);
		}
		catch (UnknownHostException | SecurityException ex) {
			throw new Refused("its host does not resolve", true);
		}
		if (addresses == null || addresses.length == 0) {
			throw new Refused("its host does not resolve", true);
		}
		boolean hostAllowed = this.allowedHosts.contains(host);
		for (InetAddress a : addresses) {
			String why = nonPublic(a);
			if (why != null && !hostAllowed && this.allowedBlocks.stream().noneMatch(b -> b.contains(a))) {
				throw new Refused("its host resolves to " + why + " address, which is not allow-listed"
						+ " (truce.webhooks.allowed-targets)");
			}
		}
		return new Checked(uri, host, port, tls, List.of(addresses));
	}

	/** A host as compared: lower case, without the brackets of an IPv6 literal. */
	private static String hostOf(String host) {
		String h = host.toLowerCase(Locale.ROOT);
		return h.startsWith("[") && h.endsWith("]") ? h.substring(1, h.length() - 1) : h;
	}

	/** What kind of non-public address this is ("a loopback"), or null when public. */
	static String nonPublic(InetAddress address) {
		byte[] b = address.getAddress();
		if (address instanceof Inet4Address) {
			return nonPublicV4(b);
		}
		if (!(address instanceof Inet6Address)) {
			return "an unknown kind of";
		}
		if (address.isAnyLocalAddress()) {
			return "an unspecified";
		}
		if (address.isLoopbackAddress()) {
			return "a loopback";
		}
		if (address.isLinkLocalAddress()) {
			return "a link-local";
		}
		if (address.isSiteLocalAddress() || (b[0] & 0xfe) == 0xfc) {
			return "a private";
		}
		if (address.isMulticastAddress()) {
			return "a multicast";
		}
		if (zeros(b, 0, 10) && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
			return orEmbedded(Arrays.copyOfRange(b, 12, 16), "an IPv4-mapped");
		}
		if (zeros(b, 0, 12)) {
			return "an IPv4-compatible";
		}
		if ((b[0] & 0xff) == 0x00 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b) {
			return orEmbedded(Arrays.copyOfRange(b, 12, 16), "a NAT64");
		}
		if ((b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x02) {
			return orEmbedded(Arrays.copyOfRange(b, 2, 6), "a 6to4");
		}
		if ((b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x01 && b[2] == 0 && b[3] == 0) {
			return "a Teredo";
		}
		if ((b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x01 && (b[2] & 0xff) == 0x0d && (b[3] & 0xff) == 0xb8) {
			return "a documentation";
		}
		if ((b[0] & 0xe0) != 0x20) {
			// Only 2000::/3 is allocated as global unicast.
			return "a reserved";
		}
		return null;
	}

	private static String orEmbedded(byte[] v4, String form) {
		String inner = nonPublicV4(v4);
		return inner == null ? null : inner + " (" + form + ")";
	}

	private static String nonPublicV4(byte[] b) {
		int a0 = b[0] & 0xff;
		int a1 = b[1] & 0xff;
		int a2 = b[2] & 0xff;
		if (a0 == 0) {
			return "an unspecified";
		}
		if (a0 == 127) {
			return "a loopback";
		}
		if (a0 == 169 && a1 == 254) {
			return "a link-local";
		}
		if (a0 == 10 || (a0 == 172 && (a1 & 0xf0) == 16) || (a0 == 192 && a1 == 168)) {
			return "a private";
		}
		if (a0 == 100 && (a1 & 0xc0) == 64) {
			return "a shared (carrier-grade NAT)";
		}
		if (a0 >= 224 && a0 <= 239) {
			return "a multicast";
		}
		if (a0 >= 240) {
			return "a reserved or broadcast";
		}
		if ((a0 == 192 && a1 == 0 && (a2 == 0 || a2 == 2)) || (a0 == 198 && a1 == 51 && a2 == 100)
				|| (a0 == 203 && a1 == 0 && a2 == 113) || (a0 == 198 && (a1 == 18 || a1 == 19))
				|| (a0 == 192 && a1 == 88 && a2 == 99)) {
			return "a reserved";
		}
		return null;
	}

	private static boolean zeros(byte[] b, int from, int to) {
		for (int i = from; i < to; i++) {
			if (b[i] != 0) {
				return false;
			}
		}
		return true;
	}

	/** A CIDR block, or one address. */
	record Block(byte[] network, int bits) {

		/** The block, or null when the text is not an address or CIDR block (a host). */
		static Block parse(String text) {
			String[] parts = text.split("/", 2);
			String address = hostOf(parts[0]);
			if (!address.matches("[0-9.]+") && !address.contains(":")) {
				return null;
			}
			try {
				byte[] bytes = InetAddress.getByName(address).getAddress();
				int bits = parts.length == 2 ? Integer.parseInt(parts[1].strip()) : bytes.length * 8;
				if (bits < 0 || bits > bytes.length * 8) {
					throw new IllegalArgumentException("truce.webhooks.allowed-targets: bad prefix in " + text);
				}
				return new Block(bytes, bits);
			}
			catch (UnknownHostException | NumberFormatException ex) {
				throw new IllegalArgumentException("truce.webhooks.allowed-targets: cannot read " + text, ex);
			}
		}

		boolean contains(InetAddress a) {
			byte[] b = a.getAddress();
			if (b.length != this.network.length) {
				return false;
			}
			for (int i = 0; i < this.bits; i++) {
				int mask = 0x80 >> (i % 8);
				if ((b[i / 8] & mask) != (this.network[i / 8] & mask)) {
					return false;
				}
			}
			return true;
		}

	}

}
