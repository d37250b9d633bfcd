package org.creditflow.backtest;

import java.io.PrintStream;

/**
 * A text progress bar for long commands, redrawn in place when the whole percent changes,
 * at most five times a second.
 */
final class Progress {

	private static final int WIDTH = 40;

	private final PrintStream out;

	private final String what;

	private final long total;

	private final long startedAt = System.nanoTime();

	private long done;

	private int shownPercent = -1;

	private long shownAt;

	Progress(PrintStream out, String what, long total) {
		this.out = out;
		this.what = what;
		this.total = Math.max(1, total);
	}

	void advance(long rows) {
		this.done += rows;
		int percent = (int) Math.min(100, this.done * 100 / this.total);
		long now = System.nanoTime();
		if (percent != this.shownPercent && (percent == 100 || now - this.shownAt > 200_000_000L)) {
			this.shownPercent = percent;
			this.shownAt = now;
			int filled = percent * WIDTH / 100;
			double seconds = (System.nanoTime() - this.startedAt) / 1e9;
			this.out.printf("\r%s [%s%s] %3d%%  %,d rows  %.1f s", this.what, "#".repeat(filled),
					" ".repeat(WIDTH - filled), percent, this.done, seconds);
			this.out.flush();
		}
	}

	void done() {
		this.out.println();
	}

	long rows() {
		return this.done;
	}

}
