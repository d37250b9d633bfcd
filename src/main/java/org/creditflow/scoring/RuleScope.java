package org.creditflow.scoring;

import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.creditflow.scoring.RuleCodeTokens.Kind;
import org.creditflow.scoring.RuleCodeTokens.Token;
import org.creditflow.scoring.RuleText.Finding;

/**
 * What a rule file brings into scope, checked: its {@code package} (a rule package, never
 * a Java package, whose classes the rules would see by their simple names), its
 * {@code import}s (allowed types only, each by its name) and the types it
 * {@code declare}s (none named like a {@code java.lang} class, which it could stand in
 * for).
 */
final class RuleScope {

	private final RuleCodeTokens tokens;

	private final Set<Finding> findings;

	private final Set<String> imported = new HashSet<>();

	private final Set<String> declared = new HashSet<>();

	/** The tokens of {@code package} and {@code import} statements, judged here. */
	private final BitSet statements = new BitSet();

	private RuleScope(RuleCodeTokens tokens, Set<Finding> findings) {
		this.tokens = tokens;
		this.findings = findings;
	}

	static RuleScope read(RuleCodeTokens tokens, Set<Finding> findings) {
		RuleScope scope = new RuleScope(tokens, findings);
		for (int i = 0; i < tokens.size(); i++) {
			if (!tokens.isMember(i) && tokens.at(i).is("package")) {
				scope.readPackage(i);
			}
			else if (!tokens.isMember(i) && tokens.at(i).is("import")) {
				scope.readImport(i);
			}
			else if (!tokens.isMember(i) && tokens.at(i).is("declare")) {
				scope.readDeclaration(i);
			}
		}
		return scope;
	}

	/** Whether the file may use a type by this simple name. */
	boolean allowsType(String simpleName) {
		return RuleVocabulary.isAllowedSimpleName(simpleName, this.imported, this.declared);
	}

	/** Whether the token at {@code i} belongs to a statement already judged here. */
	boolean judged(int i) {
		return this.statements.get(i);
	}

	/** {@code package credit;} */
	private void readPackage(int i) {
		List<String> name = this.tokens.chain(i + 1);
		this.statements.set(i, i + 1 + Math.max(name.size() * 2 - 1, 0));
		if (name.isEmpty() || !RuleVocabulary.RULE_PACKAGE_ROOTS.contains(name.get(0))) {
			refuse(i,
					"package " + String.join(".", name) + " is not allowed: a rule package starts with "
							+ String.join(" or ", RuleVocabulary.RULE_PACKAGE_ROOTS.stream().sorted().toList())
							+ ", never with a Java package's name");
		}
	}

	/** {@code import [static|function|accumulate] a.b.C[.member|.*] [alias];} */
	private void readImport(int i) {
		String kind = this.tokens.at(i + 1).text();
		boolean ofMembers = kind.equals("static") || kind.equals("function");
		int start = (ofMembers || kind.equals("accumulate")) ? i + 2 : i + 1;
		List<String> name = this.tokens.chain(start);
		int end = start + name.size() * 2 - 1;
		boolean wildcard = this.tokens.at(end).is(".") && this.tokens.at(end + 1).is("*");
		this.statements.set(i, Math.max(i + 1, wildcard ? end + 2 : end));
		String imported = String.join(".", name) + (wildcard ? ".*" : "");
		if (kind.equals("accumulate")) {
			refuse(i, "import accumulate is not allowed: it runs a Java class of its own; use the built-in "
					+ "functions (sum, count, min, max, average, collectList, collectSet)");
		}
		else if (ofMembers) {
			List<String> type = wildcard ? name : name.subList(0, Math.max(name.size() - 1, 0));
			boolean member = !wildcard && !name.isEmpty()
					&& RuleVocabulary.FORBIDDEN_MEMBERS.contains(name.get(name.size() - 1));
			if (member || !RuleVocabulary.isAllowedType(String.join(".", type))) {
				refuse(i, "import " + kind + " " + imported + " is not allowed: " + RuleVocabulary.WHAT_RULES_MAY_USE);
			}
		}
		else if (wildcard) {
			refuse(i, "import " + imported + " is not allowed: import each class by its name");
		}
		else if (RuleVocabulary.isAllowedType(imported)) {
			this.imported.add(name.get(name.size() - 1));
		}
		else {
			refuse(i, "import " + imported + " is not allowed: " + RuleVocabulary.WHAT_RULES_MAY_USE);
		}
	}

	/** {@code declare [trait|enum] Name ... end} */
	private void readDeclaration(int i) {
		int at = i + 1;
		while (this.tokens.at(at).is("trait") || this.tokens.at(at).is("enum")) {
			at++;
		}
		Token name = this.tokens.at(at);
		if (name.kind() != Kind.WORD) {
			return;
		}
		if (RuleVocabulary.isJavaLangType(name.text())) {
			refuse(at, "declare " + name.text() + " is not allowed: java.lang has a class of that name");
		}
		else {
			this.declared.add(name.text());
		}
	}

	private void refuse(int i, String message) {
		this.findings.add(new Finding(this.tokens.at(i).line(), message));
	}

}
