package org.creditflow.scorecard;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.creditflow.backtest.ReportPage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.web.util.HtmlUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scorecard report as its readers get it: one file that opens offline, per segment
 * the figures of {@code model.json} in tables and the data of every chart, and nothing
 * from the user's CSV (a segment, a category) able to change the page.
 */
class ScorecardReportTests {

	static final String HOSTILE_CODE = "<script>alert(1)</script>";

	static final String HOSTILE_SEGMENT = "<b>sme</b> & co";

	private static final ObjectMapper JSON = new ObjectMapper();

	private static ScorecardBuilder.Result result;

	private static String html;

	@BeforeAll
	static void fitAndReport() throws IOException {
		Properties policy = new Properties();
		try (Reader reader = Files.newBufferedReader(Path.of("rules/policy.properties"), StandardCharsets.UTF_8)) {
			policy.load(reader);
		}
		result = fit(MasterScale.of(policy, "rules/policy.properties"));
		html = ScorecardReport.html(result, "history <1>.csv");
	}

	@Test
	void shouldBeOneFileWithEchartsInline() throws IOException {
		String library = echartsLibrary();

		assertThat(html.contains(library)).as("ECharts inline").isTrue();
		String page = html.replace(library, "");
		assertThat(page).startsWith("<!DOCTYPE html>").endsWith("</html>\n");
		assertThat(page).doesNotContain("src=\"http")
			.doesNotContainPattern("(?i)<(script|link|img|iframe)[^>]*\\s(src|href)=");
	}

	@Test
	void shouldGiveEveryChartItsOwnDiv() {
		for (String chart : List.of("roc", "ks", "grades", "bands", "bins-0", "bins-1")) {
			assertThat(html).contains("<div id=\"chart-0-" + chart + "\" class=\"chart\"></div>");
			assertThat(html).contains("<div id=\"chart-1-" + chart + "\" class=\"chart\"></div>");
		}
		// noise is not in the scorecard, so it has no bins to show
		assertThat(html).doesNotContain("id=\"chart-0-bins-2\"");
	}

	@Test
	void shouldShowTheHeadlineOfEachSegment() {
		ScorecardModel.Segment retail = result.model().segments().get("retail");
		String segment = section(html, "segment-1");

		assertThat(segment).contains("<h2>Segment retail</h2>");
		assertThat(row(segment, "Rows")).contains(">" + count(retail.trainRows()) + "<")
			.contains(">" + count(retail.holdoutRows()) + "<");
		assertThat(row(segment, "Bad rate")).contains(percent(retail.trainBadRate()));
		assertThat(row(segment, "AUC")).contains(ratio(retail.train().auc())).contains(ratio(retail.holdout().auc()));
		assertThat(row(segment, "Gini")).contains(ratio(retail.train().gini()))
			.contains(ratio(retail.holdout().gini()));
		assertThat(row(segment, "KS")).contains(ratio(retail.holdout().ks()));
	}

	@Test
	void shouldListEveryCharacteristicByInformationValueWithWhyItIsOut() {
		String segment = section(html, "segment-1");

		assertThat(segment).containsSubsequence("Characteristics by information value", ">income</a>", ">channel</a>",
				">noise</th>");
		assertThat(row(segment, "noise")).contains(">no<").contains("information value").contains("is below 0.02");
		assertThat(row(segment, "<a href=\"#segment-1-characteristic-0\">income</a>")).contains(">yes<");
	}

	@Test
	void shouldShowTheBinsOfASelectedCharacteristicWithTheirPoints() {
		ScorecardModel.Characteristic income = result.model().segments().get("retail").characteristics().get(0);
		String bins = html.substring(html.indexOf("<h3 id=\"segment-1-characteristic-0\">"));
		bins = bins.substring(0, bins.indexOf("</table>"));

		for (ScorecardModel.BinPoints bin : income.bins()) {
			assertThat(row(bins, HtmlUtils.htmlEscape(bin.label()))).contains(">" + count(bin.count()) + "<")
				.contains(percent(bin.badRate()))
				.contains(String.format(Locale.US, ">%+.3f<", bin.woe()))
				.contains(">" + bin.points() + "<");
		}
	}

	@Test
	void shouldShowPredictedAgainstObservedPerGradeAndPerScoreBand() {
		String segment = section(html, "segment-1");

		assertThat(segment).contains("<h3>Calibration on the holdout</h3>");
		assertThat(row(segment, "A")).contains("up to 1.0 %");
		assertThat(row(segment, "C")).contains("above 2.0 % up to 4.0 %");
		assertThat(row(segment, "E")).contains("above 8.0 %");
		ScorecardModel.GradeCalibration c = result.model().segments().get("retail").grades().get(2);
		assertThat(row(segment, "C")).contains(">" + count(c.rows()) + "<")
			.contains(String.format(Locale.US, ">%.2f %%<", c.observedBadRate() * 100));
		assertThat(html.substring(0, html.indexOf("</header>"))).contains("A up to 1.0 %, B above 1.0 % up to 2.0 %");
	}

	@Test
	void shouldCalibrateByScoreBandOnlyWithoutAMasterScale() {
		String page = ScorecardReport.html(fit(MasterScale.NONE), "history.csv");

		assertThat(page).doesNotContain("id=\"chart-0-grades\"").contains("id=\"chart-0-bands\"");
		assertThat(page).contains("none in the policy file (grade.A.pd.max, ...)");
	}

	@Test
	void shouldCarryTheModelAsJsonForTheCharts() throws IOException {
		JsonNode data = JSON.readTree(dataOf(html));

		JsonNode retail = data.at("/segments/1");
		assertThat(retail.get("name").asText()).isEqualTo("retail");
		assertThat(retail.at("/fitted/holdout/gini").asDouble())
			.isEqualTo(result.model().segments().get("retail").holdout().gini());
		assertThat(retail.get("trainRoc").size()).isGreaterThan(10);
		assertThat(retail.get("holdoutRoc").size()).isGreaterThan(10);
		assertThat(retail.get("ks").size()).isGreaterThan(10);
		assertThat(retail.at("/fitted/grades")).hasSize(5);
		assertThat(retail.at("/fitted/characteristics/0/bins/0/woe").isNumber()).isTrue();
	}

	@Test
	void shouldEscapeSegmentsAndCategoriesFromTheData() throws IOException {
		assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt;")
			.contains("Segment &lt;b&gt;sme&lt;/b&gt; &amp; co")
			.contains("<code>history &lt;1&gt;.csv</code>");
		assertThat(html).doesNotContain("<script>alert").doesNotContain("<b>sme");
		String data = dataOf(html);
		assertThat(data).doesNotContain("</");
		assertThat(JSON.readTree(data).at("/segments/0/name").asText()).isEqualTo(HOSTILE_SEGMENT);
		assertThat(data).contains("\\u003cscript>alert(1)\\u003c/script>");
	}

	@Test
	void shouldExplainHowToReadTheFigures() {
		assertThat(section(html, "how-to-read")).contains("row whose target is 1")
			.contains("within &plusmn;2 is noise")
			.contains("master scale in the policy file");
	}

	/**
	 * Two segments (one with a name a browser would read as markup) of 5,000 rows: income
	 * lowers the odds of going bad, one channel (a code a browser would run) raises them,
	 * a third characteristic is noise.
	 */
	static ScorecardBuilder.Result fit(MasterScale masterScale) {
		ScorecardSpec spec = ScorecardSpec.of(Map.of("target", "bad", "segment", "segment", "holdout", 0.3, "seed", 7,
				"characteristics", List.of(Map.of("name", "income", "type", "numeric"),
						Map.of("name", "channel", "type", "categorical"), Map.of("name", "noise", "type", "numeric"))));
		List<String> lines = new ArrayList<>();
		lines.add("bad,segment,income,channel,noise");
		SplittableRandom random = new SplittableRandom(11);
		List<String> channels = List.of("branch", "web", HOSTILE_CODE);
		for (int row = 0; row < 10_000; row++) {
			int income = random.nextInt(100);
			int channel = random.nextInt(channels.size());
			double logOdds = -3 - 0.03 * (income - 50) + 0.7 * channel;
			boolean bad = random.nextDouble() < 1 / (1 + Math.exp(-logOdds));
			lines.add((bad ? 1 : 0) + "," + ((row % 2 == 0) ? HOSTILE_SEGMENT : "retail") + "," + income + ","
					+ channels.get(channel) + "," + random.nextInt(1000));
		}
		return ScorecardBuilder.build(LabelledData.parse(lines, spec), spec, new ScoreScale(600, 30, 40), masterScale);
	}

	/** The ids of the elements a chart is drawn in, in the page's order. */
	static List<String> chartIds(String html) {
		List<String> ids = new ArrayList<>();
		Matcher chart = Pattern.compile("<div id=\"(chart-[^\"]+)\" class=\"chart\">").matcher(html);
		while (chart.find()) {
			ids.add(chart.group(1));
		}
		return ids;
	}

	/** The JSON the page's script draws from. */
	static String dataOf(String html) {
		Matcher data = Pattern
			.compile("<script type=\"application/json\" id=\"" + ScorecardReport.DATA_ID + "\">(.*?)</script>",
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

	/** The table row whose first cell holds the HTML given, and only that. */
	private static String row(String html, String cell) {
		Matcher row = Pattern.compile("<tr[^>]*><t[hd][^>]*>" + Pattern.quote(cell) + "</t[hd]>.*?</tr>").matcher(html);
		assertThat(row.find()).as("row " + cell).isTrue();
		return row.group();
	}

	private static String count(long value) {
		return String.format(Locale.US, "%,d", value);
	}

	private static String percent(double share) {
		return String.format(Locale.US, "%.1f %%", share * 100);
	}

	private static String ratio(double value) {
		return String.format(Locale.US, "%.3f", value);
	}

	private static String echartsLibrary() throws IOException {
		try (InputStream in = ScorecardReportTests.class.getClassLoader()
			.getResourceAsStream(ReportPage.ECHARTS_RESOURCE)) {
			assertThat(in).as(ReportPage.ECHARTS_RESOURCE).isNotNull();
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

}
