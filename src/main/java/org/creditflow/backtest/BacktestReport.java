package org.creditflow.backtest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.function.Function;

import org.creditflow.backtest.BacktestSummary.Comparison;
import org.creditflow.backtest.BacktestSummary.Reproduction;
import org.creditflow.backtest.BacktestSummary.RulesetInfo;

import org.springframework.lang.Nullable;

import static org.creditflow.backtest.ReportFormat.MISSING;
import static org.creditflow.backtest.ReportFormat.count;
import static org.creditflow.backtest.ReportFormat.countChange;
import static org.creditflow.backtest.ReportFormat.escape;
import static org.creditflow.backtest.ReportFormat.interestRate;
import static org.creditflow.backtest.ReportFormat.interestRateChange;
import static org.creditflow.backtest.ReportFormat.krw;
import static org.creditflow.backtest.ReportFormat.krwChange;
import static org.creditflow.backtest.ReportFormat.percent;
import static org.creditflow.backtest.ReportFormat.pointsChange;
import static org.creditflow.backtest.ReportFormat.ratio;
import static org.creditflow.backtest.ReportFormat.ratioChange;
import static org.creditflow.backtest.ReportFormat.runTime;

/**
 * The {@code report.html} of a backtest, which a bank's risk committee reads: one file
 * that opens offline ({@link ReportPage}), its tables written here, its charts drawn from
 * the summary embedded as one JSON object (the same one as {@code summary.json}).
 */
final class BacktestReport {

	/** The id of the script element holding the summary as JSON. */
	static final String DATA_ID = "backtest-data";

	/** Where the report's own notes and chart script are, beside this class. */
	private static final String OWN_RESOURCES = "org/creditflow/backtest/";

	private static final String HOW_TO_READ = ReportPage.resource(OWN_RESOURCES + "report-notes.html");

	private static final String CHARTS_SCRIPT = ReportPage.script(OWN_RESOURCES + "report.js");

	private static final Map<String, String> SEGMENT_NAMES = Map.of(HistoryCase.THIN_FILE, "Thin file",
			HistoryCase.FULL_FILE, "Full file", HistoryCase.NO_FINANCIAL_DATA, "No financial data");

	private static final List<String> SEGMENT_ORDER = List.of(HistoryCase.THIN_FILE, HistoryCase.FULL_FILE,
			HistoryCase.NO_FINANCIAL_DATA);

	private static final List<String> GRADE_ORDER = List.of("A", "B", "C", "D", "E");

	/**
	 * The figures every table shows, in this order: as rows of the headline, as columns
	 * of the segment and grade tables, each with how a change from the baseline reads.
	 */
	private static final List<Measure> MEASURES = List.of(
			new Measure("Rows", (f) -> count(f.rows()), (c, b) -> countChange(c.rows(), b.rows())),
			new Measure("With outcome", (f) -> count(f.withOutcome()),
					(c, b) -> countChange(c.withOutcome(), b.withOutcome())),
			new Measure("Approval rate", (f) -> percent(f.approvalRate()),
					(c, b) -> pointsChange(c.approvalRate(), b.approvalRate())),
			new Measure("Refer rate", (f) -> percent(f.referRate()),
					(c, b) -> pointsChange(c.referRate(), b.referRate())),
			new Measure("Decline rate", (f) -> percent(f.declineRate()),
					(c, b) -> pointsChange(c.declineRate(), b.declineRate())),
			new Measure("Bad rate, all with outcome", (f) -> percent(f.badRate()),
					(c, b) -> pointsChange(c.badRate(), b.badRate())),
			new Measure("Bad rate approved", (f) -> percent(f.badRateApproved()),
					(c, b) -> pointsChange(c.badRateApproved(), b.badRateApproved())),
			new Measure("AUC", (f) -> ratio(f.auc()), (c, b) -> ratioChange(c.auc(), b.auc())),
			new Measure("Gini (95 % CI)", BacktestReport::giniWithInterval, (c, b) -> ratioChange(c.gini(), b.gini())),
			new Measure("KS", (f) -> ratio(f.ks()), (c, b) -> ratioChange(c.ks(), b.ks())),
			new Measure("Mean rate", (f) -> interestRate(f.meanRate()),
					(c, b) -> interestRateChange(c.meanRate(), b.meanRate())),
			new Measure("Mean limit (KRW)", (f) -> krw(f.meanLimit()),
					(c, b) -> krwChange(c.meanLimit(), b.meanLimit())));

	private BacktestReport() {
	}

	static String html(BacktestSummary summary) {
		StringBuilder page = ReportPage.open("Backtest report " + shortVersion(summary.ruleset()), ReportPage.STYLE);
		header(page, summary);
		headline(page, summary);
		bySegment(page, summary);
		byGrade(page, summary);
		if (summary.comparison() != null) {
			migration(page, summary.comparison());
		}
		charts(page);
		if (summary.reproduced() != null) {
			reproduction(page, summary.reproduced());
		}
		page.append(HOW_TO_READ);
		ReportPage.close(page, DATA_ID, summary, CHARTS_SCRIPT);
		return page.toString();
	}

	private static void header(StringBuilder page, BacktestSummary summary) {
		page.append("<header>\n<h1>Backtest report</h1>\n<dl class=\"facts\">\n");
		fact(page, "Candidate", ruleset(summary.ruleset()));
		if (summary.baseline() != null) {
			fact(page, "Baseline", ruleset(summary.baseline()));
		}
		fact(page, "Population", escape(summary.population()));
		fact(page, "Rows", count(summary.figures().rows()));
		fact(page, "Run time", runTime(summary.seconds()));
		page.append("</dl>\n</header>\n");
	}

	private static void headline(StringBuilder page, BacktestSummary summary) {
		Figures candidate = summary.figures();
		Figures baseline = (summary.comparison() != null) ? summary.comparison().baseline() : null;
		page.append("<section id=\"headline\">\n<h2>Headline</h2>\n<table>\n<thead><tr><th>Figure</th>")
			.append("<th class=\"num\">Candidate</th>");
		if (baseline != null) {
			page.append("<th class=\"num\">Baseline</th><th class=\"num\">Change</th>");
		}
		page.append("</tr></thead>\n<tbody>\n");
		for (Measure measure : MEASURES) {
			page.append("<tr><th>").append(measure.name()).append("</th>");
			number(page, measure.value().apply(candidate));
			if (baseline != null) {
				number(page, measure.value().apply(baseline));
				number(page, measure.change().apply(candidate, baseline));
			}
			page.append("</tr>\n");
		}
		page.append("</tbody>\n</table>\n</section>\n");
	}

	/** Segments apart, so thin filers (whom the scorecard knows least) are seen alone. */
	private static void bySegment(StringBuilder page, BacktestSummary summary) {
		Map<String, Figures> baseline = (summary.comparison() != null) ? summary.comparison().baselineBySegment()
				: Map.of();
		page.append("<section id=\"segments\">\n<h2>By segment</h2>\n")
			.append("<div class=\"wide\"><table>\n<thead><tr><th>Segment</th>");
		if (summary.comparison() != null) {
			page.append("<th>Ruleset</th>");
		}
		measureHeaders(page);
		for (String segment : ordered(SEGMENT_ORDER, summary.bySegment().keySet(), baseline.keySet())) {
			Figures candidateFigures = summary.bySegment().get(segment);
			if (summary.comparison() == null) {
				figuresRow(page, "<th>" + segmentName(segment) + "</th>", candidateFigures);
				continue;
			}
			String label = "<th rowspan=\"2\">" + segmentName(segment) + "</th><td>Candidate</td>";
			figuresRow(page, label, candidateFigures);
			page.append("<tr class=\"baseline\"><td>Baseline</td>");
			figuresCells(page, baseline.get(segment));
		}
		page.append("</tbody>\n</table></div>\n</section>\n");
	}

	private static void byGrade(StringBuilder page, BacktestSummary summary) {
		page.append("<section id=\"grades\">\n<h2>By grade (candidate)</h2>\n")
			.append("<div class=\"wide\"><table>\n<thead><tr><th>Grade</th>");
		measureHeaders(page);
		for (String grade : ordered(GRADE_ORDER, summary.byGrade().keySet(), List.of())) {
			figuresRow(page, "<th>" + escape(grade) + "</th>", summary.byGrade().get(grade));
		}
		page.append("</tbody>\n</table></div>\n</section>\n");
	}

	private static void migration(StringBuilder page, Comparison comparison) {
		page.append("<section id=\"migration\">\n<h2>Migration from the baseline</h2>\n")
			.append("<p class=\"note\">Rows: the baseline's band; columns: the candidate's. ")
			.append("Each cell: rows, and the bad rate of its rows with an outcome.</p>\n")
			.append("<div class=\"side-by-side\">\n");
		migrationTable(page, comparison.migration());
		page.append("<div id=\"chart-migration\" class=\"chart\"></div>\n</div>\n<table>\n")
			.append("<thead><tr><th></th><th class=\"num\">Rows</th><th class=\"num\">With outcome</th>")
			.append("<th class=\"num\">Bad rate</th></tr></thead>\n<tbody>\n");
		swapRow(page, "Swap-ins (approved by the candidate only)", comparison.migration().swapIns());
		swapRow(page, "Swap-outs (approved by the baseline only)", comparison.migration().swapOuts());
		page.append("</tbody>\n</table>\n<dl class=\"facts\">\n");
		fact(page, "Mean rate change", interestRate(comparison.meanRateChange(), "%+.2f pp"));
		fact(page, "Mean limit change", krw(comparison.meanLimitChange(), "%+,.0f KRW"));
		page.append("</dl>\n<p class=\"note\">Both over the rows both rulesets approve.</p>\n")
			.append("<div class=\"side-by-side\">\n");
		for (String segment : ordered(SEGMENT_ORDER, comparison.migrationBySegment().keySet(), List.of())) {
			Migration migration = comparison.migrationBySegment().get(segment);
			page.append("<div>\n<h3>").append(segmentName(segment)).append("</h3>\n");
			migrationTable(page, migration);
			page.append("<p>Swap-ins ")
				.append(swap(migration.swapIns()))
				.append("; swap-outs ")
				.append(swap(migration.swapOuts()))
				.append(".</p>\n</div>\n");
		}
		page.append("</div>\n</section>\n");
	}

	private static void migrationTable(StringBuilder page, Migration migration) {
		List<String> bands = migration.bands();
		page.append("<table class=\"migration\">\n<thead><tr><th>Baseline \\ Candidate</th>");
		bands.forEach((band) -> page.append("<th class=\"num\">").append(bandName(band)).append("</th>"));
		page.append("<th class=\"num\">Total</th></tr></thead>\n<tbody>\n");
		long[] columnTotals = new long[bands.size()];
		for (int row = 0; row < bands.size(); row++) {
			page.append("<tr><th>").append(bandName(bands.get(row))).append("</th>");
			long rowTotal = 0;
			for (int column = 0; column < bands.size(); column++) {
				long rows = migration.counts()[row][column];
				page.append((row == column) ? "<td class=\"num same\">" : "<td class=\"num\">")
					.append(count(rows))
					.append("<span class=\"ci\">bad ")
					.append(percent(migration.badRates()[row][column]))
					.append("</span></td>");
				rowTotal += rows;
				columnTotals[column] += rows;
			}
			number(page, count(rowTotal));
			page.append("</tr>\n");
		}
		page.append("<tr class=\"total\"><th>Total</th>");
		for (long total : columnTotals) {
			number(page, count(total));
		}
		number(page, count(Arrays.stream(columnTotals).sum()));
		page.append("</tr>\n</tbody>\n</table>\n");
	}

	private static void charts(StringBuilder page) {
		page.append("<section id=\"charts\">\n<h2>Charts</h2>\n<div class=\"charts\">\n");
		ReportPage.chart(page, "chart-roc", "ROC: bads flagged against goods flagged, as the cut-off score rises");
		ReportPage.chart(page, "chart-ks", "KS: share of bads and of goods at or below each score");
		ReportPage.chart(page, "chart-scores", "Scores of goods and bads, per 20-point band");
		ReportPage.chart(page, "chart-bands", "Approval rate and bad rate per 20-point score band");
		page.append("</div>\n</section>\n");
	}

	private static void reproduction(StringBuilder page, Reproduction reproduced) {
		page.append("<section id=\"reproduction\">\n<h2>Reproduction</h2>\n<p>The recorded applications run again: ")
			.append(count(reproduced.compared()))
			.append(" compared, ")
			.append(count(reproduced.identical()))
			.append(" identical in band, score, grade, segment, offer and reasons.</p>\n");
		if (!reproduced.differences().isEmpty()) {
			page.append("<h3>Differences");
			if (reproduced.differences().size() < reproduced.compared() - reproduced.identical()) {
				page.append(" (the first ").append(count(reproduced.differences().size())).append(")");
			}
			page.append("</h3>\n<ul class=\"differences\">\n");
			reproduced.differences()
				.forEach((difference) -> page.append("<li>").append(escape(difference)).append("</li>\n"));
			page.append("</ul>\n");
		}
		page.append("</section>\n");
	}

	private static void measureHeaders(StringBuilder page) {
		MEASURES.forEach((measure) -> page.append("<th class=\"num\">").append(measure.name()).append("</th>"));
		page.append("</tr></thead>\n<tbody>\n");
	}

	private static void figuresRow(StringBuilder page, String label, @Nullable Figures figures) {
		page.append("<tr>").append(label);
		figuresCells(page, figures);
	}

	/** A segment one ruleset has and the other has not shows dashes for the other. */
	private static void figuresCells(StringBuilder page, @Nullable Figures figures) {
		MEASURES.forEach((measure) -> number(page, (figures != null) ? measure.value().apply(figures) : MISSING));
		page.append("</tr>\n");
	}

	private static void swapRow(StringBuilder page, String label, Migration.Swap swap) {
		page.append("<tr><th>").append(label).append("</th>");
		number(page, count(swap.count()));
		number(page, count(swap.withOutcome()));
		number(page, percent(swap.badRate()));
		page.append("</tr>\n");
	}

	private static String swap(Migration.Swap swap) {
		return count(swap.count()) + " (bad rate " + percent(swap.badRate()) + ")";
	}

	private static void fact(StringBuilder page, String term, String html) {
		page.append("<dt>").append(term).append("</dt><dd>").append(html).append("</dd>\n");
	}

	private static void number(StringBuilder page, String html) {
		page.append("<td class=\"num\">").append(html).append("</td>");
	}

	/**
	 * The known keys first, in the risk team's order, then the others alphabetically, so
	 * a table always reads the same way whatever order the summary's maps come in.
	 */
	private static List<String> ordered(List<String> known, Iterable<String> keys, Iterable<String> moreKeys) {
		TreeSet<String> others = new TreeSet<>();
		keys.forEach(others::add);
		moreKeys.forEach(others::add);
		List<String> ordered = new ArrayList<>(known.stream().filter(others::contains).toList());
		others.removeAll(known);
		ordered.addAll(others);
		return ordered;
	}

	private static String ruleset(RulesetInfo ruleset) {
		return "<code title=\"" + escape(ruleset.version()) + "\">" + escape(shortVersion(ruleset)) + "</code> from "
				+ escape(ruleset.origin());
	}

	private static String shortVersion(RulesetInfo ruleset) {
		return ruleset.version().substring(0, Math.min(12, ruleset.version().length()));
	}

	private static String segmentName(String segment) {
		return escape(SEGMENT_NAMES.getOrDefault(segment, segment));
	}

	private static String bandName(String band) {
		return escape(band.isEmpty() ? band : band.charAt(0) + band.substring(1).toLowerCase(Locale.ROOT));
	}

	private static String giniWithInterval(Figures figures) {
		List<Double> interval = figures.giniCi95();
		if (figures.gini() == null || interval == null || interval.size() != 2) {
			return ratio(figures.gini());
		}
		return ratio(figures.gini()) + "<span class=\"ci\">" + ratio(interval.get(0)) + " to " + ratio(interval.get(1))
				+ "</span>";
	}

	/**
	 * One figure: its name, how a ruleset's value reads, and how the change from the
	 * baseline to the candidate reads.
	 */
	private record Measure(String name, Function<Figures, String> value, BiFunction<Figures, Figures, String> change) {
	}

}
