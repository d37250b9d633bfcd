package org.creditflow.scoring;

import java.math.BigDecimal;

import java.time.OffsetDateTime;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

import org.springframework.lang.Nullable;

/**
 * The explanation of an automated credit assessment an applicant may ask for (신용정보법, the
 * right to an explanation of automated decisions): the result, the main criteria behind
 * it, the data it used and how much each kind counted, and the credit bureau whose score
 * it used.
 */
@Schema(name = "Explanation")
record Explanation(String applicationId, String applicationStatus, Result result, @Nullable Offer offer,
		List<Criterion> mainCriteria, List<DataCategory> dataCategories, @Nullable CreditBureau creditBureau,
		String rulesetVersion, OffsetDateTime assessedAt) {

	/**
	 * The rules' offer; a {@code counterOffer} when it is less than the amount asked (the
	 * largest that keeps the DSR within its limit, or the income cap), which the
	 * applicant may accept. Absent when the rules made no offer.
	 */
	@Schema(name = "ExplanationOffer")
	record Offer(long requestedAmount, long amount, BigDecimal rate, boolean counterOffer) {
	}

	/**
	 * The credit bureau whose score the bank data carried, and where to ask it about its
	 * data; absent when the assessment used no bank data.
	 */
	@Schema(name = "ExplanationCreditBureau")
	record CreditBureau(String name, String contact) {
	}

	/** What the rules concluded. */
	@Schema(name = "ExplanationResult")
	record Result(String band, @Nullable Integer score, @Nullable String grade, @Nullable String segment) {
	}

	/**
	 * One criterion: {@code AGAINST} the applicant (the reasons for a decline or a lower
	 * offer) or {@code FOR} them.
	 */
	@Schema(name = "ExplanationCriterion")
	record Criterion(String code, String text, String effect, String category) {
	}

	/**
	 * A kind of data: whether the assessment had it, and its weight in the score, in
	 * percent (null for data the policy checks but the score does not weigh).
	 */
	@Schema(name = "ExplanationDataCategory")
	record DataCategory(String category, String description, boolean used, @Nullable Integer weightPercent) {
	}

}
