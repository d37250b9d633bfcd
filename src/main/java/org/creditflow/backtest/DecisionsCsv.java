package org.creditflow.backtest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;

import org.creditflow.scoring.Outcome;

import org.springframework.lang.Nullable;

/**
 * {@code decisions.csv}: one line per row of the population with what the candidate
 * decided ({@code band}, {@code score}, {@code grade}, the rules' {@code ruleSegment},
 * {@code rate}, {@code limit}, {@code reasons} joined by {@code |}), the row's
 * {@code segment} and outcome, and the baseline's decision beside it when there is one,
 * and the recorded one for recorded applications.
 */
final class DecisionsCsv {

	private final Writer out;

	private final boolean withBaseline;

	private boolean headerWritten;

	DecisionsCsv(Writer out, boolean withBaseline) {
		this.out = out;
		this.withBaseline = withBaseline;
	}

	void write(Backtest.Decided decided) {
		try {
			BacktestCase row = decided.row();
			if (!this.headerWritten) {
				this.out.write("id,segment,bad,truePd,band,score,grade,ruleSegment,rate,limit,reasons"
						+ (this.withBaseline ? ",baselineBand,baselineScore,baselineGrade,baselineRate,baselineLimit"
								: "")
						+ ((row.recorded() != null) ? ",recordedBand,recordedScore,recordedRate,recordedLimit" : "")
						+ "\n");
				this.headerWritten = true;
			}
			StringBuilder line = new StringBuilder(160);
			line.append(cell(row.id())).append(',').append(row.segment()).append(',');
			line.append((row.bad() == null) ? "" : row.bad() ? "1" : "0").append(',');
			line.append((row.truePd() == null) ? "" : row.truePd()).append(',');
			Outcome candidate = decided.candidate();
			line.append(candidate.band()).append(',').append(text(candidate.score())).append(',');
			line.append(text(candidate.grade())).append(',').append(text(candidate.segment())).append(',');
			line.append(text(candidate.offerRate())).append(',').append(text(candidate.offerLimit())).append(',');
			line.append(String.join("|", candidate.reasons()));
			if (this.withBaseline) {
				Outcome baseline = decided.baseline();
				line.append(',').append((baseline != null) ? baseline.band() : "");
				line.append(',').append((baseline != null) ? text(baseline.score()) : "");
				line.append(',').append((baseline != null) ? text(baseline.grade()) : "");
				line.append(',').append((baseline != null) ? text(baseline.offerRate()) : "");
				line.append(',').append((baseline != null) ? text(baseline.offerLimit()) : "");
			}
			Outcome recorded = row.recorded();
			if (recorded != null) {
				line.append(',').append(recorded.band()).append(',').append(text(recorded.score()));
				line.append(',').append(text(recorded.offerRate())).append(',').append(text(recorded.offerLimit()));
			}
			this.out.write(line.append('\n').toString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	void flush() throws IOException {
		this.out.flush();
	}

	private static String text(@Nullable Object value) {
		return (value == null) ? "" : value.toString();
	}

	/**
	 * An identifier as a CSV cell: quoted when it holds a comma or quote, and guarded
	 * against spreadsheet formulas.
	 */
	private static String cell(String value) {
		String safe = (!value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0) ? "'" + value : value;
		return (safe.contains(",") || safe.contains("\"")) ? '"' + safe.replace("\"", "\"\"") + '"' : safe;
	}

}
