package org.truce.identity.application;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.truce.identity.model.Grant;

/**
 * The demo users of a scenario (its descriptor's {@code demoUsers}: for Syria 2016, one
 * per role and a second co-chair so that both sponsor sides can sign off): their
 * passwords and API tokens are written to {@code demo-credentials.txt} in the data
 * directory (mode 0600), one line per user: {@code role username password api-token}. A
 * user that exists already keeps its credentials, read back from the file.
 */
@Service
public class DemoAccounts {

	public static final String FILE = "demo-credentials.txt";

	private final ManagingUsers managing;

	private final Users users;

	public DemoAccounts(ManagingUsers managing, Users users) {
		this.managing = managing;
		this.users = users;
	}

	/** A line of the credentials file. */
	public record Credential(Grant grant, String username, String password, String token) {

		String line() {
			return this.grant.role().code() + " " + this.username + " " + this.password + " " + this.token;
		}

	}

	/**
	 * Creates the demo users that are missing and writes the file; returns every line.
	 * @param demoUsers username → grant, as the command line writes it ({@code monitor},
	 * {@code co-chair:united-states})
	 * @throws IllegalArgumentException when a grant is not one
	 */
	public List<Credential> ensure(Path dataDir, Map<String, String> demoUsers) {
		Map<String, Grant> users = new LinkedHashMap<>();
		demoUsers.forEach((username, grant) -> users.put(username, Grant.parse(grant)
			.orElseThrow(() -> new IllegalArgumentException("the demo user " + username + " has no grant " + grant))));
		Path file = dataDir.resolve(FILE);
		Map<String, Credential> known = read(file, users);
		List<Credential> out = new ArrayList<>();
		for (Map.Entry<String, Grant> demo : users.entrySet()) {
			String username = demo.getKey();
			Credential credential = known.get(username);
			if (credential == null || this.users.byUsername(username).isEmpty()) {
				credential = create(username, demo.getValue());
			}
			out.add(credential);
		}
		write(file, out);
		return out;
	}

	private Credential create(String username, Grant grant) {
		String by = ManagingUsers.COMMAND_LINE;
		String password;
		if (this.users.byUsername(username).isPresent()) {
			password = this.managing.resetPassword(username, null, by);
			this.managing.grant(username, grant, by);
		}
		else {
			password = this.managing.add(username, null, List.of(grant), by).password();
		}
		String token = this.managing.issueToken(username, "demo", null, by).secret();
		return new Credential(grant, username, password, token);
	}

	private static Map<String, Credential> read(Path file, Map<String, Grant> users) {
		Map<String, Credential> out = new LinkedHashMap<>();
		if (!Files.exists(file)) {
			return out;
		}
		try {
			for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
				String[] parts = line.strip().split(" ");
				Grant grant = users.get(parts[0].length() > 0 && parts.length == 4 ? parts[1] : "");
				if (grant != null && grant.role().code().equals(parts[0])) {
					out.put(parts[1], new Credential(grant, parts[1], parts[2], parts[3]));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out;
	}

	private static void write(Path file, List<Credential> credentials) {
		StringBuilder text = new StringBuilder();
		credentials.forEach(c -> text.append(c.line()).append('\n'));
		try {
			Path tmp = file.resolveSibling(FILE + ".tmp");
			Files.deleteIfExists(tmp);
			try {
				Files.createFile(tmp,
						PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
			}
			catch (UnsupportedOperationException ex) {
				Files.createFile(tmp);
			}
			Files.writeString(tmp, text, StandardCharsets.UTF_8);
			Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot write " + file, ex);
		}
	}

}
