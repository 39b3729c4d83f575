package org.truce.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.truce.actor.application.ActorDirectory;
import org.truce.actor.model.Actor;
import org.truce.actor.model.ActorType;
import org.truce.identity.application.DemoAccounts;
import org.truce.identity.application.ManagingUsers;
import org.truce.identity.application.Users;
import org.truce.identity.model.Grant;
import org.truce.identity.model.Role;
import org.truce.testing.RunningTruce;
import org.truce.testing.Syria2016;
import org.truce.testing.Parties;
import org.truce.testing.SlowTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code truce user add|grant|revoke|token|revoke-token|list} manage users on the store,
 * and the demo users' credentials file has one {@code role username password api-token}
 * line per user.
 */
class UserCommandsTest {

	@TempDir
	Path data;

	@SlowTest
	@Test
	void usersRolesAndTokensAreManagedFromTheCommandLine() throws Exception {
		try (RunningTruce store = RunningTruce.sqliteIn(this.data, false)) {
			store.register(Parties.SYRIA_GOVERNMENT);
		}
		String dataArg = "--data=" + this.data;
		CommandLineRun added = CommandLineRun.truce("user", "add", "amal", "--role", "monitor", dataArg);
		assertThat(added.exitCode()).as(added.err()).isZero();
		assertThat(added.out()).contains("added amal [monitor]").containsPattern("password: \\S{12,}");

		CommandLineRun granted = CommandLineRun.truce("user", "grant", "amal", "liaison:syria-government", dataArg);
		assertThat(granted.out()).contains("granted liaison:syria-government to amal");
		CommandLineRun unknownSide = CommandLineRun.truce("user", "grant", "amal", "liaison:atlantis", dataArg);
		assertThat(unknownSide.exitCode()).isEqualTo(1);
		assertThat(unknownSide.err()).contains("No actor has the id atlantis");
		CommandLineRun badRole = CommandLineRun.truce("user", "grant", "amal", "emperor", dataArg);
		assertThat(badRole.exitCode()).isNotZero();
		assertThat(badRole.err()).contains("'emperor' is not a role");

		CommandLineRun token = CommandLineRun.truce("user", "token", "amal", "--label", "laptop", "--expires-in",
				"P30D", dataArg);
		assertThat(token.exitCode()).as(token.err()).isZero();
		String secret = token.out().strip().lines().reduce((a, b) -> b).orElseThrow();
		assertThat(secret).startsWith("truce_");

		CommandLineRun revoked = CommandLineRun.truce("user", "revoke", "amal", "monitor", dataArg);
		assertThat(revoked.out()).contains("revoked monitor from amal");
		CommandLineRun list = CommandLineRun.truce("user", "list", dataArg);
		assertThat(list.out()).contains("amal [liaison:syria-government]").contains("laptop");
		CommandLineRun nobody = CommandLineRun.truce("user", "grant", "nobody", "monitor", dataArg);
		assertThat(nobody.exitCode()).isEqualTo(1);
		assertThat(nobody.err()).contains("No user is named nobody");

		try (RunningTruce store = RunningTruce.sqliteIn(this.data, false)) {
			ManagingUsers users = store.bean(ManagingUsers.class);
			assertThat(users.tokenFor(secret)).hasValueSatisfying(t -> assertThat(t.expiresAt()).isNotNull());
			assertThat(store.bean(Users.class).byUsername("amal").orElseThrow().grants())
				.containsExactly(new Grant(Role.LIAISON, "syria-government"));
			assertThat(store.jdbc().sql("SELECT token_hash FROM api_tokens").query(String.class).list())
				.noneMatch(h -> h.contains(secret));
		}
	}

	@Test
	void theDemoUsersCredentialsAreWrittenOnceAndKept() throws Exception {
		try (RunningTruce store = RunningTruce.sqliteIn(this.data, false)) {
			store.bean(ActorDirectory.class)
				.register(
						List.of(new Actor("syria-government", "Government of Syria", ActorType.STATE_FORCE, null, null),
								new Actor("united-states", "United States", ActorType.STATE_FORCE, null, null),
								new Actor("russia", "Russia", ActorType.STATE_FORCE, null, null)));
			DemoAccounts demo = store.bean(DemoAccounts.class);
			List<DemoAccounts.Credential> first = demo.ensure(this.data, Syria2016.SCENARIO.demoUsers());
			Path file = this.data.resolve(DemoAccounts.FILE);
			List<String> lines = Files.readAllLines(file);
			assertThat(lines).hasSize(6);
			assertThat(lines).allSatisfy(l -> assertThat(l.split(" ")).hasSize(4));
			assertThat(lines.stream().map(l -> l.split(" ")[0])).containsExactlyInAnyOrder("admin", "co-chair",
					"co-chair", "monitor", "liaison", "notifier");
			assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");

			assertThat(demo.ensure(this.data, Syria2016.SCENARIO.demoUsers())).isEqualTo(first);
			ManagingUsers users = store.bean(ManagingUsers.class);
			for (DemoAccounts.Credential c : first) {
				assertThat(users.tokenFor(c.token())).as(c.username()).isPresent();
			}
		}
	}

}
