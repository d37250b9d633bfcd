package org.creditflow.backtest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.function.Function;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.creditflow.backtest.BacktestSummary.Comparison;
import org.creditflow.backtest.BacktestSummary.Reproduction;
import org.creditflow.backtest.BacktestSummary.RulesetInfo;

import org.springframework.lang.Nullable;
import org.springframework.web.util.HtmlUtils;

/**
 * The {@code report.html} of a backtest, which a bank's risk committee reads: one file,
 * downloaded and opened from disk without a network, so everything it needs is inside it.
 * The tables are written here, so the figures read and print even where a viewer blocks
 * scripts; the charts are drawn by Apache ECharts, inlined from its webjar, from the
 * summary embedded as one JSON object (the same one as {@code summary.json}).
 */
final class BacktestReport {

	/** The bundle of the {@code org.webjars.npm:echarts} dependency in pom.xml. */
	static final String ECHARTS_RESOURCE = "META-INF/resources/webjars/echarts/5.3.1/dist/echarts.min.js";

	/** The id of the script element holding the summary as JSON. */
	static final String DATA_ID = "backtest-data";

	/** A figure that is missing: no outcomes, no baseline, no approved rows. */
	static final String MISSING = "–";

	private static final String ECHARTS = readEcharts();

	private static final ObjectMapper JSON = new ObjectMapper();

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
		StringBuilder page = new StringBuilder(ECHARTS.length() + 64 * 1024);
		page.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
			.append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
			.append("<title>Backtest report ")
			.append(escape(shortVersion(summary.ruleset())))
			.append("</title>\n<style>")
			.append(STYLE)
			.append("</style>\n</head>\n<body>\n");
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
		page.append("<script type=\"application/json\" id=\"" + DATA_ID + "\">")
			.append(json(summary))
			.append("</script>\n<script>")
			.append(ECHARTS)
			.append("</script>\n<script>")
			.append(CHARTS_SCRIPT)
			.append("</script>\n</body>\n</html>\n");
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
		chart(page, "chart-roc", "ROC: bads flagged against goods flagged, as the cut-off score rises");
		chart(page, "chart-ks", "KS: share of bads and of goods at or below each score");
		chart(page, "chart-scores", "Scores of goods and bads, per 20-point band");
		chart(page, "chart-bands", "Approval rate and bad rate per 20-point score band");
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

	private static void chart(StringBuilder page, String id, String caption) {
		page.append("<figure><figcaption>")
			.append(caption)
			.append("</figcaption><div id=\"")
			.append(id)
			.append("\" class=\"chart\"></div></figure>\n");
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

	private static String runTime(double seconds) {
		if (seconds < 60) {
			return String.format(Locale.US, "%.1f s", seconds);
		}
		long whole = Math.round(seconds);
		return String.format(Locale.US, "%d min %02d s", whole / 60, whole % 60);
	}

	private static String giniWithInterval(Figures figures) {
		List<Double> interval = figures.giniCi95();
		if (figures.gini() == null || interval == null || interval.size() != 2) {
			return ratio(figures.gini());
		}
		return ratio(figures.gini()) + "<span class=\"ci\">" + ratio(interval.get(0)) + " to " + ratio(interval.get(1))
				+ "</span>";
	}

	private static String count(long value) {
		return String.format(Locale.US, "%,d", value);
	}

	private static String percent(@Nullable Double share) {
		return known(share) ? String.format(Locale.US, "%.1f %%", share * 100) : MISSING;
	}

	private static String ratio(@Nullable Double value) {
		return format("%.3f", value);
	}

	/** Offered rates are quoted to two decimals, as lenders quote them. */
	private static String interestRate(@Nullable Double percent) {
		return interestRate(percent, "%.2f %%");
	}

	private static String interestRate(@Nullable Double percent, String pattern) {
		return format(pattern, percent);
	}

	private static String krw(@Nullable Double amount) {
		return krw(amount, "%,.0f");
	}

	private static String krw(@Nullable Double amount, String pattern) {
		return format(pattern, amount);
	}

	private static String countChange(long candidate, long baseline) {
		return String.format(Locale.US, "%+,d", candidate - baseline);
	}

	/**
	 * A change of a share in percentage points, so it is never read as a relative change.
	 */
	private static String pointsChange(@Nullable Double candidate, @Nullable Double baseline) {
		return (known(candidate) && known(baseline)) ? format("%+.1f pp", (candidate - baseline) * 100) : MISSING;
	}

	private static String ratioChange(@Nullable Double candidate, @Nullable Double baseline) {
		return (known(candidate) && known(baseline)) ? format("%+.3f", candidate - baseline) : MISSING;
	}

	private static String interestRateChange(@Nullable Double candidate, @Nullable Double baseline) {
		return (known(candidate) && known(baseline)) ? format("%+.2f pp", candidate - baseline) : MISSING;
	}

	private static String krwChange(@Nullable Double candidate, @Nullable Double baseline) {
		return (known(candidate) && known(baseline)) ? format("%+,.0f", candidate - baseline) : MISSING;
	}

	private static String format(String pattern, @Nullable Double value) {
		return known(value) ? String.format(Locale.US, pattern, value) : MISSING;
	}

	private static boolean known(@Nullable Double value) {
		return value != null && Double.isFinite(value);
	}

	private static String escape(String text) {
		return HtmlUtils.htmlEscape(text, StandardCharsets.UTF_8.name());
	}

	/**
	 * The summary as JSON for the script. A {@code <} only occurs inside JSON strings,
	 * where its Unicode escape means the same, so no value (a population's free text) can
	 * close the script element or open a comment in it.
	 */
	private static String json(BacktestSummary summary) {
		try {
			return JSON.writeValueAsString(summary).replace("<", "\\u003c");
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("Cannot write the backtest summary as JSON", ex);
		}
	}

	private static String readEcharts() {
		try (InputStream in = BacktestReport.class.getClassLoader().getResourceAsStream(ECHARTS_RESOURCE)) {
			if (in == null) {
				throw new IllegalStateException(ECHARTS_RESOURCE + " is not on the classpath: see echarts in pom.xml");
			}
			String script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			if (script.toLowerCase(Locale.ROOT).contains("</script") || script.contains("<!--")) {
				throw new IllegalStateException(
						ECHARTS_RESOURCE + " cannot be inlined: it would end its script element");
			}
			return script;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * One figure: its name, how a ruleset's value reads, and how the change from the
	 * baseline to the candidate reads.
	 */
	private record Measure(String name, Function<Figures, String> value, BiFunction<Figures, Figures, String> change) {
	}

	private static final String STYLE = """
			body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans KR", sans-serif;
				color: #1f2933; max-width: 1320px; margin: 0 auto; padding: 24px 32px; }
			h1 { font-size: 24px; margin: 0 0 12px; }
			h2 { font-size: 18px; margin: 36px 0 8px; padding-bottom: 4px; border-bottom: 1px solid #cbd2d9; }
			h3 { font-size: 15px; margin: 20px 0 6px; }
			dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 2px 16px; margin: 8px 0; }
			dt { color: #52606d; } dd { margin: 0; }
			table { border-collapse: collapse; margin: 8px 0 16px; font-size: 13px; font-variant-numeric: tabular-nums; }
			th, td { border: 1px solid #d9e2ec; padding: 4px 8px; text-align: left; vertical-align: top; }
			thead th { background: #f0f4f8; vertical-align: bottom; }
			.num { text-align: right; white-space: nowrap; }
			thead th.num { white-space: normal; }
			.wide { overflow-x: auto; }
			.ci { display: block; color: #616e7c; font-size: 12px; }
			tr.baseline td { color: #52606d; background: #fafbfc; }
			tr.total th, tr.total td { background: #f0f4f8; }
			td.same { background: #f5f7fa; }
			.note { color: #52606d; }
			.side-by-side { display: flex; gap: 8px 48px; align-items: flex-start; flex-wrap: wrap; }
			.side-by-side .chart { flex: 1 1 420px; }
			.charts { display: grid; grid-template-columns: repeat(2, minmax(0, 1fr)); gap: 16px 32px; }
			figure { margin: 0; } figcaption { font-weight: 600; margin-bottom: 4px; }
			.chart { height: 360px; }
			ul.differences { font-family: ui-monospace, monospace; font-size: 12px; }
			@media print { section, figure { break-inside: avoid; } }
			""";

	private static final String HOW_TO_READ = """
			<section id="how-to-read">
			<h2>How to read this</h2>
			<ul>
			<li>A <em>bad</em> is a loan 90 or more days past due within 12 months of its start.</li>
			<li>AUC, Gini (2 &times; AUC &minus; 1) and KS are computed over every scored row with a known outcome, \
			whatever its band: they measure how well the score separates goods from bads, not the cut-offs. \
			The Gini's 95 % interval is a bootstrap over those rows.</li>
			<li>Bad rate approved is over the approved rows with a known outcome; rows without an outcome \
			count in the approval, refer and decline rates only.</li>
			<li>Changes are candidate minus baseline; changes of rates are in percentage points (pp).</li>
			<li>&ndash; marks a figure that cannot be computed: no rows with an outcome, or none approved.</li>
			</ul>
			</section>
			""";

	/**
	 * Draws the charts from the summary's JSON. Tooltips are HTML in ECharts, so text
	 * from the data goes through its encodeHTML.
	 */
	private static final String CHARTS_SCRIPT = """
			(function () {
				'use strict';
				const data = JSON.parse(document.getElementById('backtest-data').textContent);
				const curves = data.curves;
				const colours = { candidate: '#3d6fb0', baseline: '#e39b2d', goods: '#3d6fb0', bads: '#c8423b',
					approval: '#a9c1e2', diagonal: '#9aa5b1' };
				const percent = (share) => (share == null ? '–' : (share * 100).toFixed(1) + ' %');
				const percentAxis = (name, extra) => Object.assign({ type: 'value', name: name, min: 0,
					axisLabel: { formatter: (value) => Math.round(value * 100) + ' %' } }, extra);
				const line = (name, points, extra) => Object.assign({ name: name, type: 'line', showSymbol: false,
					data: points }, extra);
				const withAuc = (name, auc) => (auc == null ? name : name + ' (AUC ' + auc.toFixed(3) + ')');
				const draw = (id, option) => {
					const element = document.getElementById(id);
					if (!element) {
						return;
					}
					const chart = echarts.init(element);
					chart.setOption(Object.assign({ animation: false, legend: { top: 0 },
						grid: { left: 64, right: 64, top: 48, bottom: 56 } }, option));
					window.addEventListener('resize', () => chart.resize());
				};
				const roc = [line(withAuc('Candidate', data.auc),
					curves.roc.map((p) => [p.falsePositiveRate, p.truePositiveRate]), { color: colours.candidate })];
				if (curves.baselineRoc) {
					roc.push(line(withAuc('Baseline', data.comparison && data.comparison.baseline.auc),
						curves.baselineRoc.map((p) => [p.falsePositiveRate, p.truePositiveRate]), { color: colours.baseline }));
				}
				roc.push(line('Random', [[0, 0], [1, 1]], { color: colours.diagonal, lineStyle: { type: 'dashed' } }));
				draw('chart-roc', {
					tooltip: { trigger: 'axis', valueFormatter: (value) => value.toFixed(3) },
					xAxis: percentAxis('Goods flagged', { max: 1, nameLocation: 'middle', nameGap: 30 }),
					yAxis: percentAxis('Bads flagged', { max: 1, nameLocation: 'middle', nameGap: 48 }),
					series: roc
				});
				let widest = null;
				curves.ks.forEach((p) => {
					const gap = Math.abs(p.cumulativeBadShare - p.cumulativeGoodShare);
					if (widest == null || gap > widest.gap) {
						widest = { gap: gap, score: p.score, bad: p.cumulativeBadShare, good: p.cumulativeGoodShare };
					}
				});
				const ksLine = widest && { symbol: 'none', silent: true, label: { show: false },
					lineStyle: { color: '#1f2933', width: 2, type: 'solid' },
					data: [[{ coord: [widest.score, widest.bad] }, { coord: [widest.score, widest.good] }]] };
				const ksLabel = widest && { symbolSize: 0, silent: true, data: [{ coord: [widest.score, (widest.bad + widest.good) / 2],
					label: { show: true, position: 'right', color: '#1f2933', fontWeight: 'bold',
						formatter: 'KS ' + widest.gap.toFixed(3) + ' at score ' + widest.score } }] };
				draw('chart-ks', {
					tooltip: { trigger: 'axis', valueFormatter: percent },
					xAxis: { type: 'value', name: 'Score', scale: true, nameLocation: 'middle', nameGap: 30 },
					yAxis: percentAxis('At or below the score', { max: 1, nameTextStyle: { align: 'left' } }),
					series: [line('Bads', curves.ks.map((p) => [p.score, p.cumulativeBadShare]),
						{ color: colours.bads, markLine: ksLine, markPoint: ksLabel }),
						line('Goods', curves.ks.map((p) => [p.score, p.cumulativeGoodShare]), { color: colours.goods })]
				});
				const bands = curves.scoreBands;
				const bandNames = bands.map((b) => (b.to - 1 > b.from ? b.from + '–' + (b.to - 1) : String(b.from)));
				const total = (key) => bands.reduce((sum, b) => sum + b[key], 0);
				const shares = (key) => bands.map((b) => (total(key) > 0 ? b[key] / total(key) : 0));
				draw('chart-scores', {
					tooltip: { trigger: 'axis', formatter: (items) => echarts.format.encodeHTML(bandNames[items[0].dataIndex])
						+ items.map((item) => '<br>' + item.marker + item.seriesName + ': '
							+ bands[item.dataIndex][item.seriesName.toLowerCase()].toLocaleString('en-US')
							+ ' (' + percent(item.value) + ' of all)').join('') },
					xAxis: { type: 'category', data: bandNames, name: 'Score', nameLocation: 'middle', nameGap: 30 },
					yAxis: percentAxis('Share of all goods / of all bads', { nameTextStyle: { align: 'left' } }),
					series: [{ name: 'Goods', type: 'bar', color: colours.goods, data: shares('goods') },
						{ name: 'Bads', type: 'bar', color: colours.bads, data: shares('bads') }]
				});
				const orGap = (value) => (value == null ? '-' : value);
				draw('chart-bands', {
					tooltip: { trigger: 'axis', valueFormatter: (value) => (value === '-' ? '–' : percent(value)) },
					xAxis: { type: 'category', data: bandNames, name: 'Score', nameLocation: 'middle', nameGap: 30 },
					yAxis: [percentAxis('Approval rate', { max: 1, nameTextStyle: { align: 'left' } }),
						percentAxis('Bad rate', { splitLine: { show: false }, nameTextStyle: { align: 'right' } })],
					series: [{ name: 'Approval rate', type: 'bar', color: colours.approval,
						data: bands.map((b) => orGap(b.approvalRate)) },
						{ name: 'Bad rate', type: 'line', yAxisIndex: 1, color: colours.bads, connectNulls: false,
							data: bands.map((b) => orGap(b.badRate)) }]
				});
				if (data.comparison) {
					const migration = data.comparison.migration;
					const names = migration.bands.map((band) => band.charAt(0) + band.slice(1).toLowerCase());
					const cells = [];
					migration.counts.forEach((counts, row) => counts.forEach((rows, column) => cells.push([column, row, rows])));
					const badRate = (cell) => percent(migration.badRates[cell[1]][cell[0]]);
					draw('chart-migration', {
						tooltip: { formatter: (item) => echarts.format.encodeHTML('Baseline ' + names[item.value[1]]
							+ ', candidate ' + names[item.value[0]]) + '<br>' + item.value[2].toLocaleString('en-US')
							+ ' rows, bad rate ' + badRate(item.value) },
						grid: { left: 96, right: 16, top: 16, bottom: 56 },
						xAxis: { type: 'category', data: names, name: 'Candidate', nameLocation: 'middle', nameGap: 30 },
						yAxis: { type: 'category', data: names, name: 'Baseline', inverse: true,
							nameLocation: 'middle', nameGap: 80 },
						visualMap: { show: false, min: 0, max: Math.max(1, ...cells.map((cell) => cell[2])),
							inRange: { color: ['#eef3f9', '#3d6fb0'] } },
						series: [{ type: 'heatmap', data: cells, itemStyle: { borderColor: '#fff', borderWidth: 2 },
							label: { show: true, lineHeight: 18, formatter: (item) => item.value[2].toLocaleString('en-US')
								+ '\\nbad ' + badRate(item.value) } }]
					});
				}
			})();
			""";

}
