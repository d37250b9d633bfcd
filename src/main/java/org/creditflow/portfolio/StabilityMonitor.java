package org.creditflow.portfolio;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.creditflow.application.ApplicationStatus;
import org.creditflow.application.LoanApplications;
import org.creditflow.scoring.ActiveRuleset;
import org.creditflow.scoring.DevelopmentSample;
import org.creditflow.scoring.RecordedCases;
import org.creditflow.scoring.Ruleset;
import org.creditflow.web.NotFoundException;

import org.springframework.lang.Nullable;
import org.springframework.stereotype.Service;

/**
 * Reads the months' first assessments and decisions and reports their stability against a
 * ruleset's development sample: by default the champion's, the scorecards deciding today.
 */
@Service
class StabilityMonitor {

	private final RecordedCases cases;

	private final ActiveRuleset rulesets;

	private final LoanApplications applications;

	private final PortfolioProperties properties;

	private final Clock clock;

	StabilityMonitor(RecordedCases cases, ActiveRuleset rulesets, LoanApplications applications,
			PortfolioProperties properties, Clock clock) {
		this.cases = cases;
		this.rulesets = rulesets;
		this.applications = applications;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * @param rulesetVersion the ruleset whose development sample is the baseline; null:
	 * the champion's
	 * @param months how many months, the current one included
	 * @throws NotFoundException when no such ruleset version was ever stored
	 */
	Stability.Report report(@Nullable String rulesetVersion, int months) {
		Ruleset watched = watched(rulesetVersion);
		Optional<DevelopmentSample> sample = watched.developmentSample();
		Map<String, Boolean> sameScorecard = new HashMap<>();
		StabilityTally tally = new StabilityTally(sample.orElse(new DevelopmentSample(List.of())),
				(version) -> sameScorecard.computeIfAbsent(version, (key) -> key.equals(watched.version())
						|| (sample.isPresent() && this.rulesets.version(key).developmentSample().equals(sample))),
				this.properties.stability());
		ZoneId zone = this.clock.getZone();
		YearMonth last = YearMonth.now(this.clock);
		YearMonth first = last.minusMonths(months - 1L);
		Map<YearMonth, long[]> decisions = new HashMap<>();
		for (YearMonth month = first; !month.isAfter(last); month = month.plusMonths(1)) {
			tally.month(month);
			Map<ApplicationStatus, Long> outcomes = this.applications.outcomesDecided(start(month, zone),
					start(month.plusMonths(1), zone));
			decisions.put(month, new long[] { outcomes.getOrDefault(ApplicationStatus.APPROVED, 0L),
					outcomes.getOrDefault(ApplicationStatus.DECLINED, 0L) });
		}
		this.cases.forEach(start(first, zone), start(last.plusMonths(1), zone), (recorded) -> {
			// a reassessment is the same applicant again
			if (recorded.round() == 1) {
				tally.add(YearMonth.from(recorded.assessedAt().atZoneSameInstant(zone)), recorded.rulesetVersion(),
						recorded.facts(), recorded.recorded());
			}
		});
		PortfolioProperties.Stability thresholds = this.properties.stability();
		return new Stability.Report(watched.version(), sample.isPresent(), thresholds.watch(), thresholds.shift(),
				thresholds.minimumApplications(), tally.months(decisions));
	}

	private Ruleset watched(@Nullable String version) {
		if (version == null) {
			return this.rulesets.get();
		}
		Ruleset ruleset = this.rulesets.version(version);
		if (!ruleset.version().equals(version)) {
			throw new NotFoundException("No ruleset version " + version);
		}
		return ruleset;
	}

	private static OffsetDateTime start(YearMonth month, ZoneId zone) {
		return month.atDay(1).atStartOfDay(zone).toOffsetDateTime();
	}

}
