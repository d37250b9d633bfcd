package org.creditflow.scoring;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.creditflow.scoring.RuleText.Finding;

/**
 * Refuses rule files whose code could reach beyond the facts, before anything of them is
 * compiled: a DRL file may call any Java, and building a rule base already runs some of
 * it (Drools evaluates a rule's annotation values and a declared field's default value
 * while it builds). {@link RulesetCompiler} asks first.
 * <p>
 * The check reads the text, not the compiled rules, and is conservative: what it cannot
 * tell apart it refuses. The whole file is read (consequences, constraints, {@code eval},
 * {@code from}, accumulate code, functions, annotations), after {@link RuleText} and
 * {@link RuleCodeTokens} have refused what the readers of a rule file could disagree on,
 * dropped comments and set string contents apart, and
 * <ul>
 * <li>a capitalized name that does not follow a dot is a type and must be one of
 * {@link RuleVocabulary}: the fact model, a type declared in the file, a
 * {@code java.lang} value type, a type of {@code java.math} or {@code java.time} the file
 * imports;</li>
 * <li>a lowercase name followed by a dot could be a Java package, so {@code java.io.File}
 * and {@code a.b.c()} must start with an allowed type; only {@code this}, a binding
 * ({@code $sheet}) and a variable's method call ({@code rate.multiply(...)}, which a
 * package cannot stand before) may stand there otherwise; {@code import} and
 * {@code global} are read the same way, and the {@code package} is a rule package, never
 * a Java one, whose classes the rules would see by their simple names;</li>
 * <li>members that reach reflection, class loading, processes, threads or system
 * properties are refused wherever they stand ({@code getClass}, {@code .class},
 * {@code forName}, {@code exec}, ...);</li>
 * <li>of the engine, {@code drools.getRule()} and {@code kcontext.getRule()} may be
 * passed on, nothing else: the variables Drools 10 puts beside rule code
 * ({@link RuleVocabulary#ENGINE_VARIABLES}, from its code templates; check them when
 * Drools is upgraded) are refused, the MVEL dialect too, since its consequences run
 * against the engine's own objects, and {@code var}, which would keep a value of a type
 * the check never sees.</li>
 * </ul>
 * A decision table is checked as the DRL Drools generates from it, with its problems on
 * the table's rows.
 */
final class RuleCodePolicy {

	private RuleCodePolicy() {
	}

	static List<RuleProblem> check(List<RuleFile> files) {
		List<RuleProblem> problems = new ArrayList<>();
		for (RuleFile file : files) {
			if (file.isDecisionTable()) {
				checkDecisionTable(file, problems);
			}
			else if (file.isRule()) {
				for (Finding finding : findings(file.text())) {
					problems.add(new RuleProblem(file.path(), finding.line(), finding.message()));
				}
			}
		}
		return problems;
	}

	private static void checkDecisionTable(RuleFile table, List<RuleProblem> problems) {
		DecisionTableDrl generated;
		try {
			generated = DecisionTableDrl.of(table);
		}
		catch (RuntimeException ex) {
			problems.add(new RuleProblem(table.path(), 0, "the decision table cannot be read: " + ex.getMessage()));
			return;
		}
		for (Finding finding : findings(generated.drl())) {
			problems.add(new RuleProblem(table.path(), generated.rowOf(finding.line()), finding.message()));
		}
	}

	/** Every finding once, in the order of the text. */
	static List<Finding> findings(String text) {
		RuleCodeTokens tokens = RuleCodeTokens.read(text);
		Set<Finding> findings = new LinkedHashSet<>(tokens.findings());
		RuleCodeCheck.check(tokens, findings);
		return findings.stream().sorted(Comparator.comparingInt(Finding::line)).toList();
	}

}
