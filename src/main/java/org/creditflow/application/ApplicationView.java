package org.creditflow.application;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;

import io.swagger.v3.oas.annotations.media.Schema;

import org.springframework.lang.Nullable;

/**
 * An application as the API shows it. Personal data is not echoed back; the decision is
 * present once the application is approved or declined.
 */
@Schema(name = "Application")
record ApplicationView(String id, ApplicationStatus status,
		@Schema(description = "why the application is withdrawn or expired") @Nullable String statusReason,
		OffsetDateTime submittedAt, OffsetDateTime updatedAt, LoanRequest loan, @Nullable DecisionView decision,
		@Schema(description = "once decided: the declined application this one contests") @Nullable String contestOf,
		@Schema(description = "once contested: the application that contests this decline") @Nullable String contestedBy,
		@Schema(description = "while OFFERED: the smaller loan the applicant may accept") @Nullable CounterOfferView counterOffer) {

	@Schema(name = "CounterOffer")
	record CounterOfferView(@Schema(description = "the amount asked, KRW") long requestedAmount,
			@Schema(description = "the largest amount that fits, KRW") long amount,
			@Schema(description = "annual interest rate in percent") BigDecimal rate, int termMonths,
			@Schema(description = "why the amount is less than asked") List<ReasonView> reasons,
			@Schema(description = "accept by then (POST /api/applications/{id}/offer/accept)") OffsetDateTime acceptBy) {
	}

	@Schema(name = "Decision")
	record DecisionView(ApplicationStatus outcome, @Nullable Integer score, @Nullable String grade,
			@Schema(description = "approved amount in KRW") @Nullable Long limit,
			@Schema(description = "annual interest rate in percent", example = "7.9") @Nullable BigDecimal rate,
			List<ReasonView> reasons, @Nullable String rulesetVersion,
			@Schema(description = "rules for an automated decision, officer when a person decided") String decidedBy,
			OffsetDateTime decidedAt) {
	}

	@Schema(name = "Reason")
	record ReasonView(String code, String text) {
	}

	static ApplicationView of(LoanApplication application, @Nullable CounterOffer offer, Locale locale) {
		return new ApplicationView(application.id(), application.status(), null, application.createdAt(),
				application.updatedAt(), application.loan(), null, null, null,
				(offer != null) ? counterOffer(offer, locale) : null);
	}

	private static CounterOfferView counterOffer(CounterOffer offer, Locale locale) {
		return new CounterOfferView(offer.requestedAmount(), offer.amount(), offer.annualRate(), offer.termMonths(),
				reasons(offer.reasons(), locale), offer.acceptBy());
	}

	private static List<ReasonView> reasons(List<Reason> reasons, Locale locale) {
		boolean korean = "ko".equals(locale.getLanguage());
		return reasons.stream()
			.map((reason) -> new ReasonView(reason.code(), korean ? reason.textKo() : reason.text()))
			.toList();
	}

	static ApplicationView of(LoanApplication application, @Nullable String statusReason,
			@Nullable FinalDecision decision, @Nullable String contestOf, @Nullable String contestedBy, Locale locale) {
		return new ApplicationView(application.id(), application.status(), statusReason, application.createdAt(),
				application.updatedAt(), application.loan(), (decision != null) ? decision(decision, locale) : null,
				contestOf, contestedBy, null);
	}

	private static DecisionView decision(FinalDecision decision, Locale locale) {
		return new DecisionView(decision.outcome(), decision.score(), decision.grade(), decision.creditLimit(),
				decision.annualRate(), reasons(decision.reasons(), locale), decision.rulesetVersion(),
				FinalDecision.RULES.equals(decision.decidedBy()) ? "rules" : "officer", decision.decidedAt());
	}

}
