package org.truce.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code truce} command line. */
@Command(name = "truce", mixinStandardHelpOptions = true, version = "truce 0.1.0",
		description = "Truce: the shared record of a ceasefire.",
		subcommands = { ServeCommand.class, DemoCommand.class, ImportCommand.class, ExportCommand.class,
				AgreementCommand.class, ControlCommand.class, AdjudicateCommand.class, ProofCommand.class,
				WitnessCommand.class, VerifyCommand.class, UserCommand.class, PublishCommand.class, RfisCommand.class,
				ClusterCommand.class, NotifiedCommand.class, BulletinCommand.class, CommandLine.HelpCommand.class },
		modelTransformer = SeparatelyShipped.class)
public class TruceMain {

	public static void main(String[] args) {
		int code = new CommandLine(new TruceMain()).execute(args);
		if (code != 0 || args.length == 0 || !isServer(args[0])) {
			System.exit(code);
		}
	}

	private static boolean isServer(String command) {
		return command.equals("serve") || command.equals("demo");
	}

}
