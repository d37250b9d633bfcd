package org.creditflow.backtest;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import ch.qos.logback.classic.Level;

import org.creditflow.scoring.InvalidRulesetException;
import org.creditflow.scoring.Ruleset;
import org.creditflow.scoring.RulesetCompiler;
import org.creditflow.scoring.StoredRulesets;
import org.slf4j.LoggerFactory;

/**
 * {@code java -jar creditflow.jar backtest --rules DIR|active|<version> --input FILE.csv
 * [--baseline DIR|active|<version>] --out DIR}: runs a ruleset, and optionally a
 * baseline, over a lending history and writes {@code decisions.csv}, {@code summary.json}
 * and {@code report.html} to the folder. {@code active} is the ruleset the service in
 * this folder puts into service ({@code ./rules}, else the one packaged in the jar); a
 * version (the SHA-256 the service records with each assessment) is read from the
 * database of {@code --database} (default: the service's H2 file, readable while the
 * service is stopped).
 */
public final class BacktestCommand {

	public static final String NAME = "backtest";

	static final int DONE = 0;

	static final int FAILED = 1;

	static final int USAGE = 2;

	/** A ruleset version: the SHA-256 of its files, as recorded with each assessment. */
	static final Pattern VERSION = Pattern.compile("[0-9a-f]{64}");

	private static final String DEFAULT_DATABASE = "jdbc:h2:file:./data/creditflow";

	private static final String USAGE_TEXT = "Usage: java -jar creditflow.jar " + NAME
			+ " --rules DIR|active|<version> --input FILE.csv [--baseline DIR|active|<version>] --out DIR"
			+ " [--threads N] [--database JDBC-URL --database-user USER (password from CREDITFLOW_DATABASE_PASSWORD)]";

	private BacktestCommand() {
	}

	public static int run(List<String> arguments) {
		return run(arguments, System.out, System.err);
	}

	public static int run(List<String> arguments, PrintStream out, PrintStream err) {
		quietRuleBuild();
		CommandArguments args;
		try {
			args = new CommandArguments(arguments,
					Set.of("rules", "input", "baseline", "out", "threads", "database", "database-user"),
					Set.of("rules", "input", "out"));
			args.whole("threads", 1, 1, 256);
		}
		catch (CommandArguments.UsageException ex) {
			err.println(ex.getMessage() + "\n" + USAGE_TEXT);
			return USAGE;
		}
		Path input = Path.of(args.require("input"));
		Path folder = Path.of(args.require("out"));
		if (!Files.isRegularFile(input)) {
			err.println("--input " + input + " is not a file");
			return USAGE;
		}
		Ruleset candidate;
		Ruleset baseline = null;
		try {
			candidate = resolve(args.require("rules"), args);
			if (args.get("baseline").isPresent()) {
				baseline = resolve(args.get("baseline").get(), args);
			}
		}
		catch (InvalidRulesetException | IllegalArgumentException | IllegalStateException | UncheckedIOException ex) {
			explainUnusableRuleset(ex, err);
			return USAGE;
		}
		try {
			HistoryFile history = new HistoryFile(input);
			long checking = System.nanoTime();
			HistoryFile.Check check = history.check();
			if (!check.valid()) {
				err.println(input + " cannot be backtested:\n" + check.describe());
				return USAGE;
			}
			out.printf(Locale.ROOT, "Checked %,d rows in %.1f s%n", check.rows(), (System.nanoTime() - checking) / 1e9);
			Files.createDirectories(folder);
			int threads = (int) args.whole("threads", Runtime.getRuntime().availableProcessors(), 1, 256);
			Backtest backtest = new Backtest(candidate, args.require("rules"), baseline,
					args.get("baseline").orElse(null), threads);
			Progress progress = new Progress(out, "backtest", check.rows());
			// decisions go to a part file that becomes decisions.csv only once the run is
			// whole: a run that fails half-way leaves nothing behind
			Path part = folder.resolve(BacktestFiles.DECISIONS + ".part");
			BacktestSummary summary;
			try {
				try (Writer decisions = Files.newBufferedWriter(part, StandardCharsets.UTF_8)) {
					summary = backtest.run("file " + input.getFileName(), history, decisions, progress::advance);
				}
				progress.done();
				BacktestFiles.writeSummaryAndReport(folder, summary);
				Files.move(part, folder.resolve(BacktestFiles.DECISIONS), StandardCopyOption.REPLACE_EXISTING);
			}
			finally {
				Files.deleteIfExists(part);
			}
			out.println(headline(summary));
			out.println("Wrote " + folder.resolve(BacktestFiles.DECISIONS) + ", " + BacktestFiles.SUMMARY + " and "
					+ BacktestFiles.REPORT);
			return DONE;
		}
		catch (IOException ex) {
			err.println("The backtest could not read or write its files: " + ex.getMessage());
			return FAILED;
		}
		catch (Backtest.BacktestFailedException ex) {
			err.println(ex.getMessage());
			return FAILED;
		}
	}

	/** A ruleset named on the command line: a folder, {@code active} or a version. */
	/**
	 * Says why the ruleset a command names cannot be used: every problem of one that does
	 * not compile, or why it cannot be found.
	 */
	static void explainUnusableRuleset(RuntimeException ex, PrintStream err) {
		err.println(ex.getMessage());
		if (ex instanceof InvalidRulesetException invalid) {
			invalid.problems().forEach((problem) -> err.println("  " + problem));
		}
	}

	static Ruleset resolve(String name, CommandArguments args) {
		Path folder = Path.of(name);
		if (Files.isDirectory(folder)) {
			return RulesetCompiler.compileFolder(folder);
		}
		if ("active".equals(name)) {
			return Files.isDirectory(Path.of("rules")) ? RulesetCompiler.compileFolder(Path.of("rules"))
					: RulesetCompiler.compilePackaged();
		}
		if (VERSION.matcher(name).matches()) {
			return stored(name, args.get("database").orElse(DEFAULT_DATABASE), args.get("database-user").orElse("sa"));
		}
		throw new IllegalArgumentException(
				"'" + name + "' is neither a folder, nor 'active', nor a ruleset version (64 hexadecimal digits)");
	}

	private static Ruleset stored(String version, String url, String user) {
		String password = System.getenv().getOrDefault("CREDITFLOW_DATABASE_PASSWORD", "");
		try (Connection connection = DriverManager.getConnection(url, user, password);
				PreparedStatement query = connection
					.prepareStatement("select files from ruleset_version where version = ?")) {
			query.setString(1, version);
			try (ResultSet result = query.executeQuery()) {
				if (!result.next()) {
					throw new IllegalArgumentException("Ruleset version " + version + " is not stored in " + url);
				}
				return StoredRulesets.compile(version, result.getString(1));
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("The database " + url + " cannot be read (" + ex.getMessage()
					+ "); a running service holds its H2 file: stop it, or backtest through the API", ex);
		}
	}

	/**
	 * Drools tells a rule author at every build about deprecated syntax and reactivity;
	 * the validation API shows rule authors their problems, and here the messages would
	 * bury the progress and the result. Errors still show.
	 */
	static void quietRuleBuild() {
		if (LoggerFactory.getLogger("org.drools") instanceof ch.qos.logback.classic.Logger drools) {
			drools.setLevel(Level.ERROR);
		}
	}

	static String headline(BacktestSummary summary) {
		Figures all = summary.figures();
		return String.format(Locale.ROOT, "%,d rows: approve %.1f %%, refer %.1f %%, decline %.1f %%%s%s", all.rows(),
				100 * all.approvalRate(), 100 * all.referRate(), 100 * all.declineRate(),
				(all.badRateApproved() != null)
						? String.format(Locale.ROOT, ", bad rate approved %.2f %%", 100 * all.badRateApproved()) : "",
				(all.gini() != null) ? String.format(Locale.ROOT, ", Gini %.3f, KS %.3f", all.gini(), all.ks()) : "");
	}

}
