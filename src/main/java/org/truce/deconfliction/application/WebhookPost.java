package org.truce.deconfliction.application;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * One webhook POST over HTTP/1.1, to an address that was checked
 * ({@link WebhookTargets.Checked}), never to a fresh lookup of the name.
 *
 * <p>
 * Why not {@link java.net.http.HttpClient}: it resolves the URL's host itself when it
 * connects, and Java 17 offers no hook to make it use an address already resolved (the
 * resolver SPI came in Java 18). Giving it the IP literal instead would need the
 * restricted {@code Host} header (a JVM-wide system property) and would break TLS: the
 * SNI and the certificate check would be against the address, not the name. So this opens
 * the socket itself, to the checked address; for https it layers TLS over that socket
 * with the URL's host as the SNI name and the peer to verify ({@code HTTPS} endpoint
 * identification against the default trust store), and sends {@code Host: <host[:port]>}.
 * A request is small and one-shot ({@code Connection: close}); only the status line of
 * the answer is read (at most 8 KiB of it), and nothing else of the answer is kept.
 * Redirects are not followed.
 */
final class WebhookPost {

	private static final int MAX_STATUS_LINE = 8192;

	private WebhookPost() {
	}

	/** Why an attempt got no status: a category, never the target's words. */
	static final class Failed extends IOException {

		private static final long serialVersionUID = 1L;

		Failed(String category, Throwable cause) {
			super(category, cause);
		}

	}

	/**
	 * Connects to the first checked address that answers, sends the POST and returns the
	 * status code.
	 * @throws Failed with a category: "timed out", "connection failed", "TLS failed",
	 * "malformed response"
	 */
	static int post(WebhookTargets.Checked target, Map<String, String> headers, byte[] body, Duration timeout)
			throws Failed {
		int millis = (int) Math.min(Integer.MAX_VALUE, Math.max(1, timeout.toMillis()));
		Socket socket = null;
		IOException last = null;
		for (InetAddress address : target.addresses()) {
			Socket s = new Socket();
			try {
				s.connect(new InetSocketAddress(address, target.port()), millis);
				socket = s;
				break;
			}
			catch (IOException ex) {
				last = ex;
				closeQuietly(s);
			}
		}
		if (socket == null) {
			throw new Failed(last instanceof SocketTimeoutException ? "timed out" : "connection failed", last);
		}
		try (Socket open = socket) {
			open.setSoTimeout(millis);
			Socket channel = target.tls() ? tls(open, target) : open;
			OutputStream out = channel.getOutputStream();
			out.write(head(target, headers, body.length).getBytes(StandardCharsets.ISO_8859_1));
			out.write(body);
			out.flush();
			return status(channel.getInputStream());
		}
		catch (Failed ex) {
			throw ex;
		}
		catch (SocketTimeoutException ex) {
			throw new Failed("timed out", ex);
		}
		catch (javax.net.ssl.SSLException ex) {
			throw new Failed("TLS failed", ex);
		}
		catch (IOException ex) {
			throw new Failed("connection failed", ex);
		}
	}

	private static Socket tls(Socket plain, WebhookTargets.Checked target) throws IOException {
		SSLSocketFactory factory = (SSLSocketFactory) SSLSocketFactory.getDefault();
		SSLSocket ssl = (SSLSocket) factory.createSocket(plain, target.host(), target.port(), true);
		SSLParameters parameters = ssl.getSSLParameters();
		parameters.setEndpointIdentificationAlgorithm("HTTPS");
		if (!target.host().contains(":") && !target.host().matches("[0-9.]+")) {
			parameters.setServerNames(List.of(new javax.net.ssl.SNIHostName(target.host())));
		}
		ssl.setSSLParameters(parameters);
		ssl.startHandshake();
		return ssl;
	}

	private static String head(WebhookTargets.Checked target, Map<String, String> headers, int length) {
		String path = target.uri().getRawPath() == null || target.uri().getRawPath().isEmpty() ? "/"
				: target.uri().getRawPath();
		if (target.uri().getRawQuery() != null) {
			path += "?" + target.uri().getRawQuery();
		}
		String host = target.host().contains(":") ? "[" + target.host() + "]" : target.host();
		boolean defaultPort = target.port() == (target.tls() ? 443 : 80);
		StringBuilder head = new StringBuilder();
		head.append("POST ").append(path).append(" HTTP/1.1\r\n");
		head.append("Host: ").append(host).append(defaultPort ? "" : ":" + target.port()).append("\r\n");
		headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
		head.append("Content-Length: ").append(length).append("\r\n");
		head.append("Connection: close\r\n\r\n");
		return head.toString();
	}

	/** The status code of an HTTP/1.x status line. */
	private static int status(InputStream in) throws IOException {
		ByteArrayOutputStream line = new ByteArrayOutputStream();
		int c;
		while ((c = in.read()) != -1 && c != '\n') {
			if (line.size() >= MAX_STATUS_LINE) {
				throw new Failed("malformed response", null);
			}
			line.write(c);
		}
		String[] parts = line.toString(StandardCharsets.ISO_8859_1).strip().split(" ", 3);
		if (parts.length < 2 || !parts[0].startsWith("HTTP/1.") || !parts[1].matches("[1-5][0-9][0-9]")) {
			throw new Failed("malformed response", null);
		}
		return Integer.parseInt(parts[1]);
	}

	private static void closeQuietly(Socket s) {
		try {
			s.close();
		}
		catch (IOException ex) {
			// nothing to do
		}
	}

}
