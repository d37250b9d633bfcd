package org.creditflow.scoring;

import java.util.ArrayList;
import java.util.List;

import org.creditflow.scoring.RuleText.Finding;

/**
 * Rule text cut into the tokens {@link RuleCodeCheck} judges: words, string and number
 * literals and symbols, each with its line. Comments are dropped, and what strings hold
 * is kept apart from code.
 * <p>
 * DRL, Java and MVEL each read parts of a rule file. Wherever they could tell code from
 * string or comment apart differently than this reading does, code could hide from the
 * check, so the text is refused instead of guessed: a character outside ASCII in code
 * (look-alike letters, characters javac ignores inside names), {@code #} (an old DRL
 * comment), a backslash or backtick in code, a text block, a string that runs past its
 * line (javac refuses one; a stray quote on a later line would hide the code after it).
 */
final class RuleCodeTokens {

	enum Kind {

		WORD, STRING, NUMBER, SYMBOL

	}

	/** One token; a string's text is what it holds, without the quotes. */
	record Token(Kind kind, String text, int line) {

		boolean is(String symbolOrWord) {
			return this.kind != Kind.STRING && this.text.equals(symbolOrWord);
		}

	}

	private static final Token NONE = new Token(Kind.SYMBOL, "", 0);

	private final RuleText text;

	private final List<Token> tokens = new ArrayList<>();

	private final List<Finding> findings = new ArrayList<>();

	private RuleCodeTokens(RuleText text) {
		this.text = text;
		this.findings.addAll(text.findings());
	}

	static RuleCodeTokens read(String raw) {
		RuleCodeTokens tokens = new RuleCodeTokens(RuleText.decode(raw));
		tokens.cut();
		return tokens;
	}

	List<Finding> findings() {
		return this.findings;
	}

	int size() {
		return this.tokens.size();
	}

	/** The token at {@code i}, or an empty symbol before the first and after the last. */
	Token at(int i) {
		return (i >= 0 && i < this.tokens.size()) ? this.tokens.get(i) : NONE;
	}

	/**
	 * After {@code .}, {@code ::} or MVEL's null-safe {@code .?}: a member of something.
	 */
	boolean isMember(int i) {
		return at(i - 1).is(".") || at(i - 1).is("::") || (at(i - 1).is("?") && at(i - 2).is("."));
	}

	/** The names of {@code a.b.C} (or {@code a::b}) from {@code i} on. */
	List<String> chain(int i) {
		List<String> names = new ArrayList<>();
		int at = i;
		while (at(at).kind() == Kind.WORD) {
			names.add(at(at).text());
			if (!(at(at + 1).is(".") || at(at + 1).is("::")) || at(at + 2).kind() != Kind.WORD) {
				break;
			}
			at += 2;
		}
		return names;
	}

	private void cut() {
		int i = 0;
		while (i < this.text.length()) {
			char c = this.text.charAt(i);
			int line = this.text.lineAt(i);
			if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
				i++;
			}
			else if (this.text.startsWith("//", i)) {
				while (i < this.text.length() && this.text.charAt(i) != '\n' && this.text.charAt(i) != '\r') {
					i++;
				}
			}
			else if (this.text.startsWith("/*", i)) {
				i = skipTo("*/", i + 2, line, "a comment /* is never closed");
			}
			else if (this.text.startsWith("\"\"\"", i)) {
				this.findings.add(new Finding(line, "text blocks (\"\"\") are not allowed"));
				i = skipTo("\"\"\"", i + 3, line, "a text block is never closed");
			}
			else if (c == '"' || c == '\'') {
				i = string(i);
			}
			else if (c < ' ' || c > '~') {
				this.findings.add(new Finding(line, RuleText.printable(c)
						+ " is not allowed outside strings and comments: rule code is written in ASCII"));
				i++;
			}
			else if (c == '#' || c == '\\' || c == '`') {
				this.findings.add(new Finding(line,
						"'" + c + "' is not allowed outside strings and comments (a comment starts with //)"));
				i++;
			}
			else {
				i = wordNumberOrSymbol(i, line);
			}
		}
	}

	private int wordNumberOrSymbol(int start, int line) {
		char c = this.text.charAt(start);
		int end = start + 1;
		if (isWordPart(c) && !Character.isDigit(c)) {
			while (end < this.text.length() && isWordPart(this.text.charAt(end))) {
				end++;
			}
			this.tokens.add(new Token(Kind.WORD, this.text.substring(start, end), line));
		}
		else if (Character.isDigit(c)) {
			end = number(start);
			this.tokens.add(new Token(Kind.NUMBER, this.text.substring(start, end), line));
		}
		else {
			end = this.text.startsWith("::", start) ? start + 2 : start + 1;
			this.tokens.add(new Token(Kind.SYMBOL, this.text.substring(start, end), line));
		}
		return end;
	}

	/** A string or character literal (DRL and MVEL quote strings with either). */
	private int string(int start) {
		char quote = this.text.charAt(start);
		int line = this.text.lineAt(start);
		StringBuilder content = new StringBuilder();
		int i = start + 1;
		while (i < this.text.length() && this.text.charAt(i) != '\n' && this.text.charAt(i) != '\r') {
			char c = this.text.charAt(i);
			if (c == quote) {
				this.tokens.add(new Token(Kind.STRING, content.toString(), line));
				return i + 1;
			}
			boolean escape = c == '\\' && i + 1 < this.text.length() && this.text.charAt(i + 1) != '\n'
					&& this.text.charAt(i + 1) != '\r';
			content.append(escape ? this.text.substring(i, i + 2) : String.valueOf(c));
			i += escape ? 2 : 1;
		}
		this.findings.add(new Finding(line, "a string must end on the line it starts"));
		this.tokens.add(new Token(Kind.STRING, content.toString(), line));
		return i;
	}

	/** Digits, a fraction, an exponent, one type suffix ({@code 10L}, {@code 5.9B}). */
	private int number(int start) {
		int i = start;
		if (this.text.startsWith("0x", i) || this.text.startsWith("0X", i) || this.text.startsWith("0b", i)
				|| this.text.startsWith("0B", i)) {
			i += 2;
			while (i < this.text.length()
					&& (Character.digit(this.text.charAt(i), 16) >= 0 || this.text.charAt(i) == '_')) {
				i++;
			}
			return suffix(i);
		}
		i = digits(i);
		if (this.text.startsWith(".", i) && i + 1 < this.text.length() && Character.isDigit(this.text.charAt(i + 1))) {
			i = digits(i + 1);
		}
		if (this.text.startsWith("e", i) || this.text.startsWith("E", i)) {
			int exponent = (this.text.startsWith("+", i + 1) || this.text.startsWith("-", i + 1)) ? i + 2 : i + 1;
			if (exponent < this.text.length() && Character.isDigit(this.text.charAt(exponent))) {
				i = digits(exponent);
			}
		}
		return suffix(i);
	}

	private int digits(int start) {
		int i = start;
		while (i < this.text.length() && (Character.isDigit(this.text.charAt(i)) || this.text.charAt(i) == '_')) {
			i++;
		}
		return i;
	}

	private int suffix(int i) {
		return (i < this.text.length() && "lLfFdDbBiI".indexOf(this.text.charAt(i)) >= 0) ? i + 1 : i;
	}

	private int skipTo(String end, int from, int line, String notClosed) {
		int at = this.text.indexOf(end, from);
		if (at < 0) {
			this.findings.add(new Finding(line, notClosed));
			return this.text.length();
		}
		return at + end.length();
	}

	/** ASCII only: anything else in code is refused before. */
	private static boolean isWordPart(char c) {
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '$';
	}

}
