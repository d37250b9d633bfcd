package org.creditflow.scoring;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.creditflow.application.LoanProduct;
import org.creditflow.scoring.facts.Policy;
import org.creditflow.scoring.facts.Policy.ProductRange;

import org.springframework.lang.Nullable;

/**
 * Reads {@code policy.properties}, naming the line of every value that is missing, not a
 * number, or out of order. A policy grades on scores ({@code grade.A=800}, rulesets
 * written before fitted scorecards) or on the PD of a master scale ({@code score.odds},
 * {@code grade.A.pd.max}, ...): stored rulesets of either kind still compile.
 */
final class PolicyFile {

	static final String PATH = "policy.properties";

	static final String LEGAL_MAXIMUM = "rate.legal.maximum.percent";

	static final String DSR_DEEMED_MONTHS = "dsr.credit.deemed.months";

	/**
	 * The legal maximum for rulesets stored before {@code policy.properties} held it: the
	 * 20 % in force since 2021-07-07, under which they were written. Every ruleset since
	 * states its own.
	 */
	private static final BigDecimal LEGAL_MAXIMUM_BEFORE_THE_KEY = new BigDecimal("20");

	private PolicyFile() {
	}

	static Policy parse(RuleFile file, List<RuleProblem> problems) {
		Properties values = values(file);
		if (values == null) {
			problems.add(new RuleProblem(file.path(), 0, "cannot be read as properties"));
			return null;
		}
		Reader reader = new Reader(file, values, problems);
		Map<LoanProduct, ProductRange> products = new EnumMap<>(LoanProduct.class);
		for (LoanProduct product : LoanProduct.values()) {
			String prefix = "product." + product.name() + ".";
			products.put(product,
					new ProductRange(reader.number(prefix + "amount.min"), reader.number(prefix + "amount.max"),
							(int) reader.number(prefix + "term.min"), (int) reader.number(prefix + "term.max")));
		}
		boolean gradesOnScores = values.containsKey("grade.A");
		Policy policy = new Policy((int) reader.number("age.minimum"), (int) reader.number("dsr.limit.percent"),
				(int) reader.number("dsr.warning.percent"), reader.number("telecom.unpaid.knockout.amount"),
				(int) reader.number("telecom.unpaid.knockout.months"), (int) reader.number("score.base"),
				gradesOnScores ? (int) reader.number("grade.A") : 0,
				gradesOnScores ? (int) reader.number("grade.B") : 0,
				gradesOnScores ? (int) reader.number("grade.C") : 0,
				gradesOnScores ? (int) reader.number("grade.D") : 0, products,
				values.containsKey("grade.A.pd.max") ? riskScale(reader) : null,
				values.containsKey(LEGAL_MAXIMUM) ? reader.percent(LEGAL_MAXIMUM) : LEGAL_MAXIMUM_BEFORE_THE_KEY,
				values.containsKey(DSR_DEEMED_MONTHS) ? dsrMethod(reader) : Policy.DsrMethod.BEFORE_THE_KEYS);
		if (policy.dsrMethod().creditDeemedMonths() <= 0) {
			reader.problem(DSR_DEEMED_MONTHS, DSR_DEEMED_MONTHS + " must be above 0");
		}
		if (policy.legalMaximumRatePercent().signum() <= 0) {
			reader.problem(LEGAL_MAXIMUM, LEGAL_MAXIMUM + " must be above 0");
		}
		if (gradesOnScores && !(policy.gradeA() > policy.gradeB() && policy.gradeB() > policy.gradeC()
				&& policy.gradeC() > policy.gradeD())) {
			problems.add(new RuleProblem(file.path(), reader.line("grade.A"),
					"grade floors must fall from grade.A to grade.D"));
		}
		if (policy.dsrWarningPercent() > policy.dsrLimitPercent()) {
			problems.add(new RuleProblem(file.path(), reader.line("dsr.warning.percent"),
					"dsr.warning.percent must not be above dsr.limit.percent"));
		}
		return policy;
	}

	/**
	 * The file's values as written ({@code 300_000} included), for texts that quote them;
	 * null when it cannot be read.
	 */
	@Nullable
	static Properties values(RuleFile file) {
		Properties values = new Properties();
		try {
			values.load(new StringReader(file.text()));
			return values;
		}
		catch (IOException | IllegalArgumentException ex) {
			return null;
		}
	}

	/**
	 * The scale of fitted scorecards, the master scale, the PD cut-offs of the bands and
	 * the pricing, each checked: PDs within 0–100 and rising grade by grade, the approval
	 * cut-off below the referral one.
	 */

	/** The supervisor's DSR method; policy files before it lack the keys. */
	private static Policy.DsrMethod dsrMethod(Reader reader) {
		return new Policy.DsrMethod((int) reader.number(DSR_DEEMED_MONTHS), reader.percent("dsr.stress.rate.percent"),
				reader.number("dsr.stress.credit.above"), reader.yesOrNo("dsr.new.loan.variable.rate"),
				// rulesets released before this key was written meant a credit loan
				reader.oneOf("dsr.new.loan.repayment", Policy.NewLoanRepayment.CREDIT));
	}

	private static Policy.RiskScale riskScale(Reader reader) {
		List<BigDecimal> maxima = new ArrayList<>();
		for (String grade : Policy.GRADES.subList(0, Policy.GRADES.size() - 1)) {
			String key = "grade." + grade + ".pd.max";
			BigDecimal pd = reader.percent(key);
			if (!maxima.isEmpty() && pd.compareTo(maxima.get(maxima.size() - 1)) <= 0) {
				reader.problem(key, "the master scale's PDs must rise from grade A to grade D");
			}
			maxima.add(pd);
		}
		BigDecimal approve = reader.percent("band.approve.pd.max");
		BigDecimal refer = reader.percent("band.refer.pd.max");
		if (approve.compareTo(refer) > 0) {
			reader.problem("band.approve.pd.max", "band.approve.pd.max must not be above band.refer.pd.max");
		}
		int odds = (int) reader.number("score.odds");
		int pdo = (int) reader.number("score.pdo");
		if (odds <= 0 || pdo <= 0) {
			reader.problem("score.odds", "score.odds and score.pdo must be above 0");
		}
		return new Policy.RiskScale(Math.max(1, odds), Math.max(1, pdo), maxima, approve, refer,
				reader.percent("pricing.funding.percent"), reader.percent("pricing.lgd.percent"),
				reader.percent("pricing.cost.percent"), reader.percent("pricing.margin.percent"));
	}

	/** Reads whole numbers and remembers where each key stands, for messages. */
	private record Reader(RuleFile file, Properties values, List<RuleProblem> problems) {

		long number(String key) {
			String value = this.values.getProperty(key);
			if (value == null) {
				this.problems.add(new RuleProblem(this.file.path(), 0, key + " is missing"));
				return 0;
			}
			try {
				return Long.parseLong(value.strip().replace("_", ""));
			}
			catch (NumberFormatException ex) {
				this.problems.add(new RuleProblem(this.file.path(), line(key),
						key + " must be a whole number, not '" + value.strip() + "'"));
				return 0;
			}
		}

		/** A percentage from 0 to 100, with decimals (0.5, 12.75). */
		BigDecimal percent(String key) {
			String value = this.values.getProperty(key);
			if (value == null) {
				this.problems.add(new RuleProblem(this.file.path(), 0, key + " is missing"));
				return BigDecimal.ZERO;
			}
			try {
				BigDecimal percent = new BigDecimal(value.strip());
				if (percent.signum() < 0 || percent.compareTo(BigDecimal.valueOf(100)) > 0) {
					problem(key, key + " must be a percentage from 0 to 100, not " + value.strip());
				}
				return percent;
			}
			catch (NumberFormatException ex) {
				problem(key, key + " must be a number (a percentage, such as 4.5), not '" + value.strip() + "'");
				return BigDecimal.ZERO;
			}
		}

		/**
		 * One of the enum's names, {@code absent} when the key is not there; anything
		 * else is a problem naming them.
		 */
		<E extends Enum<E>> E oneOf(String key, E absent) {
			E[] names = absent.getDeclaringClass().getEnumConstants();
			String value = this.values.getProperty(key);
			if (value == null) {
				return absent;
			}
			for (E name : names) {
				if (name.name().equals(value.strip())) {
					return name;
				}
			}
			problem(key, key + " must be one of " + java.util.Arrays.toString(names) + ", not '" + value.strip() + "'");
			return absent;
		}

		/** true or false; anything else is a problem. */
		boolean yesOrNo(String key) {
			String value = this.values.getProperty(key);
			if (value == null) {
				this.problems.add(new RuleProblem(this.file.path(), 0, key + " is missing"));
				return false;
			}
			if (!value.strip().equals("true") && !value.strip().equals("false")) {
				problem(key, key + " must be true or false, not '" + value.strip() + "'");
			}
			return Boolean.parseBoolean(value.strip());
		}

		void problem(String key, String message) {
			this.problems.add(new RuleProblem(this.file.path(), line(key), message));
		}

		int line(String key) {
			String[] lines = this.file.text().split("\n", -1);
			for (int i = 0; i < lines.length; i++) {
				if (lines[i].strip().startsWith(key + "=") || lines[i].strip().startsWith(key + " ")) {
					return i + 1;
				}
			}
			return 0;
		}

	}

}
