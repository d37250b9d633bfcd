package org.creditflow.scoring;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.creditflow.scoring.RuleCodeTokens.Kind;
import org.creditflow.scoring.RuleCodeTokens.Token;
import org.creditflow.scoring.RuleText.Finding;

/**
 * One rule file's code, token by token, against {@link RuleVocabulary}; the rules it
 * applies are told in {@link RuleCodePolicy}.
 */
final class RuleCodeCheck {

	private final RuleCodeTokens tokens;

	private final RuleScope scope;

	private final Set<Finding> findings;

	private RuleCodeCheck(RuleCodeTokens tokens, Set<Finding> findings) {
		this.tokens = tokens;
		this.findings = findings;
		this.scope = RuleScope.read(tokens, findings);
	}

	static void check(RuleCodeTokens tokens, Set<Finding> findings) {
		new RuleCodeCheck(tokens, findings).run();
	}

	private void run() {
		for (int i = 0; i < this.tokens.size(); i++) {
			Token token = this.tokens.at(i);
			if (token.kind() != Kind.WORD || this.scope.judged(i)) {
				continue;
			}
			String name = token.text();
			if (RuleVocabulary.FORBIDDEN_MEMBERS.contains(name)) {
				refuse(i, name + " is not allowed in rule code: rules may not reach reflection, class loading, "
						+ "processes, threads or system properties");
			}
			else if (this.tokens.isMember(i)) {
				if (RuleVocabulary.FORBIDDEN_PROPERTIES.contains(name)) {
					refuse(i, name + " is not allowed in rule code: it is a getter rules may not call");
				}
			}
			else {
				i = checkName(i);
			}
		}
	}

	/** Checks the name at {@code i}; returns the last index it covered. */
	private int checkName(int i) {
		String name = this.tokens.at(i).text();
		switch (name) {
			case "drools", "kcontext":
				return checkRuleContext(i);
			case "rule", "query", "declare":
				return nameAfter(i);
			case "dialect":
				if (!(this.tokens.at(i + 1).kind() == Kind.STRING && this.tokens.at(i + 1).text().equals("java"))) {
					refuse(i, "only the java dialect is allowed: MVEL consequences run against the engine's own "
							+ "objects");
				}
				return i;
			case "var":
				refuse(i, "var is not allowed: declare a variable with its type");
				return i;
			default:
				checkPlainName(i);
				return i;
		}
	}

	private void checkPlainName(int i) {
		String name = this.tokens.at(i).text();
		if (RuleVocabulary.ENGINE_VARIABLES.contains(name) || name.startsWith("_") || name.contains("__")) {
			refuse(i, name + " is not allowed in rule code: it belongs to the engine");
		}
		else if (Character.isUpperCase(name.charAt(0))) {
			if (!this.scope.allowsType(name)) {
				refuse(i, name + " is not allowed in rule code: " + RuleVocabulary.WHAT_RULES_MAY_USE);
			}
		}
		else if ((this.tokens.at(i + 1).is(".") || this.tokens.at(i + 1).is("::")) && !name.startsWith("$")
				&& !name.equals("this")) {
			List<String> chain = this.tokens.chain(i);
			// a package cannot stand right before a method: a.m(...) is a variable's
			boolean methodOfVariable = chain.size() == 2 && this.tokens.at(i + 1).is(".")
					&& this.tokens.at(i + 3).is("(") && !this.tokens.at(i - 1).is("new")
					&& !this.tokens.at(i - 1).is("@");
			if (!methodOfVariable && RuleVocabulary.allowedTypePrefix(chain) == 0) {
				refuseQualifiedName(i, chain);
			}
		}
	}

	private void refuseQualifiedName(int i, List<String> chain) {
		List<String> upToType = new ArrayList<>();
		for (String name : chain) {
			upToType.add(name);
			if (Character.isUpperCase(name.charAt(0))) {
				refuse(i, String.join(".", upToType) + " is not allowed in rule code: "
						+ RuleVocabulary.WHAT_RULES_MAY_USE);
				return;
			}
		}
		refuse(i, String.join(".", chain) + " is not allowed in rule code: before a dot may stand a binding "
				+ "($name), this, a type, or a variable whose method is called (another lowercase name could be "
				+ "a Java package)");
	}

	/**
	 * {@code drools.getRule()}, passed on as it is: whatever else the engine's context
	 * offers reaches the session and the rule base.
	 */
	private int checkRuleContext(int i) {
		String name = this.tokens.at(i).text();
		boolean getRule = this.tokens.at(i + 1).is(".") && this.tokens.at(i + 2).is("getRule")
				&& this.tokens.at(i + 3).is("(") && this.tokens.at(i + 4).is(")") && !this.tokens.at(i + 5).is(".")
				&& !this.tokens.at(i + 5).is("::");
		if (!getRule) {
			refuse(i, name + " may only be used as " + name + ".getRule(), passed on to the scoresheet");
			return i;
		}
		return i + 4;
	}

	/**
	 * The name after {@code rule}, {@code query} or {@code declare}. Anywhere else
	 * {@code rule} is the engine's rule object, which MVEL code could reach.
	 */
	private int nameAfter(int i) {
		Token name = this.tokens.at(i + 1);
		if (name.kind() == Kind.STRING || name.kind() == Kind.WORD) {
			return i + 1;
		}
		if (this.tokens.at(i).is("rule")) {
			refuse(i, "rule is not allowed in rule code except to start a rule");
		}
		return i;
	}

	private void refuse(int i, String message) {
		this.findings.add(new Finding(this.tokens.at(i).line(), message));
	}

}
