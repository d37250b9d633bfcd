package org.creditflow;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.creditflow.backtest.BacktestCommand;
import org.creditflow.backtest.CharacteristicsCommand;
import org.creditflow.backtest.HistoryCommand;
import org.creditflow.identity.CreateAdminCommand;
import org.creditflow.mydata.MyDataWorkerCommand;
import org.creditflow.portfolio.ApplicantsCommand;
import org.creditflow.portfolio.ServicingFeedCommand;
import org.creditflow.scorecard.CompareScoresCommand;
import org.creditflow.scorecard.ScorecardCommand;

/**
 * What {@code java -jar creditflow.jar <command> ...} runs instead of the service: one
 * entry per command, each of which runs and exits with its own code.
 */
final class Commands {

	/**
	 * One operator's task: its arguments after the command's name in, an exit code out.
	 */
	interface Command {

		int run(List<String> arguments);

	}

	static final int UNKNOWN = 2;

	private static final Map<String, Command> COMMANDS = new TreeMap<>(Map.of(CreateAdminCommand.NAME,
			CreateAdminCommand::run, MyDataWorkerCommand.NAME, MyDataWorkerCommand::run, HistoryCommand.NAME,
			HistoryCommand::run, BacktestCommand.NAME, BacktestCommand::run, ScorecardCommand.NAME,
			ScorecardCommand::run, CharacteristicsCommand.NAME, CharacteristicsCommand::run, CompareScoresCommand.NAME,
			CompareScoresCommand::run, ServicingFeedCommand.NAME, ServicingFeedCommand::run, ApplicantsCommand.NAME,
			ApplicantsCommand::run));

	private Commands() {
	}

	/**
	 * A first argument that is no option names a command; everything else starts the
	 * service.
	 */
	static boolean isCommand(String[] args) {
		return args.length > 0 && !args[0].startsWith("-");
	}

	static int run(String[] args, PrintStream err) {
		Command command = COMMANDS.get(args[0]);
		if (command == null) {
			err.println("Unknown command '" + args[0] + "'. Commands: " + String.join(", ", COMMANDS.keySet())
					+ "; without a command the service starts.");
			return UNKNOWN;
		}
		return command.run(Arrays.asList(args).subList(1, args.length));
	}

}
