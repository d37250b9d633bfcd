package org.creditflow.scoring;

import java.io.IOException;
import java.io.StringReader;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.creditflow.application.LoanProduct;
import org.creditflow.scoring.facts.Policy;
import org.creditflow.scoring.facts.Policy.ProductRange;

/**
 * Reads {@code policy.properties}, naming the line of every value that is missing, not a
 * whole number, or out of order (grades must fall from A to D).
 */
final class PolicyFile {

	static final String PATH = "policy.properties";

	private PolicyFile() {
	}

	static Policy parse(RuleFile file, List<RuleProblem> problems) {
		Properties values = new Properties();
		try {
			values.load(new StringReader(file.text()));
		}
		catch (IOException | IllegalArgumentException ex) {
			problems.add(new RuleProblem(file.path(), 0, "cannot be read: " + ex.getMessage()));
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
		Policy policy = new Policy((int) reader.number("age.minimum"), (int) reader.number("dsr.limit.percent"),
				(int) reader.number("dsr.warning.percent"), reader.number("telecom.unpaid.knockout.amount"),
				(int) reader.number("telecom.unpaid.knockout.months"), (int) reader.number("score.base"),
				(int) reader.number("grade.A"), (int) reader.number("grade.B"), (int) reader.number("grade.C"),
				(int) reader.number("grade.D"), products);
		if (!(policy.gradeA() > policy.gradeB() && policy.gradeB() > policy.gradeC()
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
