package org.creditflow.backtest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.creditflow.backtest.BacktestSummary.Comparison;
import org.creditflow.backtest.BacktestSummary.Curves;
import org.creditflow.backtest.BacktestSummary.Reproduction;
import org.creditflow.backtest.BacktestSummary.RulesetInfo;
import org.creditflow.backtest.BacktestSummary.ScoreBandFigures;
import org.creditflow.backtest.Migration.Swap;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The report as the risk committee gets it: one file that opens offline, its tables
 * formatted for reading, its charts' data intact, and nothing from the summary able to
 * change the page.
 */
class BacktestReportTests {

	private static final String CANDIDATE_VERSION = "a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9";

	private static final int APPROVAL_CUT_OFF = 600;

	private final ObjectMapper json = new ObjectMapper();

	@Test
	void shouldBeOneFileWithEchartsInline() throws IOException {
		String html = BacktestReport.html(withBaseline());
		String library = echartsLibrary();

		assertThat(html.contains(library)).as("ECharts inline").isTrue();
		String page = html.replace(library, "");
		assertThat(page).startsWith("<!DOCTYPE html>").endsWith("</html>\n");
		assertThat(page).doesNotContain("src=\"http")
			.doesNotContainPattern("(?i)<(script|link|img|iframe)[^>]*\\s(src|href)=");
	}

	@Test
	void shouldGiveEveryChartItsOwnDiv() {
		String html = BacktestReport.html(withBaseline());

		for (String id : List.of("chart-roc", "chart-ks", "chart-scores", "chart-bands", "chart-migration")) {
			assertThat(html).contains("<div id=\"" + id + "\" class=\"chart\"></div>");
		}
	}

	@Test
	void shouldLeaveOutTheBaselineWhenThereIsNone() {
		String html = BacktestReport.html(withoutBaseline());

		assertThat(html).contains("id=\"chart-roc\"")
			.doesNotContain("id=\"chart-migration\"")
			.doesNotContain("Swap-ins");
		assertThat(section(html, "headline")).doesNotContain("Baseline").doesNotContain("Change");
		assertThat(section(html, "segments")).doesNotContain("Baseline");
	}

	@Test
	void shouldCarryTheSummaryAsJsonForTheCharts() throws IOException {
		JsonNode data = this.json.readTree(dataOf(BacktestReport.html(withBaseline())));

		assertThat(data.get("approvalRate").asDouble()).isEqualTo(0.6234);
		assertThat(data.get("ruleset").get("version").asText()).isEqualTo(CANDIDATE_VERSION);
		assertThat(data.get("comparison").get("baseline").get("approvalRate").asDouble()).isEqualTo(0.6021);
		assertThat(data.get("comparison").get("migration").get("counts").get(0).get(0).asLong()).isEqualTo(5_800);
		assertThat(data.get("curves").get("roc")).hasSize(curves().roc().size());
		assertThat(data.get("curves").get("scoreBands").get(0).get("from").asInt())
			.isEqualTo(curves().scoreBands().get(0).from());
	}

	@Test
	void shouldKeepAScriptTagInTheDataFromEndingTheScript() throws IOException {
		String population = "history.csv </script><script>alert('x')</script>";
		String html = BacktestReport.html(withPopulation(withBaseline(), population));

		String data = dataOf(html);
		assertThat(data).doesNotContain("</");
		assertThat(this.json.readTree(data).get("population").asText()).isEqualTo(population);
	}

	@Test
	void shouldFormatTheHeadlineFigures() {
		String headline = section(BacktestReport.html(withBaseline()), "headline");

		assertThat(row(headline, "Rows")).contains(">10,000<").contains(">9,800<").contains(">+200<");
		assertThat(row(headline, "Approval rate")).contains(">62.3 %<").contains(">60.2 %<").contains(">+2.1 pp<");
		assertThat(row(headline, "Bad rate approved")).contains(">4.1 %<").contains(">4.6 %<").contains(">-0.5 pp<");
		assertThat(row(headline, "AUC")).contains(">0.756<").contains(">0.735<").contains(">+0.021<");
		assertThat(row(headline, "Gini")).contains("0.512").contains("0.498 to 0.527").contains(">+0.042<");
		assertThat(row(headline, "Mean rate")).contains(">7.25 %<").contains(">+0.15 pp<");
		assertThat(row(headline, "Mean limit")).contains(">12,345,679<").contains(">+345,679<");
	}

	@Test
	void shouldShowThinFilersApartAndSegmentsInTheRiskTeamsOrder() {
		String segments = section(BacktestReport.html(withBaseline()), "segments");

		assertThat(row(segments, "Thin file")).contains(">Candidate<").contains(">48.0 %<");
		assertThat(segments.indexOf(">Thin file<")).isLessThan(segments.indexOf(">Full file<"));
		assertThat(segments.indexOf(">Full file<")).isLessThan(segments.indexOf(">No financial data<"));
		assertThat(segments.indexOf(">No financial data<")).isLessThan(segments.indexOf(">UNKNOWN<"));
		assertThat(segments).contains(">Baseline<").contains(">45.5 %<");
	}

	@Test
	void shouldShowGradesFromAToEThenOthers() {
		String grades = section(BacktestReport.html(withBaseline()), "grades");

		assertThat(grades).containsSubsequence(">A<", ">B<", ">C<", ">D<", ">E<", ">X<");
	}

	@Test
	void shouldShowADashForAFigureWithoutOutcomes() {
		String html = BacktestReport.html(withoutBaseline());

		assertThat(row(section(html, "segments"), "No financial data")).contains(">0.0 %<")
			.contains("<td class=\"num\">–</td>");
		assertThat(row(section(html, "headline"), "Mean limit")).contains("<td class=\"num\">–</td>");
	}

	@Test
	void shouldEscapeFreeTextFromTheSummary() {
		String html = BacktestReport.html(withPopulation(withBaseline(), "<script>alert('x')</script> & co"));

		assertThat(html).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; co");
		assertThat(html).doesNotContain("<script>alert");
		assertThat(html).contains("from rules/ &lt;main&gt;");
	}

	@Test
	void shouldShowTheMigrationFromTheBaseline() {
		String migration = section(BacktestReport.html(withBaseline()), "migration");

		assertThat(row(migration, "Approve")).contains("5,800").contains("bad 3.9 %").contains("bad –");
		assertThat(row(migration, "Swap-ins")).contains(">434<").contains(">210<").contains(">6.2 %<");
		assertThat(row(migration, "Swap-outs")).contains(">200<").contains(">11.0 %<");
		assertThat(migration).contains("+0.10 pp").contains("-150,000 KRW");
		assertThat(migration).containsSubsequence("<h3>Thin file</h3>", "<h3>Full file</h3>");
	}

	@Test
	void shouldShowTheReproductionOfRecordedApplications() {
		String reproduction = section(BacktestReport.html(withBaseline()), "reproduction");

		assertThat(reproduction).contains("1,000 compared").contains("997 identical").contains("the first 2");
		assertThat(reproduction).contains("app-17: band REFER &lt;&gt; APPROVE");
		assertThat(BacktestReport.html(withoutBaseline())).doesNotContain("id=\"reproduction\"");
	}

	@Test
	void shouldExplainHowToReadTheFigures() {
		assertThat(section(BacktestReport.html(withoutBaseline()), "how-to-read"))
			.contains("90 or more days past due within 12 months")
			.contains("every scored row with a known outcome")
			.contains("approved rows with a known outcome");
	}

	/** The JSON the page's script draws from. */
	static String dataOf(String html) {
		Matcher data = Pattern
			.compile("<script type=\"application/json\" id=\"" + BacktestReport.DATA_ID + "\">(.*?)</script>",
					Pattern.DOTALL)
			.matcher(html);
		assertThat(data.find()).as("the data script").isTrue();
		return data.group(1);
	}

	private static String section(String html, String id) {
		int start = html.indexOf("<section id=\"" + id + "\">");
		assertThat(start).as("section " + id).isNotNegative();
		return html.substring(start, html.indexOf("</section>", start));
	}

	/** The table row whose heading cell starts with the label. */
	private static String row(String html, String label) {
		Matcher row = Pattern.compile("<tr[^>]*><th[^>]*>" + Pattern.quote(label) + ".*?</tr>").matcher(html);
		assertThat(row.find()).as("row " + label).isTrue();
		return row.group();
	}

	private static String echartsLibrary() throws IOException {
		try (InputStream in = BacktestReportTests.class.getClassLoader()
			.getResourceAsStream(ReportPage.ECHARTS_RESOURCE)) {
			assertThat(in).as(ReportPage.ECHARTS_RESOURCE).isNotNull();
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	/**
	 * A candidate against a baseline over 10,000 rows, half with an outcome, from a
	 * history file; recorded applications reproduced but for three.
	 */
	static BacktestSummary withBaseline() {
		Figures candidate = new Figures(10_000, 6_234, 1_500, 2_266, 0.6234, 0.15, 0.2266, 5_000, 0.081, 0.0412, 0.756,
				0.512, 0.401, List.of(0.498, 0.527), 7.25, 12_345_678.9);
		Figures baseline = new Figures(9_800, 5_900, 1_700, 2_200, 0.6021, 0.1735, 0.2245, 4_900, 0.081, 0.0461, 0.735,
				0.47, 0.38, List.of(0.455, 0.486), 7.10, 12_000_000.0);
		Map<String, Figures> baselineBySegment = new LinkedHashMap<>();
		baselineBySegment.put(HistoryCase.FULL_FILE, segment(7_000, 0.66, 0.035));
		baselineBySegment.put(HistoryCase.THIN_FILE, segment(2_000, 0.455, 0.09));
		Migration migration = new Migration(Migration.BANDS,
				new long[][] { { 5_800, 150, 50 }, { 300, 1_000, 300 }, { 134, 350, 1_916 } },
				new Double[][] { { 0.039, 0.08, null }, { 0.06, 0.1, 0.15 }, { 0.07, 0.12, 0.2 } },
				new Swap(434, 210, 0.062), new Swap(200, 100, 0.11));
		Map<String, Migration> migrationBySegment = new LinkedHashMap<>();
		migrationBySegment.put(HistoryCase.FULL_FILE, migration);
		migrationBySegment.put(HistoryCase.THIN_FILE, migration);
		Comparison comparison = new Comparison(baseline, baselineBySegment, migration, migrationBySegment, 0.1,
				-150_000.0);
		Reproduction reproduced = new Reproduction(1_000, 997,
				List.of("app-17: band REFER <> APPROVE", "app-230: score 612 <> 608"));
		return new BacktestSummary(new RulesetInfo(CANDIDATE_VERSION, "rules/ <main>"),
				new RulesetInfo("0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0", "ruleset in force"),
				"history.csv (10,000 synthetic applicants, seed 42)", candidate, bySegment(), byGrade(), comparison,
				reproduced, curves(), 83.4);
	}

	/** A candidate alone, without a mean limit (it approved none with an offer). */
	static BacktestSummary withoutBaseline() {
		Figures candidate = new Figures(10_000, 0, 4_000, 6_000, 0, 0.4, 0.6, 5_000, 0.081, null, 0.756, 0.512, 0.401,
				List.of(0.498, 0.527), null, null);
		Curves curves = curves();
		return new BacktestSummary(new RulesetInfo(CANDIDATE_VERSION, "rules/"), null, "history.csv", candidate,
				bySegment(), byGrade(), null, null, new Curves(curves.roc(), null, curves.ks(), curves.scoreBands()),
				4.2);
	}

	static BacktestSummary withPopulation(BacktestSummary summary, String population) {
		return new BacktestSummary(summary.ruleset(), summary.baseline(), population, summary.figures(),
				summary.bySegment(), summary.byGrade(), summary.comparison(), summary.reproduced(), summary.curves(),
				summary.seconds());
	}

	/** Deliberately not in the report's order, which the report must restore. */
	private static Map<String, Figures> bySegment() {
		Map<String, Figures> bySegment = new LinkedHashMap<>();
		bySegment.put("UNKNOWN", segment(100, 0.5, 0.05));
		bySegment.put(HistoryCase.FULL_FILE, segment(7_000, 0.67, 0.033));
		bySegment.put(HistoryCase.NO_FINANCIAL_DATA,
				new Figures(900, 0, 300, 600, 0, 0.3333, 0.6667, 0, null, null, null, null, null, null, null, null));
		bySegment.put(HistoryCase.THIN_FILE, segment(2_000, 0.48, 0.085));
		return bySegment;
	}

	private static Map<String, Figures> byGrade() {
		Map<String, Figures> byGrade = new LinkedHashMap<>();
		for (String grade : List.of("X", "E", "C", "A", "D", "B")) {
			byGrade.put(grade, segment(1_000, 0.6, 0.05));
		}
		return byGrade;
	}

	private static Figures segment(long rows, double approvalRate, double badRateApproved) {
		long approved = Math.round(rows * approvalRate);
		long declined = rows - approved;
		return new Figures(rows, approved, 0, declined, approvalRate, 0, 1 - approvalRate, rows / 2,
				badRateApproved * 2, badRateApproved, 0.75, 0.5, 0.4, List.of(0.45, 0.55), 7.5, 10_000_000.0);
	}

	/**
	 * Goods scoring around 680, bads around 560 (bell shapes, no randomness), approved
	 * from 600 up: curves as a real backtest draws them.
	 */
	static Curves curves() {
		ScoreDistribution candidate = new ScoreDistribution();
		ScoreDistribution baseline = new ScoreDistribution();
		for (int score = 300; score <= 900; score++) {
			add(candidate, score, bell(score, 680, 90, 40), false);
			add(candidate, score, bell(score, 560, 80, 12), true);
			add(baseline, score, bell(score, 660, 100, 40), false);
			add(baseline, score, bell(score, 580, 90, 12), true);
		}
		List<ScoreBandFigures> bands = candidate.bands(20).stream().map((band) -> {
			long rows = band.goods() + band.bads();
			long approved = (band.from() >= APPROVAL_CUT_OFF) ? rows : 0;
			return new ScoreBandFigures(band.from(), band.to(), rows, approved, band.goods(), band.bads(),
					(double) approved / rows, (double) band.bads() / rows);
		}).toList();
		return new Curves(candidate.roc(), baseline.roc(), candidate.ksCurve(), bands);
	}

	private static long bell(int score, double mean, double spread, double height) {
		double z = (score - mean) / spread;
		return Math.round(height * Math.exp(-z * z / 2));
	}

	private static void add(ScoreDistribution distribution, int score, long rows, boolean bad) {
		for (long row = 0; row < rows; row++) {
			distribution.add(score, bad);
		}
	}

}
