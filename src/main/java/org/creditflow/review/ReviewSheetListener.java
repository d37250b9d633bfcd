package org.creditflow.review;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.creditflow.application.DecisionProperties;
import org.creditflow.application.LoanApplication;
import org.creditflow.application.LoanApplications;
import org.creditflow.mydata.FinancialProfile;
import org.creditflow.mydata.TelecomProfile;
import org.creditflow.scoring.ActiveRuleset;
import org.creditflow.scoring.Assessment;
import org.creditflow.scoring.CreditAssessments;
import org.creditflow.scoring.ReasonCode;
import org.creditflow.scoring.ReviewFigures;
import org.creditflow.scoring.Ruleset;

import org.springframework.lang.Nullable;
import org.springframework.stereotype.Component;

/**
 * Puts what an officer needs to decide on the task when it is created, as task variables
 * the review forms show: the applicant with masked identifiers, the request, the top
 * reasons with their texts, the figures behind them from the recorded assessment, the
 * data gaps, and the most the DSR limit allows. Runs again each time the task is created
 * (after more information, the figures are the new assessment's).
 */
@Component
class ReviewSheetListener implements TaskListener {

	private final LoanApplications applications;

	private final CreditAssessments assessments;

	private final ActiveRuleset ruleset;

	private final DecisionProperties decisions;

	ReviewSheetListener(LoanApplications applications, CreditAssessments assessments, ActiveRuleset ruleset,
			DecisionProperties decisions) {
		this.applications = applications;
		this.assessments = assessments;
		this.ruleset = ruleset;
		this.decisions = decisions;
	}

	@Override
	public void notify(DelegateTask task) {
		String applicationId = task.getExecution().getProcessBusinessKey();
		LoanApplication application = this.applications.get(applicationId);
		task.setVariablesLocal(sheet(application));
	}

	Map<String, Object> sheet(LoanApplication application) {
		String id = application.id();
		Assessment assessment = this.assessments.latest(id)
			.orElseThrow(() -> new IllegalStateException("No assessment recorded for application " + id));
		ReviewFigures figures = this.assessments.latestFigures(id).orElseThrow();
		// the reasons as the ruleset that assessed the application words them
		Ruleset assessing = this.ruleset.version(assessment.rulesetVersion());
		return Map.ofEntries(Map.entry("applicantSummary", markdownText(application.applicant().masked())),
				Map.entry("employment", application.applicant().employmentType().name()),
				Map.entry("loanSummary",
						krw(application.loan().amount()) + " over " + application.loan().termMonths() + " months ("
								+ application.loan().product() + ", " + application.loan().purpose() + ")"),
				Map.entry("reasonList", reasonList(assessing, assessment.reasonCodes())),
				Map.entry("declineReasonChoices", officerReasons(assessing)),
				Map.entry("probabilityOfDefault",
						(assessment.pd() != null)
								? String.format(java.util.Locale.ROOT, "%.2f %% within 12 months", assessment.pd())
								: "not estimated (the ruleset's scores are not probabilities)"),
				Map.entry("monthlyIncome", krw(figures.verifiedMonthlyIncome()) + " a month"
						+ (figures.incomeVerified() ? ", seen in deposits" : ", declared, not seen in deposits")),
				Map.entry("dsr",
						figures.dsrPercent().stripTrailingZeros().toPlainString() + " % with this loan (limit "
								+ figures.dsrLimitPercent() + " %)"),
				Map.entry("delinquencies", delinquencies(figures.financial())),
				Map.entry("telecomTenure", tenure(figures.telecom())),
				Map.entry("onTimePayments", onTime(figures.telecom())),
				Map.entry("unpaidBills", unpaid(figures.telecom())),
				Map.entry("dataGaps", figures.dataGaps().isEmpty() ? "none" : String.join("; ", figures.dataGaps())),
				Map.entry("contest", contest(id)),
				Map.entry("offerSummary",
						(assessment.offerLimit() != null && assessment.offerRate() != null)
								? krw(assessment.offerLimit()) + " at " + rate(assessment.offerRate())
								: "none: the rules made no offer"),
				// the form asks for verified income and debt when the bank data is
				// missing
				Map.entry("bankDataMissing", figures.bankDataMissing()),
				Map.entry("legalMaximumRate", rate(this.ruleset.get().policy().legalMaximumRatePercent())),
				Map.entry("policyMaximum", (assessment.offerRate() != null)
						? krw(figures.policyMaximum(assessment.offerRate())) + " at " + rate(assessment.offerRate())
						: "no offer: set the rate to see it"));
	}

	/**
	 * What the applicant asked for when this application contests a decline, and what
	 * they said; the officer decides on it.
	 */
	private String contest(String id) {
		return this.applications.contest(id)
			.map((contest) -> "**" + contest.kind() + "** of the decline of application "
					+ contest.contestedApplicationId() + ": " + markdownText(contest.statement()))
			.orElse("none");
	}

	/**
	 * The decline reasons an officer may give: the officers' rows of the ruleset's
	 * reason-codes.csv, worded as the applicant will read them. The server accepts no
	 * other (ReviewDecisionListener).
	 */
	private static FormChoices officerReasons(Ruleset assessing) {
		return new FormChoices(assessing.reasonCodes()
			.values()
			.stream()
			.filter((reason) -> ReasonCode.OFFICER.equals(reason.category()))
			.map((reason) -> new FormChoices.Choice(reason.text(), reason.code()))
			.toList());
	}

	/** A markdown list the form's text shows as it is: code, English and Korean text. */
	private String reasonList(Ruleset assessing, List<String> codes) {
		if (codes.isEmpty()) {
			return "none";
		}
		return codes.stream().limit(this.decisions.reasonsShown()).map((code) -> {
			ReasonCode reason = assessing.reasonCode(code).orElse(new ReasonCode(code, "", code, code));
			return "1. **" + reason.text() + "** " + reason.textKo() + " `" + code + "`";
		}).collect(Collectors.joining("\n"));
	}

	private static String delinquencies(@Nullable FinancialProfile financial) {
		if (financial == null) {
			return "unknown (no bank data)";
		}
		if (financial.shortTermDelinquencies() == 0 && financial.longTermDelinquencies() == 0
				&& !financial.activeDelinquency()) {
			return "none";
		}
		return financial.shortTermDelinquencies() + " of 5-90 days in 12 months, " + financial.longTermDelinquencies()
				+ " over 90 days in 5 years" + (financial.activeDelinquency() ? ", in arrears today" : "");
	}

	private static String tenure(@Nullable TelecomProfile telecom) {
		return (telecom == null) ? "unknown (no telecom data)"
				: telecom.monthsOfTenure() + " months with " + telecom.carrier();
	}

	private static String onTime(@Nullable TelecomProfile telecom) {
		return (telecom == null) ? "unknown (no telecom data)"
				: telecom.onTimePaymentMonths() + " of the last " + telecom.billedMonths() + " bills paid on time";
	}

	private static String unpaid(@Nullable TelecomProfile telecom) {
		if (telecom == null) {
			return "unknown (no telecom data)";
		}
		return (telecom.unpaidAmount() == 0) ? "none"
				: krw(telecom.unpaidAmount()) + ", " + telecom.monthsOverdue() + " months overdue";
	}

	/** The form shows values as markdown: a masking star must not turn into emphasis. */
	private static String markdownText(String text) {
		return text.replaceAll("([*_`\\\\])", "\\\\$1");
	}

	private static String krw(long amount) {
		return NumberFormat.getIntegerInstance(Locale.US).format(amount) + " KRW";
	}

	private static String rate(BigDecimal rate) {
		return rate.stripTrailingZeros().toPlainString() + " %";
	}

}
