package org.creditflow.scoring;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.creditflow.application.DecisionProperties;
import org.creditflow.application.LoanApplication;
import org.creditflow.scoring.Explanation.Criterion;
import org.creditflow.scoring.Explanation.DataCategory;
import org.creditflow.scoring.facts.ReasonHit;
import org.creditflow.web.ConflictException;

import org.springframework.lang.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Explains an application's latest assessment from what was recorded when it was made:
 * the reasons ranked as they weighed, the data used and the segment's weights.
 */
@Service
@Transactional(readOnly = true)
class Explanations {

	/**
	 * The criteria shown in the applicant's favour; against them, as many as any
	 * decision's reasons ({@code creditflow.decisions.reasons-shown}).
	 */
	static final int MAIN_FOR = 3;

	private final AssessmentRepository assessments;

	private final ActiveRuleset active;

	private final ObjectMapper json;

	private final DecisionProperties decisions;

	private final ExplanationProperties properties;

	Explanations(AssessmentRepository assessments, ActiveRuleset active, ObjectMapper json,
			DecisionProperties decisions, ExplanationProperties properties) {
		this.assessments = assessments;
		this.active = active;
		this.json = json;
		this.decisions = decisions;
		this.properties = properties;
	}

	Explanation explain(LoanApplication application, Locale locale) {
		JsonNode recorded = this.assessments.findLatestResult(application.id())
			.map(this::read)
			.orElseThrow(() -> new ConflictException("Application " + application.id() + " is not assessed yet."));
		JsonNode assessment = recorded.get("assessment");
		int financialWeight = recorded.path("financialWeight").asInt();
		int telecomWeight = recorded.path("telecomWeight").asInt();
		List<ReasonHit> hits = new ArrayList<>();
		recorded.path("hits").forEach((hit) -> hits.add(this.json.convertValue(hit, ReasonHit.class)));
		boolean korean = "ko".equals(locale.getLanguage());
		// the words of the version that assessed it, a challenger's or a replaced
		// champion's
		Ruleset ruleset = this.active.version(text(assessment.get("rulesetVersion")));

		List<Criterion> criteria = new ArrayList<>();
		assessment.path("reasonCodes").forEach((code) -> {
			if (criteria.size() < this.decisions.reasonsShown()) {
				criteria.add(criterion(ruleset, code.asText(), "AGAINST", hits, korean));
			}
		});
		// for it: a hand-set rule's points, or a fitted scorecard's best bin (nothing
		// lost)
		hits.stream()
			.filter((hit) -> hit.points() > 0 || (hit.points() == 0 && (hit.category() == ReasonHit.Category.FINANCIAL
					|| hit.category() == ReasonHit.Category.TELECOM)))
			.sorted(Comparator.comparingInt((ReasonHit hit) -> -weighted(hit, financialWeight, telecomWeight)))
			.map(ReasonHit::code)
			.distinct()
			.limit(MAIN_FOR)
			.forEach((code) -> criteria.add(criterion(ruleset, code, "FOR", hits, korean)));

		boolean financialUsed = financialWeight > 0
				|| hits.stream().anyMatch((hit) -> hit.category() == ReasonHit.Category.FINANCIAL);
		boolean telecomUsed = telecomWeight > 0;
		return new Explanation(application.id(), application.status().name(),
				new Explanation.Result(assessment.path("band").asText(), number(assessment.get("score")),
						text(assessment.get("grade")), text(assessment.get("segment"))),
				offer(assessment, application.loan().amount()), criteria,
				List.of(new DataCategory("APPLICATION", korean ? "나이, 고용 형태, 신고 소득, 신청 대출 (정책 기준 확인)"
						: "Age, employment, declared income and the loan asked for (checked against the policy)", true,
						null),
						new DataCategory("FINANCIAL",
								korean ? "금융 마이데이터: 계좌, 입금 소득, 대출, 카드, 연체, 신용조회, 신용거래 기간, 신용평점"
										: "Bank MyData: accounts, income seen in deposits, loans, cards, arrears, "
												+ "credit inquiries, length of credit history, bureau score",
								financialUsed, financialWeight),
						new DataCategory("TELECOM",
								korean ? "통신 마이데이터: 가입 기간, 요금 납부 이력, 미납, 단말 할부, 번호 변경, 소액결제"
										: "Telecom MyData: tenure, on-time bill payments, unpaid bills, handset "
												+ "instalments, number changes, micro-payments",
								telecomUsed, telecomWeight)),
				financialUsed ? new Explanation.CreditBureau(this.properties.creditBureau().name(),
						this.properties.creditBureau().contact()) : null,
				assessment.path("rulesetVersion").asText(),
				this.json.convertValue(assessment.get("assessedAt"), java.time.OffsetDateTime.class));
	}

	@Nullable
	private static Explanation.Offer offer(JsonNode assessment, long requested) {
		JsonNode limit = assessment.get("offerLimit");
		JsonNode rate = assessment.get("offerRate");
		if (limit == null || limit.isNull() || rate == null || rate.isNull()) {
			return null;
		}
		return new Explanation.Offer(requested, limit.asLong(), rate.decimalValue(), limit.asLong() < requested);
	}

	private static Criterion criterion(Ruleset ruleset, String code, String effect, List<ReasonHit> hits,
			boolean korean) {
		String category = hits.stream()
			.filter((hit) -> hit.code().equals(code))
			.map((hit) -> hit.category().name())
			.findFirst()
			.orElse(ReasonHit.Category.DECISION.name());
		String text = ruleset.reasonCode(code).map((reason) -> korean ? reason.textKo() : reason.text()).orElse(code);
		return new Criterion(code, text, effect, category);
	}

	private static int weighted(ReasonHit hit, int financialWeight, int telecomWeight) {
		return switch (hit.category()) {
			case FINANCIAL -> hit.points() * financialWeight;
			case TELECOM -> hit.points() * telecomWeight;
			default -> 0;
		};
	}

	private JsonNode read(String result) {
		try {
			return this.json.readTree(result);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("A recorded assessment cannot be read", ex);
		}
	}

	private static Integer number(JsonNode node) {
		return (node == null || node.isNull()) ? null : node.asInt();
	}

	private static String text(JsonNode node) {
		return (node == null || node.isNull()) ? null : node.asText();
	}

}
