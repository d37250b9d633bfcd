package org.creditflow.portfolio;

import java.time.YearMonth;
import java.util.List;

import org.springframework.lang.Nullable;

/**
 * Whether each month's applicants still look like the development sample the scorecards
 * were fitted on: per segment the population stability index of the score and the
 * characteristic stability index of every scorecard characteristic, in the scorecards'
 * own bins, with the approval rate beside them (docs/credit-model.md, "Stability").
 */
final class Stability {

	private Stability() {
	}

	/** How an index reads against the thresholds. */
	enum Status {

		/** Below the watch threshold. */
		STABLE,
		/** From the watch threshold up to the shift threshold. */
		WATCH,
		/** Above the shift threshold: the population has moved. */
		SHIFT,
		/** Fewer applications than the minimum: the index is shown, not judged. */
		TOO_FEW;

		static Status of(double index, long applications, PortfolioProperties.Stability thresholds) {
			if (applications < thresholds.minimumApplications()) {
				return TOO_FEW;
			}
			if (index > thresholds.shift()) {
				return SHIFT;
			}
			return (index >= thresholds.watch()) ? WATCH : STABLE;
		}

	}

	/**
	 * @param rulesetVersion the ruleset whose development sample is the baseline
	 * @param developmentSample whether that ruleset has one; without it the months show
	 * only applications and approval rates
	 */
	record Report(String rulesetVersion, boolean developmentSample, double watch, double shift, int minimumApplications,
			List<Month> months) {
	}

	/**
	 * One month of applications (by when they were first assessed) and decisions (by when
	 * they were taken).
	 *
	 * @param rulesApprovalRate the share the rules approved outright, of the month's
	 * applications; null without applications
	 * @param approvalRate approved of approved and declined decisions; null without
	 * decisions
	 * @param segmentMix how the applications spread over the segments against the
	 * development sample's segments (characteristic {@value #SEGMENT_MIX}): a shift the
	 * indices within each segment cannot see; null when the sample has one segment
	 */
	record Month(YearMonth month, long applications, long approvedByRules, long referred, long declinedByRules,
			@Nullable Double rulesApprovalRate, long approved, long declined, @Nullable Double approvalRate,
			@Nullable Index segmentMix, List<Segment> segments) {
	}

	/** The characteristic name of the segment mix's index. */
	static final String SEGMENT_MIX = "segment";

	/**
	 * @param score the score's index; its applications are those scored by a scorecard of
	 * the same development sample
	 */
	record Segment(String segment, long applications, Index score, List<Index> characteristics) {
	}

	/**
	 * @param value null when no application of the month had it
	 * @param bins the baseline's and the month's share in each bin, and in a bin "not in
	 * the development sample" when some value was never seen there
	 */
	record Index(String characteristic, long applications, @Nullable Double value, Status status, List<BinShare> bins) {
	}

	record BinShare(String bin, double expected, double actual) {
	}

}
