package org.creditflow.scorecard;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.creditflow.backtest.ReportPage;
import org.creditflow.backtest.ScoreDistribution;

import static org.creditflow.backtest.ReportFormat.MISSING;
import static org.creditflow.backtest.ReportFormat.count;
import static org.creditflow.backtest.ReportFormat.escape;
import static org.creditflow.backtest.ReportFormat.percent;
import static org.creditflow.backtest.ReportFormat.ratio;

/**
 * The {@code report.html} of a fitted scorecard, which its developers and validators
 * read: one file that opens offline ({@link ReportPage}), per segment the headline, every
 * characteristic's information value (and why it is out, when it is), the ROC and KS
 * curves, predicted against observed PD per grade and per score band, and each selected
 * characteristic's bins with their points. The tables are written here, the charts drawn
 * from the model embedded as JSON. Characteristics' names and categories' codes come from
 * a user's CSV, so every text from the data is escaped.
 */
final class ScorecardReport {

	/** The id of the script element holding the figures as JSON. */
	static final String DATA_ID = "scorecard-data";

	/** Where the report's own style, notes and chart script are, beside this class. */
	private static final String OWN_RESOURCES = "org/creditflow/scorecard/";

	private static final String STYLE = ReportPage.STYLE + ReportPage.resource(OWN_RESOURCES + "report.css");

	private static final String HOW_TO_READ = ReportPage.resource(OWN_RESOURCES + "report-notes.html");

	private static final String CHARTS_SCRIPT = ReportPage.script(OWN_RESOURCES + "report.js");

	/**
	 * What the chart script draws from, segments in a list since a script reads an
	 * object's keys that look like numbers in their numeric order, not the page's.
	 */
	record Figures(List<SegmentFigures> segments) {
	}

	/**
	 * A segment as {@code model.json} holds it, with its ROC curves and its KS curve (of
	 * the holdout, of the training rows without one).
	 */
	record SegmentFigures(String name, ScorecardModel.Segment fitted, List<ScoreDistribution.RocPoint> trainRoc,
			List<ScoreDistribution.RocPoint> holdoutRoc, List<ScoreDistribution.KsPoint> ks) {
	}

	private ScorecardReport() {
	}

	/**
	 * @param input the labelled CSV as the command was given it
	 */
	static String html(ScorecardBuilder.Result result, String input) {
		ScorecardModel model = result.model();
		StringBuilder page = ReportPage.open("Scorecard report " + input, STYLE);
		header(page, result, input);
		List<SegmentFigures> figures = new ArrayList<>();
		int index = 0;
		for (Map.Entry<String, ScorecardModel.Segment> segment : model.segments().entrySet()) {
			ScorecardModel.Segment fitted = segment.getValue();
			ScorecardBuilder.Separation scores = result.separation().get(segment.getKey());
			segment(page, index++, segment.getKey(), fitted);
			figures.add(new SegmentFigures(segment.getKey(), fitted, scores.train().roc(), scores.holdout().roc(),
					(fitted.holdoutRows() > 0) ? scores.holdout().ksCurve() : scores.train().ksCurve()));
		}
		page.append(HOW_TO_READ);
		ReportPage.close(page, DATA_ID, new Figures(figures), CHARTS_SCRIPT);
		return page.toString();
	}

	private static void header(StringBuilder page, ScorecardBuilder.Result result, String input) {
		ScorecardModel model = result.model();
		page.append("<header>\n<h1>Scorecard report</h1>\n<dl class=\"facts\">\n");
		fact(page, "Input", "<code>" + escape(input) + "</code>, " + count(result.score().length) + " rows");
		fact(page, "Holdout",
				(model.holdout() > 0)
						? percent(model.holdout()) + " of each segment's goods and of its bads, seed " + model.seed()
						: "none: every figure is of the training rows");
		ScoreScale scale = model.scale();
		fact(page, "Score scale", count(scale.base()) + " points at odds of " + count(Math.round(scale.odds()))
				+ " good to 1 bad, " + count(scale.pdo()) + " points to double the odds");
		List<ScorecardModel.GradeCalibration> grades = model.segments().values().iterator().next().grades();
		fact(page, "Master scale",
				(grades == null) ? "none in the policy file (grade.A.pd.max, ...): calibration by score band only"
						: grades.stream().map(ScorecardReport::band).collect(Collectors.joining(", ")));
		List<String> links = new ArrayList<>();
		int index = 0;
		for (String segment : model.segments().keySet()) {
			links.add("<a href=\"#segment-" + index++ + "\">" + escape(segment) + "</a>");
		}
		fact(page, "Segments", String.join(", ", links));
		page.append("</dl>\n</header>\n");
	}

	private static void segment(StringBuilder page, int index, String name, ScorecardModel.Segment fitted) {
		String checked = (fitted.holdoutRows() > 0) ? "holdout" : "training rows";
		page.append("<section id=\"segment-").append(index).append("\">\n<h2>Segment ").append(escape(name));
		page.append("</h2>\n<table>\n<thead><tr><th>Figure</th><th class=\"num\">Training</th>")
			.append("<th class=\"num\">Holdout</th></tr></thead>\n<tbody>\n");
		row(page, "Rows", count(fitted.trainRows()), count(fitted.holdoutRows()));
		row(page, "Bad rate", percent(fitted.trainBadRate()), percent(fitted.holdoutBadRate()));
		ScorecardModel.Quality holdout = fitted.holdout();
		row(page, "AUC", ratio(fitted.train().auc()), (holdout != null) ? ratio(holdout.auc()) : MISSING);
		row(page, "Gini", ratio(fitted.train().gini()), (holdout != null) ? ratio(holdout.gini()) : MISSING);
		row(page, "KS", ratio(fitted.train().ks()), (holdout != null) ? ratio(holdout.ks()) : MISSING);
		page.append("</tbody>\n</table>\n");
		ScorecardReportTables.characteristics(page, index, fitted.characteristics());
		page.append("<div class=\"charts\">\n");
		ReportPage.chart(page, chartId(index, "roc"),
				"ROC: bads flagged against goods flagged, as the cut-off score rises");
		ReportPage.chart(page, chartId(index, "ks"),
				"KS: share of bads and of goods at or below each score (" + checked + ")");
		if (fitted.grades() != null) {
			ReportPage.chart(page, chartId(index, "grades"),
					"Predicted PD and observed bad rate per grade (" + checked + ")");
		}
		ReportPage.chart(page, chartId(index, "bands"),
				"Predicted PD and observed bad rate per score band (" + checked + ")");
		page.append("</div>\n<h3>Calibration on the ").append(checked).append("</h3>\n");
		ScorecardReportTables.calibration(page, fitted);
		for (int i = 0; i < fitted.characteristics().size(); i++) {
			ScorecardModel.Characteristic characteristic = fitted.characteristics().get(i);
			if (characteristic.selected()) {
				ScorecardReportTables.bins(page, index, i, characteristic);
			}
		}
		page.append("</section>\n");
	}

	/** Ids from the segment's and the characteristic's place, never from their names. */
	static String chartId(int segment, String chart) {
		return "chart-" + segment + "-" + chart;
	}

	/**
	 * A grade and its PDs, as the master scale in the header lists it (the same in every
	 * segment).
	 */
	private static String band(ScorecardModel.GradeCalibration grade) {
		return escape(grade.grade()) + " " + ScorecardReportTables.pdBand(grade.pdFromPercent(), grade.pdToPercent());
	}

	private static void row(StringBuilder page, String figure, String train, String holdout) {
		page.append("<tr><th>")
			.append(figure)
			.append("</th><td class=\"num\">")
			.append(train)
			.append("</td><td class=\"num\">")
			.append(holdout)
			.append("</td></tr>\n");
	}

	private static void fact(StringBuilder page, String term, String html) {
		page.append("<dt>").append(term).append("</dt><dd>").append(html).append("</dd>\n");
	}

}
