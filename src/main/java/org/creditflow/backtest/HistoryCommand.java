package org.creditflow.backtest;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import org.creditflow.mydata.Population;

/**
 * {@code java -jar creditflow.jar history --size N --seed S --telecom-signal X --out FILE.csv}:
 * writes a synthetic lending history with outcomes, drawn from the population model of
 * {@code docs/credit-model.md}. The same arguments write the same file, byte for byte.
 */
public final class HistoryCommand {

	public static final String NAME = "history";

	/** How much telecom data reveals unless told otherwise. */
	static final double DEFAULT_TELECOM_SIGNAL = 0.6;

	static final int DONE = 0;

	static final int FAILED = 1;

	static final int USAGE = 2;

	private static final String USAGE_TEXT = "Usage: java -jar creditflow.jar " + NAME
			+ " --size N --out FILE.csv [--seed S (default 1)] [--telecom-signal 0..1 (default "
			+ DEFAULT_TELECOM_SIGNAL + ")]";

	private HistoryCommand() {
	}

	public static int run(List<String> arguments) {
		return run(arguments, System.out, System.err);
	}

	static int run(List<String> arguments, PrintStream out, PrintStream err) {
		long size;
		long seed;
		double signal;
		Path file;
		try {
			CommandArguments args = new CommandArguments(arguments, Set.of("size", "seed", "telecom-signal", "out"),
					Set.of("size", "out"));
			size = args.whole("size", 0, 1, 100_000_000);
			seed = args.whole("seed", 1, Long.MIN_VALUE, Long.MAX_VALUE);
			signal = args.fraction("telecom-signal", DEFAULT_TELECOM_SIGNAL);
			file = Path.of(args.require("out"));
		}
		catch (CommandArguments.UsageException ex) {
			err.println(ex.getMessage() + "\n" + USAGE_TEXT);
			return USAGE;
		}
		try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
			write(writer, size, seed, signal, new Progress(out, "history", size));
		}
		catch (IOException ex) {
			err.println("The history could not be written to " + file + ": " + ex.getMessage());
			return FAILED;
		}
		out.println(
				"Wrote " + size + " applications to " + file + " (seed " + seed + ", telecom signal " + signal + ")");
		return DONE;
	}

	/**
	 * Writes the header and {@code size} rows. Each row draws from its own stream split
	 * off the seed's, in row order, so the file depends on the seed alone.
	 */
	static void write(Writer writer, long size, long seed, double telecomSignal, Progress progress) throws IOException {
		Population population = new Population(telecomSignal);
		SplittableRandom rows = new SplittableRandom(seed);
		BufferedWriter out = (writer instanceof BufferedWriter buffered) ? buffered : new BufferedWriter(writer);
		out.write(HistoryFormat.header());
		out.write('\n');
		int width = Math.max(6, Long.toString(size).length());
		for (long i = 1; i <= size; i++) {
			String id = "H" + "0".repeat(width - Long.toString(i).length()) + i;
			out.write(HistoryFormat.row(id, population.draw(rows.split())));
			out.write('\n');
			progress.advance(1);
		}
		out.flush();
		progress.done();
	}

}
