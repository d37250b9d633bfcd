package org.creditflow.scoring.facts;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.kie.api.definition.rule.Rule;

import org.springframework.lang.Nullable;

/**
 * The working paper of one assessment, filled in by the rules stage by stage: policy
 * knock-outs, scorecard points, the segment's weights, then score, grade and band, then
 * the offer. Every entry names the rule that made it and carries the rule's
 * {@code @reasonCode}, so that every decision explains itself.
 */
public class Scoresheet {

	/** The rule metadata that names a rule's reason code. */
	public static final String REASON_CODE = "reasonCode";

	/**
	 * The rule metadata of a fitted scorecard's bin: how many points it gives less than
	 * the characteristic's best bin, which is what the applicant lost by it.
	 */
	public static final String POINTS_BELOW_BEST = "pointsBelowBest";

	/** Each fitted scorecard table scores a characteristic; it may do so only once. */
	private final Set<String> scoredTables = new HashSet<>();

	private final List<ReasonHit> hits = new ArrayList<>();

	private final List<String> firedRules = new ArrayList<>();

	/**
	 * Properties written since the engine last heard of it; see {@link #takeChanges()}.
	 */
	private final Set<String> changed = new LinkedHashSet<>();

	private boolean knockedOut;

	private boolean referred;

	private int financialPoints;

	private int telecomPoints;

	@Nullable
	private String segment;

	private int financialWeight;

	private int telecomWeight;

	@Nullable
	private Integer score;

	@Nullable
	private Double pd;

	@Nullable
	private String grade;

	@Nullable
	private String band;

	@Nullable
	private Long offerLimit;

	@Nullable
	private BigDecimal offerRate;

	@Nullable
	private Integer limitCapPercent;

	/** A policy rule blocks the application; it will be declined whatever the score. */
	public void knockOut(Rule rule) {
		this.knockedOut = true;
		this.changed.add("knockedOut");
		record(rule, ReasonHit.Category.POLICY, 0);
	}

	/** A person must decide: a data gap or a case the rules should not settle alone. */
	public void refer(Rule rule) {
		this.referred = true;
		this.changed.add("referred");
		record(rule, ReasonHit.Category.REFERRAL, 0);
	}

	public void financialPoints(Rule rule, int points) {
		this.financialPoints += points;
		this.changed.add("financialPoints");
		record(rule, ReasonHit.Category.FINANCIAL, points);
	}

	public void telecomPoints(Rule rule, int points) {
		this.telecomPoints += points;
		this.changed.add("telecomPoints");
		record(rule, ReasonHit.Category.TELECOM, points);
	}

	/**
	 * A fitted scorecard's bin, scored by the one rule its table compiles to: named,
	 * explained and checked for overlap as the row's own rule would be.
	 * @param row the rule the row stands for, {@code "<table>_<row>"}
	 */
	public void financialPoints(String row, int points, String reasonCode, int pointsBelowBest) {
		this.financialPoints += points;
		this.changed.add("financialPoints");
		record(row, reasonCode, pointsBelowBest, ReasonHit.Category.FINANCIAL, points);
	}

	/** See {@link #financialPoints(String, int, String, int)}. */
	public void telecomPoints(String row, int points, String reasonCode, int pointsBelowBest) {
		this.telecomPoints += points;
		this.changed.add("telecomPoints");
		record(row, reasonCode, pointsBelowBest, ReasonHit.Category.TELECOM, points);
	}

	/** A remark on the decision, such as a limit cut to the DSR headroom. */
	public void note(Rule rule) {
		record(rule, ReasonHit.Category.DECISION, 0);
	}

	/**
	 * Chooses how much each scorecard counts, in percent of the final points.
	 */
	public void segment(String segment, int financialWeight, int telecomWeight) {
		this.segment = segment;
		this.financialWeight = financialWeight;
		this.telecomWeight = telecomWeight;
		this.changed.addAll(List.of("segment", "financialWeight", "telecomWeight"));
	}

	/**
	 * Chooses the segment of a fitted scorecard: its tables' points are the score, with
	 * nothing weighed or added.
	 */
	public void segment(String segment) {
		segment(segment, 100, 100);
	}

	/**
	 * Adds the weighted scorecard points to {@code base} and keeps the score within 1 to
	 * 1000.
	 */
	public void combine(int base) {
		int points = (this.financialPoints * this.financialWeight + this.telecomPoints * this.telecomWeight) / 100;
		this.score = Math.max(1, Math.min(1000, base + points));
		this.changed.add("score");
	}

	/**
	 * The fitted scorecards' points become the score, kept within 1 to 1000, and the
	 * score the probability of default it stands for on the policy's scale.
	 */
	public void score(Policy policy) {
		combine(0);
		this.pd = policy.pdOf(this.score);
		this.changed.add("pd");
	}

	public void grade(String grade) {
		this.grade = grade;
		this.changed.add("grade");
	}

	public void band(String band) {
		this.band = band;
		this.changed.add("band");
	}

	public void band(String band, Rule rule) {
		this.band = band;
		this.changed.add("band");
		record(rule, ReasonHit.Category.DECISION, 0);
	}

	public void offerRate(BigDecimal annualRatePercent) {
		this.offerRate = annualRatePercent;
		this.changed.add("offerRate");
	}

	/**
	 * Caps the limit at a share of the verified yearly income, in percent (100: one year
	 * of income).
	 */
	public void limitCap(int percentOfAnnualIncome) {
		this.limitCapPercent = percentOfAnnualIncome;
		this.changed.add("limitCapPercent");
	}

	public void offerLimit(long limit) {
		this.offerLimit = limit;
		this.changed.add("offerLimit");
	}

	/**
	 * The properties written since the last call, so the engine re-examines only the
	 * rules that look at them (property reactivity).
	 */
	public String[] takeChanges() {
		String[] changes = this.changed.toArray(String[]::new);
		this.changed.clear();
		return changes;
	}

	/**
	 * Every rule that fired on this scoresheet, in order, for the record and the audit.
	 */
	public void fired(String ruleName) {
		this.firedRules.add(ruleName);
	}

	private void record(Rule rule, ReasonHit.Category category, int points) {
		Object belowBest = rule.getMetaData().get(POINTS_BELOW_BEST);
		record(rule.getName(), rule.getMetaData().get(REASON_CODE),
				(belowBest != null) ? Integer.parseInt(belowBest.toString().strip()) : null, category, points);
	}

	private void record(String ruleName, @Nullable Object code, @Nullable Integer belowBest,
			ReasonHit.Category category, int points) {
		if (belowBest != null) {
			// a decision table names its rules after itself and the row: "<table>_<row>"
			int row = ruleName.lastIndexOf('_');
			if (!this.scoredTables.add((row > 0) ? ruleName.substring(0, row) : ruleName)) {
				throw new IllegalStateException("\"" + ruleName + "\" scores a characteristic its table "
						+ "already scored: two bins of one characteristic overlap");
			}
		}
		if (code != null) {
			int impact = (belowBest != null) ? -belowBest : points;
			this.hits.add(new ReasonHit(ruleName, code.toString(), category, impact));
		}
	}

	/**
	 * The reasons against the applicant, most important first: knock-outs, then referrals
	 * and decision remarks, then lost points as they weigh in the final score.
	 */
	public List<ReasonHit> adverseReasons() {
		return this.hits.stream()
			.filter((hit) -> impact(hit) < 0)
			.sorted(Comparator.comparingLong(this::impact))
			.toList();
	}

	private long impact(ReasonHit hit) {
		return switch (hit.category()) {
			case POLICY -> Long.MIN_VALUE;
			case REFERRAL -> Long.MIN_VALUE / 2;
			case DECISION -> Long.MIN_VALUE / 4;
			case FINANCIAL -> (long) hit.points() * this.financialWeight;
			case TELECOM -> (long) hit.points() * this.telecomWeight;
		};
	}

	public boolean isKnockedOut() {
		return this.knockedOut;
	}

	public boolean isReferred() {
		return this.referred;
	}

	public int getFinancialPoints() {
		return this.financialPoints;
	}

	public int getTelecomPoints() {
		return this.telecomPoints;
	}

	@Nullable
	public String getSegment() {
		return this.segment;
	}

	public int getFinancialWeight() {
		return this.financialWeight;
	}

	public int getTelecomWeight() {
		return this.telecomWeight;
	}

	@Nullable
	public Integer getScore() {
		return this.score;
	}

	/**
	 * The probability of default (%) of a fitted score; null for rulesets without one.
	 */
	@Nullable
	public Double getPd() {
		return this.pd;
	}

	@Nullable
	public String getGrade() {
		return this.grade;
	}

	@Nullable
	public String getBand() {
		return this.band;
	}

	@Nullable
	public Long getOfferLimit() {
		return this.offerLimit;
	}

	@Nullable
	public BigDecimal getOfferRate() {
		return this.offerRate;
	}

	@Nullable
	public Integer getLimitCapPercent() {
		return this.limitCapPercent;
	}

	public List<ReasonHit> getHits() {
		return Collections.unmodifiableList(this.hits);
	}

	public List<String> getFiredRules() {
		return Collections.unmodifiableList(this.firedRules);
	}

}
