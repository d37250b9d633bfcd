package org.creditflow.portfolio;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;

import org.creditflow.scoring.DevelopmentSample;
import org.creditflow.scoring.Outcome;
import org.creditflow.scoring.facts.FactProperties;

import org.springframework.lang.Nullable;

/**
 * Counts a period's first assessments into the development sample's bins, month by month,
 * and turns the counts into {@link Stability.Month}s. Only counts are kept, so a year of
 * applications passes through without being held.
 */
final class StabilityTally {

	static final String NOT_IN_DEVELOPMENT = "not in the development sample";

	private final DevelopmentSample sample;

	private final Predicate<String> sameScorecard;

	private final PortfolioProperties.Stability thresholds;

	private final Map<String, Optional<FactProperties.Property>> properties = new HashMap<>();

	private final Map<YearMonth, MonthCounts> months = new TreeMap<>();

	/**
	 * @param sample the baseline; an empty sample counts applications and bands only
	 * @param sameScorecard whether a ruleset version scores with the sample's scorecards
	 * (its score can be compared with the sample's score bands)
	 */
	StabilityTally(DevelopmentSample sample, Predicate<String> sameScorecard,
			PortfolioProperties.Stability thresholds) {
		this.sample = sample;
		this.sameScorecard = sameScorecard;
		this.thresholds = thresholds;
	}

	/** One application's first assessment. */
	void add(YearMonth month, String rulesetVersion, List<Object> facts, Outcome outcome) {
		MonthCounts counts = this.months.computeIfAbsent(month, (key) -> new MonthCounts());
		counts.applications++;
		counts.bands.merge(outcome.band(), 1L, Long::sum);
		if (outcome.segment() == null) {
			return;
		}
		counts.segments.merge(outcome.segment(), 1L, Long::sum);
		for (DevelopmentSample.Distribution distribution : this.sample.distributions()) {
			if (!distribution.segment().isEmpty() && !distribution.segment().equals(outcome.segment())) {
				continue;
			}
			Object value;
			if (distribution.characteristic().equals(DevelopmentSample.SCORE)) {
				if (outcome.score() == null || !this.sameScorecard.test(rulesetVersion)) {
					continue;
				}
				value = outcome.score();
			}
			else {
				value = property(distribution.characteristic()).map((property) -> property.valueAmong(facts))
					.orElse(null);
			}
			int bin = distribution.binOf(value);
			long[] binCounts = counts.bins.computeIfAbsent(distribution,
					(key) -> new long[distribution.bins().size() + 1]);
			binCounts[(bin >= 0) ? bin : distribution.bins().size()]++;
		}
	}

	/** Makes sure the month is reported, with or without applications. */
	void month(YearMonth month) {
		this.months.computeIfAbsent(month, (key) -> new MonthCounts());
	}

	/**
	 * The months, oldest first.
	 * @param decisions per month how many applications were approved and declined
	 */
	List<Stability.Month> months(Map<YearMonth, long[]> decisions) {
		List<Stability.Month> report = new ArrayList<>();
		this.months.forEach((month, counts) -> {
			long[] decided = decisions.getOrDefault(month, new long[2]);
			long approvedByRules = counts.bands.getOrDefault("APPROVE", 0L);
			report.add(new Stability.Month(month, counts.applications, approvedByRules,
					counts.bands.getOrDefault("REFER", 0L), counts.bands.getOrDefault("DECLINE", 0L),
					share(approvedByRules, counts.applications), decided[0], decided[1],
					share(decided[0], decided[0] + decided[1]), segmentMix(counts), segments(counts)));
		});
		return report;
	}

	/**
	 * The segments as bins: each holds the development rows of its scorecard (those of
	 * its score bands); a segment the sample has no scorecard for counts as never seen.
	 */
	@Nullable
	private Stability.Index segmentMix(MonthCounts counts) {
		List<String> segments = this.sample.segments().stream().filter((segment) -> !segment.isEmpty()).toList();
		if (segments.size() < 2) {
			return null;
		}
		List<DevelopmentSample.Bin> bins = new ArrayList<>();
		long[] actual = new long[segments.size() + 1];
		for (int i = 0; i < segments.size(); i++) {
			String segment = segments.get(i);
			bins.add(new DevelopmentSample.Bin(segment, null, null, List.of(segment), false,
					this.sample.of(segment, DevelopmentSample.SCORE)
						.map(DevelopmentSample.Distribution::rows)
						.orElse(0L)));
			actual[i] = counts.segments.getOrDefault(segment, 0L);
		}
		counts.segments.forEach((segment, applications) -> {
			if (!segments.contains(segment)) {
				actual[segments.size()] += applications;
			}
		});
		return index(new DevelopmentSample.Distribution("", Stability.SEGMENT_MIX, bins), actual);
	}

	private List<Stability.Segment> segments(MonthCounts counts) {
		List<Stability.Segment> segments = new ArrayList<>();
		for (String segment : this.sample.segments()) {
			List<Stability.Index> characteristics = new ArrayList<>();
			Stability.Index score = null;
			for (DevelopmentSample.Distribution distribution : this.sample.distributions()) {
				if (distribution.segment().equals(segment)) {
					Stability.Index index = index(distribution, counts.bins.get(distribution));
					if (distribution.characteristic().equals(DevelopmentSample.SCORE)) {
						score = index;
					}
					else {
						characteristics.add(index);
					}
				}
			}
			long applications = segment.isEmpty() ? counts.segments.values().stream().mapToLong(Long::longValue).sum()
					: counts.segments.getOrDefault(segment, 0L);
			segments.add(new Stability.Segment(segment, applications,
					(score != null) ? score : index(
							new DevelopmentSample.Distribution(segment, DevelopmentSample.SCORE, List.of()), null),
					characteristics));
		}
		return segments;
	}

	private Stability.Index index(DevelopmentSample.Distribution distribution, @Nullable long[] counts) {
		long[] actual = (counts != null) ? counts : new long[distribution.bins().size() + 1];
		long applications = 0;
		for (long count : actual) {
			applications += count;
		}
		long[] expected = new long[actual.length];
		List<Stability.BinShare> bins = new ArrayList<>();
		long developmentRows = distribution.rows();
		for (int bin = 0; bin < distribution.bins().size(); bin++) {
			expected[bin] = distribution.bins().get(bin).rows();
			bins.add(new Stability.BinShare(distribution.bins().get(bin).label(),
					(developmentRows > 0) ? expected[bin] / (double) developmentRows : 0,
					(applications > 0) ? actual[bin] / (double) applications : 0));
		}
		long unseen = actual[actual.length - 1];
		if (unseen > 0) {
			bins.add(new Stability.BinShare(NOT_IN_DEVELOPMENT, 0, unseen / (double) applications));
		}
		if (applications == 0 || developmentRows == 0) {
			return new Stability.Index(distribution.characteristic(), applications, null, Stability.Status.TOO_FEW,
					bins);
		}
		double value = StabilityIndex.of(expected, actual);
		return new Stability.Index(distribution.characteristic(), applications, value,
				Stability.Status.of(value, applications, this.thresholds), bins);
	}

	private Optional<FactProperties.Property> property(String name) {
		return this.properties.computeIfAbsent(name, FactProperties::named);
	}

	@Nullable
	private static Double share(long part, long whole) {
		return (whole > 0) ? part / (double) whole : null;
	}

	private static final class MonthCounts {

		long applications;

		final Map<String, Long> bands = new HashMap<>();

		final Map<String, Long> segments = new HashMap<>();

		// by identity: a distribution's own hash walks all its bins
		final Map<DevelopmentSample.Distribution, long[]> bins = new IdentityHashMap<>();

	}

}
