package org.creditflow.release;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.creditflow.backtest.ReleaseImpact;
import org.creditflow.scoring.ActiveRuleset;
import org.creditflow.scoring.Ruleset;
import org.creditflow.scoring.StoredRulesets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.lang.Nullable;
import org.springframework.stereotype.Component;

/**
 * {@code Task_MeasureImpact}: backtests the release's version against the champion in
 * service now, on the recently recorded applications and on a synthetic history, keeps
 * both reports with the release and writes the headline onto the approval form.
 */
@Component
class MeasureImpactDelegate implements JavaDelegate {

	private static final Logger log = LoggerFactory.getLogger(MeasureImpactDelegate.class);

	/** Half the job lock: a measurement slower than this is at risk of running twice. */
	static final Duration SLOW = Duration.ofSeconds(15);

	/** What the impact column holds. */
	record Impact(String baselineVersion, Map<String, ReleaseImpact.Headline> headlines) {
	}

	private final ReleaseRepository releases;

	private final StoredRulesets stored;

	private final ActiveRuleset active;

	private final ReleaseImpact impact;

	private final ObjectMapper json;

	MeasureImpactDelegate(ReleaseRepository releases, StoredRulesets stored, ActiveRuleset active, ReleaseImpact impact,
			ObjectMapper json) {
		this.releases = releases;
		this.stored = stored;
		this.active = active;
		this.impact = impact;
		this.json = json;
	}

	@Override
	public void execute(DelegateExecution execution) throws Exception {
		Release release = this.releases.find((String) execution.getVariable(ReleaseProcess.RELEASE_ID)).orElseThrow();
		Ruleset candidate = this.stored.find(release.version()).orElseThrow();
		Ruleset baseline = this.active.get();
		long started = System.nanoTime();
		ReleaseImpact.Impact measured = this.impact.measure(candidate, "release " + release.id(), baseline,
				"champion in service");
		Duration took = Duration.ofNanos(System.nanoTime() - started);
		if (took.compareTo(SLOW) > 0) {
			// the step holds its job's lock (30 s); past it another node would measure
			// again
			log.warn("The impact of release {} took {} s; lower creditflow.rules.impact.* to stay well within the "
					+ "job lock", release.id(), took.toSeconds());
		}
		else {
			log.info("The impact of release {} measured in {} ms", release.id(), took.toMillis());
		}
		Impact kept = new Impact(baseline.version(), measured.headlines());
		this.releases.measured(release.id(), this.json.writeValueAsString(kept), measured.reports());
		execution.setVariable(ReleaseProcess.SUMMARY, summary(release, kept));
	}

	/**
	 * The approval form's text: the release, and its impact in one table per population.
	 */
	static String summary(Release release, Impact impact) {
		StringBuilder text = new StringBuilder();
		text.append("### ")
			.append(release.rollback() ? "Rollback to" : "Release of")
			.append(" ruleset ")
			.append(release.version(), 0, 12)
			.append(" as ")
			.append(release.role().name().toLowerCase(Locale.ROOT));
		if (release.challengerShare() != null) {
			text.append(" for ").append(release.challengerShare()).append(" % of new applications");
		}
		text.append("\n\nSubmitted by **")
			.append(release.submittedBy())
			.append("**, to take effect ")
			.append(release.effectiveAt())
			.append(".\n\n> ")
			.append(release.rationale().replace("\n", "\n> "))
			.append("\n\nMeasured against the champion in service, ")
			.append(impact.baselineVersion(), 0, 12)
			.append(".\n\n");
		impact.headlines().forEach((population, headline) -> {
			text.append("#### ").append(headline.population()).append("\n\n");
			text.append("| | In service | Proposed | Change |\n|---|---|---|---|\n");
			row(text, "Approval rate", headline.approvalRate(), true);
			row(text, "Refer rate", headline.referRate(), true);
			row(text, "Decline rate", headline.declineRate(), true);
			row(text, "Bad rate of approved loans", headline.badRateApproved(), true);
			row(text, "Gini", headline.gini(), false);
			row(text, "Mean offered rate (%)", headline.meanRate(), false);
			text.append("\n")
				.append(String.format("%,d of %,d applications change band.", headline.changedBands(), headline.rows()))
				.append(" [Full report](/api/rulesets/releases/")
				.append(release.id())
				.append("/impact/")
				.append(population)
				.append(")\n\n");
		});
		text.append("You cannot approve a release you submitted yourself.");
		return text.toString();
	}

	private static void row(StringBuilder text, String name, ReleaseImpact.Figure figure, boolean percent) {
		text.append("| ")
			.append(name)
			.append(" | ")
			.append(format(figure.baseline(), percent))
			.append(" | ")
			.append(format(figure.candidate(), percent))
			.append(" | ");
		if (figure.baseline() != null && figure.candidate() != null) {
			double change = figure.candidate() - figure.baseline();
			text.append(percent ? String.format(Locale.ROOT, "%+.1f points", change * 100)
					: String.format(Locale.ROOT, "%+.3f", change));
		}
		else {
			text.append("–");
		}
		text.append(" |\n");
	}

	private static String format(@Nullable Double value, boolean percent) {
		if (value == null) {
			return "no outcomes";
		}
		return percent ? String.format(Locale.ROOT, "%.1f %%", value * 100) : String.format(Locale.ROOT, "%.3f", value);
	}

}
