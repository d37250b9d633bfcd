package org.creditflow.backtest;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.springframework.lang.Nullable;
import org.springframework.web.util.HtmlUtils;

/**
 * How the reports (the backtest's, the scorecard's) write their figures: in US English
 * whatever the machine's locale, to the decimals the risk team reads, changes signed (of
 * shares in percentage points), a dash for a figure that cannot be computed; and free
 * text escaped for HTML.
 */
public final class ReportFormat {

	/** A figure that is missing: no outcomes, no baseline, no approved rows. */
	public static final String MISSING = "–";

	private ReportFormat() {
	}

	public static String count(long value) {
		return String.format(Locale.US, "%,d", value);
	}

	public static String percent(@Nullable Double share) {
		return known(share) ? String.format(Locale.US, "%.1f %%", share * 100) : MISSING;
	}

	public static String ratio(@Nullable Double value) {
		return format("%.3f", value);
	}

	/** Offered rates are quoted to two decimals, as lenders quote them. */
	static String interestRate(@Nullable Double percent) {
		return interestRate(percent, "%.2f %%");
	}

	static String interestRate(@Nullable Double percent, String pattern) {
		return format(pattern, percent);
	}

	static String krw(@Nullable Double amount) {
		return krw(amount, "%,.0f");
	}

	static String krw(@Nullable Double amount, String pattern) {
		return format(pattern, amount);
	}

	static String runTime(double seconds) {
		if (seconds < 60) {
			return String.format(Locale.US, "%.1f s", seconds);
		}
		long whole = Math.round(seconds);
		return String.format(Locale.US, "%d min %02d s", whole / 60, whole % 60);
	}

	static String countChange(long candidate, long baseline) {
		return String.format(Locale.US, "%+,d", candidate - baseline);
	}

	/**
	 * A change of a share in percentage points, so it is never read as a relative change.
	 */
	static String pointsChange(@Nullable Double candidate, @Nullable Double baseline) {
		return (known(candidate) && known(baseline)) ? format("%+.1f pp", (candidate - baseline) * 100) : MISSING;
	}

	static String ratioChange(@Nullable Double candidate, @Nullable Double baseline) {
		return (known(candidate) && known(baseline)) ? format("%+.3f", candidate - baseline) : MISSING;
	}

	static String interestRateChange(@Nullable Double candidate, @Nullable Double baseline) {
		return (known(candidate) && known(baseline)) ? format("%+.2f pp", candidate - baseline) : MISSING;
	}

	static String krwChange(@Nullable Double candidate, @Nullable Double baseline) {
		return (known(candidate) && known(baseline)) ? format("%+,.0f", candidate - baseline) : MISSING;
	}

	public static String escape(String text) {
		return HtmlUtils.htmlEscape(text, StandardCharsets.UTF_8.name());
	}

	private static String format(String pattern, @Nullable Double value) {
		return known(value) ? String.format(Locale.US, pattern, value) : MISSING;
	}

	private static boolean known(@Nullable Double value) {
		return value != null && Double.isFinite(value);
	}

}
