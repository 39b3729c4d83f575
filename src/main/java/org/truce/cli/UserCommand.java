package org.truce.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.function.Function;

import org.springframework.context.ConfigurableApplicationContext;
import org.truce.identity.application.ManagingUsers;
import org.truce.identity.application.Users;
import org.truce.identity.model.ApiToken;
import org.truce.identity.model.Grant;
import org.truce.identity.model.User;
import org.truce.shared.RejectedException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "user", mixinStandardHelpOptions = true, description = {
		"Manage users, their roles and API tokens. Every change is a ledger entry.",
		"Roles: admin, monitor, notifier, co-chair:<actor id> (a sponsor side), liaison:<actor id> (a party)." },
		subcommands = { UserCommand.Add.class, UserCommand.GrantRole.class, UserCommand.Revoke.class,
				UserCommand.Token.class, UserCommand.RevokeToken.class, UserCommand.ListUsers.class })
class UserCommand {

	/**
	 * Runs {@code work} on the store; a refusal is printed as its problems, exit code 1.
	 */
	static Integer run(StoreOptions store, CommandSpec spec, Function<ConfigurableApplicationContext, String> work) {
		PrintWriter out = spec.commandLine().getOut();
		PrintWriter err = spec.commandLine().getErr();
		try (ConfigurableApplicationContext context = Spring.offline(store)) {
			out.println(work.apply(context));
			return 0;
		}
		catch (RejectedException ex) {
			ex.problems().forEach(p -> err.println("truce user: " + p.detail()));
			return 1;
		}
		finally {
			out.flush();
			err.flush();
		}
	}

	static Grant grant(String text) {
		return Grant.parse(text)
			.orElseThrow(() -> new picocli.CommandLine.TypeConversionException("'" + text
					+ "' is not a role: write admin, monitor, notifier, co-chair:<actor id> or liaison:<actor id>"));
	}

	@Command(name = "add", mixinStandardHelpOptions = true,
			description = "Add a user. Without --password-stdin a password is generated and printed once.")
	static class Add implements Callable<Integer> {

		@Parameters(index = "0", paramLabel = "USERNAME")
		String username;

		@Option(names = "--role", paramLabel = "ROLE", description = "A role to grant; repeat for several.")
		List<String> roles = new ArrayList<>();

		@Option(names = "--password-stdin", description = "Read the password from standard input (one line).")
		boolean passwordFromStdin;

		@Mixin
		StoreOptions store;

		@Spec
		CommandSpec spec;

		@Override
		public Integer call() throws IOException {
			List<Grant> grants = this.roles.stream().map(UserCommand::grant).toList();
			String password = this.passwordFromStdin
					? new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine() : null;
			return run(this.store, this.spec, context -> {
				ManagingUsers.Added added = context.getBean(ManagingUsers.class)
					.add(this.username, password, grants, ManagingUsers.COMMAND_LINE);
				return "added " + added.user().username() + " " + added.user().grants()
						+ (password == null ? "\npassword: " + added.password() : "");
			});
		}

	}

	/** A user and a role, as {@code grant} and {@code revoke} take them. */
	abstract static class UserAndRole implements Callable<Integer> {

		@Parameters(index = "0", paramLabel = "USERNAME")
		String username;

		@Parameters(index = "1", paramLabel = "ROLE")
		String role;

		@Mixin
		StoreOptions store;

		@Spec
		CommandSpec spec;

	}

	@Command(name = "grant", mixinStandardHelpOptions = true, description = "Grant a role to a user.")
	static class GrantRole extends UserAndRole {

		@Override
		public Integer call() {
			Grant g = grant(this.role);
			return run(this.store, this.spec,
					context -> context.getBean(ManagingUsers.class).grant(this.username, g, ManagingUsers.COMMAND_LINE)
							? "granted " + g + " to " + this.username : this.username + " already holds " + g);
		}

	}

	@Command(name = "revoke", mixinStandardHelpOptions = true,
			description = "Revoke a role from a user; it takes effect at the user's next request.")
	static class Revoke extends UserAndRole {

		@Override
		public Integer call() {
			Grant g = grant(this.role);
			return run(this.store, this.spec,
					context -> context.getBean(ManagingUsers.class).revoke(this.username, g, ManagingUsers.COMMAND_LINE)
							? "revoked " + g + " from " + this.username : this.username + " did not hold " + g);
		}

	}

	@Command(name = "token", mixinStandardHelpOptions = true,
			description = "Issue an API token for a user (sent as 'Authorization: Bearer <token>'). It is printed"
					+ " once; only its hash is kept.")
	static class Token implements Callable<Integer> {

		@Parameters(index = "0", paramLabel = "USERNAME")
		String username;

		@Option(names = "--label", description = "What the token is for.", defaultValue = "")
		String label;

		@Option(names = "--expires-in", paramLabel = "DURATION",
				description = "How long it works, as an ISO 8601 duration such as P30D or PT12H (default: no expiry).")
		String expiresIn;

		@Mixin
		StoreOptions store;

		@Spec
		CommandSpec spec;

		@Override
		public Integer call() {
			Instant expiresAt;
			try {
				expiresAt = this.expiresIn == null ? null
						: Clock.systemUTC().instant().plus(Duration.parse(this.expiresIn));
			}
			catch (DateTimeParseException ex) {
				this.spec.commandLine()
					.getErr()
					.println("truce user token: --expires-in " + this.expiresIn + " is not an ISO 8601 duration"
							+ " such as P30D or PT12H");
				this.spec.commandLine().getErr().flush();
				return 2;
			}
			return run(this.store, this.spec, context -> {
				ManagingUsers.IssuedToken issued = context.getBean(ManagingUsers.class)
					.issueToken(this.username, this.label, expiresAt, ManagingUsers.COMMAND_LINE);
				return "token " + issued.token().id() + (expiresAt == null ? "" : " expires " + expiresAt) + "\n"
						+ issued.secret();
			});
		}

	}

	@Command(name = "revoke-token", mixinStandardHelpOptions = true, description = "Revoke an API token by its id.")
	static class RevokeToken implements Callable<Integer> {

		@Parameters(index = "0", paramLabel = "TOKEN-ID")
		UUID id;

		@Mixin
		StoreOptions store;

		@Spec
		CommandSpec spec;

		@Override
		public Integer call() {
			return run(this.store, this.spec,
					context -> context.getBean(ManagingUsers.class).revokeToken(this.id, ManagingUsers.COMMAND_LINE)
							? "revoked token " + this.id : "token " + this.id + " was revoked already");
		}

	}

	@Command(name = "list", mixinStandardHelpOptions = true, description = "List users, roles and tokens.")
	static class ListUsers implements Callable<Integer> {

		@Mixin
		StoreOptions store;

		@Spec
		CommandSpec spec;

		@Override
		public Integer call() {
			return run(this.store, this.spec, context -> {
				Users users = context.getBean(Users.class);
				Instant now = Clock.systemUTC().instant();
				StringBuilder out = new StringBuilder();
				for (User u : users.all()) {
					out.append(u.username()).append(' ').append(u.grants()).append(u.active() ? "" : " (disabled)");
					for (ApiToken t : users.tokens(u.id())) {
						String refusal = t.refusal(now);
						out.append("\n  token ")
							.append(t.id())
							.append(t.label().isEmpty() ? "" : " " + t.label())
							.append(refusal == null ? "" : " (" + refusal + ")");
					}
					out.append('\n');
				}
				return out.toString().strip();
			});
		}

	}

}
