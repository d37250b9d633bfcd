package org.creditflow.scoring;

import java.io.ByteArrayInputStream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.drools.decisiontable.InputType;
import org.drools.decisiontable.SpreadsheetCompiler;

/**
 * The DRL a decision table stands for, as the rule compiler would generate it: Drools'
 * spreadsheet compiler puts the cells into the table's code snippets, a transformation of
 * text that runs none of it. Lines of that DRL map back to the table's rows.
 */
final class DecisionTableDrl {

	private static final Pattern GENERATED_RULE = Pattern.compile("\\s*rule \"[^\"]*_(\\d+)\".*");

	private final String drl;

	private DecisionTableDrl(String drl) {
		this.drl = drl;
	}

	static DecisionTableDrl of(RuleFile table) {
		InputType type = table.path().endsWith(".csv") ? InputType.CSV : InputType.XLS;
		return new DecisionTableDrl(
				new SpreadsheetCompiler(true).compile(new ByteArrayInputStream(table.content()), type));
	}

	String drl() {
		return this.drl;
	}

	/**
	 * The table's row a line of the DRL was generated from: Drools names a rule after its
	 * row ({@code "Offer by grade and segment_12"}). 0 outside a rule, in what the
	 * table's header (RuleSet, Import, Variables, Functions) generated.
	 */
	int rowOf(int drlLine) {
		String[] lines = this.drl.split("\r?\n", -1);
		int row = 0;
		for (int i = 0; i < Math.min(drlLine, lines.length); i++) {
			Matcher rule = GENERATED_RULE.matcher(lines[i]);
			if (rule.matches()) {
				row = Integer.parseInt(rule.group(1));
			}
			else if (i < drlLine - 1 && lines[i].strip().equals("end")) {
				row = 0;
			}
		}
		return row;
	}

}
