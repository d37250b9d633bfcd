package org.creditflow.scorecard;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

import org.creditflow.backtest.ReportPage;

import org.springframework.lang.Nullable;

import static org.creditflow.backtest.ReportFormat.MISSING;
import static org.creditflow.backtest.ReportFormat.count;
import static org.creditflow.backtest.ReportFormat.escape;
import static org.creditflow.backtest.ReportFormat.percent;
import static org.creditflow.backtest.ReportFormat.ratio;

/**
 * The tables of a segment in the scorecard report: the characteristics by information
 * value, the calibration per grade and per score band, and the bins of each selected
 * characteristic. PDs are written to two decimals of a percent, since the safest grades'
 * differ in the second.
 */
final class ScorecardReportTables {

	private ScorecardReportTables() {
	}

	/**
	 * Every characteristic, the most informative first; a selected one links to its bins.
	 */
	static void characteristics(StringBuilder page, int segment, List<ScorecardModel.Characteristic> characteristics) {
		page.append("<h3>Characteristics by information value</h3>\n<div class=\"wide\"><table>\n<thead><tr>")
			.append("<th>Characteristic</th><th>Type</th><th class=\"num\">Information value</th>")
			.append("<th>In the scorecard</th><th class=\"num\">Coefficient</th><th>Why not</th></tr></thead>\n")
			.append("<tbody>\n");
		IntStream.range(0, characteristics.size())
			.boxed()
			.sorted(Comparator.comparingDouble((Integer i) -> characteristics.get(i).informationValue()).reversed())
			.forEach((i) -> {
				ScorecardModel.Characteristic characteristic = characteristics.get(i);
				String name = escape(characteristic.name());
				page.append("<tr><th>")
					.append(characteristic.selected() ? "<a href=\"#" + binsId(segment, i) + "\">" + name + "</a>"
							: name)
					.append("</th><td>")
					.append(characteristic.type())
					.append("</td>");
				number(page, String.format(Locale.US, "%.4f", characteristic.informationValue()));
				page.append("<td>").append(characteristic.selected() ? "yes" : "no").append("</td>");
				number(page, ratio(characteristic.coefficient()));
				page.append("<td class=\"why\">")
					.append((characteristic.why() != null) ? escape(characteristic.why()) : "")
					.append("</td></tr>\n");
			});
		page.append("</tbody>\n</table></div>\n");
	}

	/** Per grade of the master scale, when the policy has one, and per score band. */
	static void calibration(StringBuilder page, ScorecardModel.Segment fitted) {
		page.append("<div class=\"side-by-side\">\n");
		List<ScorecardModel.GradeCalibration> grades = fitted.grades();
		if (grades != null) {
			// a synthetic history knows the PD each outcome was drawn from: shown beside
			// the fit's
			boolean truePd = grades.stream().anyMatch((grade) -> grade.truePd() != null);
			page.append("<table class=\"grades\">\n<thead><tr><th>Grade</th><th>PD</th>")
				.append(truePd ? "<th class=\"num\">True PD</th>" : "");
			calibrationHeaders(page);
			for (ScorecardModel.GradeCalibration grade : grades) {
				page.append("<tr><th>")
					.append(escape(grade.grade()))
					.append("</th><td>")
					.append(pdBand(grade.pdFromPercent(), grade.pdToPercent()))
					.append("</td>");
				if (truePd) {
					number(page, percent(grade.truePd()));
				}
				calibrationCells(page, grade.rows(), grade.predictedPd(), grade.observedBadRate(),
						grade.standardErrors());
			}
			page.append("</tbody>\n</table>\n");
		}
		page.append("<table class=\"bands\">\n<thead><tr><th class=\"num\">Scores</th>");
		calibrationHeaders(page);
		for (ScorecardModel.CalibrationBand band : fitted.calibration()) {
			page.append("<tr><td class=\"num\">")
				.append((band.scoreFrom() == band.scoreTo()) ? band.scoreFrom()
						: band.scoreFrom() + " – " + band.scoreTo())
				.append("</td>");
			calibrationCells(page, band.rows(), band.predictedPd(), band.observedBadRate(), band.standardErrors());
		}
		page.append("</tbody>\n</table>\n</div>\n");
		if (grades == null) {
			page.append("<p class=\"note\">The policy file has no master scale (grade.A.pd.max, ...), ")
				.append("so there are no grades to check.</p>\n");
		}
	}

	/** A selected characteristic's bins, as a table and a chart side by side. */
	static void bins(StringBuilder page, int segment, int index, ScorecardModel.Characteristic characteristic) {
		long rows = characteristic.bins().stream().mapToLong(ScorecardModel.BinPoints::count).sum();
		page.append("<h3 id=\"")
			.append(binsId(segment, index))
			.append("\">")
			.append(escape(characteristic.name()))
			.append(" <span class=\"ci\">information value ")
			.append(String.format(Locale.US, "%.4f", characteristic.informationValue()))
			.append(", coefficient ")
			.append(ratio(characteristic.coefficient()))
			.append("</span></h3>\n<div class=\"side-by-side\">\n<table class=\"bins\">\n<thead><tr><th>Bin</th>")
			.append("<th class=\"num\">Rows</th><th class=\"num\">Share</th><th class=\"num\">Bad rate</th>")
			.append("<th class=\"num\">WoE</th><th class=\"num\">Points</th></tr></thead>\n<tbody>\n");
		for (ScorecardModel.BinPoints bin : characteristic.bins()) {
			page.append("<tr><td>").append(escape(bin.label())).append("</td>");
			number(page, count(bin.count()));
			number(page, percent((rows > 0) ? bin.count() / (double) rows : null));
			number(page, percent(bin.badRate()));
			number(page, String.format(Locale.US, "%+.3f", bin.woe()));
			number(page, (bin.points() != null) ? count(bin.points()) : MISSING);
			page.append("</tr>\n");
		}
		page.append("</tbody>\n</table>\n");
		ReportPage.chart(page, ScorecardReport.chartId(segment, "bins-" + index),
				"Share of rows and bad rate per bin (training rows)");
		page.append("</div>\n");
	}

	/**
	 * A grade's PDs as the master scale defines them: above the lower bound, up to the
	 * upper.
	 */
	static String pdBand(BigDecimal fromPercent, BigDecimal toPercent) {
		if (fromPercent.signum() == 0) {
			return "up to " + toPercent.toPlainString() + " %";
		}
		if (toPercent.compareTo(BigDecimal.valueOf(100)) == 0) {
			return "above " + fromPercent.toPlainString() + " %";
		}
		return "above " + fromPercent.toPlainString() + " % up to " + toPercent.toPlainString() + " %";
	}

	private static void calibrationHeaders(StringBuilder page) {
		page.append("<th class=\"num\">Rows</th><th class=\"num\">Predicted PD</th>")
			.append("<th class=\"num\">Observed bad rate</th><th class=\"num\">Standard errors</th></tr></thead>\n")
			.append("<tbody>\n");
	}

	private static void calibrationCells(StringBuilder page, long rows, @Nullable Double predicted,
			@Nullable Double observed, @Nullable Double standardErrors) {
		number(page, count(rows));
		number(page, pd(predicted));
		number(page, pd(observed));
		number(page, (standardErrors != null) ? String.format(Locale.US, "%+.1f", standardErrors) : MISSING);
		page.append("</tr>\n");
	}

	private static String pd(@Nullable Double share) {
		return (share != null && Double.isFinite(share)) ? String.format(Locale.US, "%.2f %%", share * 100) : MISSING;
	}

	private static String binsId(int segment, int characteristic) {
		return "segment-" + segment + "-characteristic-" + characteristic;
	}

	private static void number(StringBuilder page, String html) {
		page.append("<td class=\"num\">").append(html).append("</td>");
	}

}
