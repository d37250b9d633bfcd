package org.creditflow.scoring;

import java.util.ArrayList;
import java.util.List;

/**
 * A rule file's text as javac reads it: Java unicode escapes decoded, each character with
 * the line it stands on in the file as written. javac decodes an escape anywhere, in
 * strings and comments too ({@code \u0053ystem} is {@code System}, an escaped line break
 * ends a {@code //} comment), while DRL and MVEL do not: the readers would disagree on
 * what is code, so every escape is refused, and decoded so the rest of the check names
 * what it spells.
 */
final class RuleText {

	/** Something in a rule file that is refused, by line. */
	record Finding(int line, String message) {
	}

	private final StringBuilder text = new StringBuilder();

	private final List<Integer> lines = new ArrayList<>();

	private final List<Finding> findings = new ArrayList<>();

	private RuleText() {
	}

	/**
	 * As JLS 3.3 says: a backslash preceded by an even number of backslashes, one or more
	 * {@code u}, four hex digits.
	 */
	static RuleText decode(String raw) {
		RuleText decoded = new RuleText();
		int line = 1;
		int backslashesBefore = 0;
		int i = 0;
		while (i < raw.length()) {
			char c = raw.charAt(i);
			if (c == '\\' && backslashesBefore % 2 == 0 && raw.startsWith("u", i + 1)) {
				int digits = i + 1;
				while (raw.startsWith("u", digits)) {
					digits++;
				}
				String hex = raw.substring(digits, Math.min(digits + 4, raw.length()));
				if (hex.matches("[0-9a-fA-F]{4}")) {
					char escaped = (char) Integer.parseInt(hex, 16);
					decoded.findings.add(new Finding(line, "the unicode escape " + raw.substring(i, digits + 4)
							+ " is not allowed: write " + printable(escaped) + " itself"));
					decoded.append(escaped, line);
					backslashesBefore = 0;
					i = digits + 4;
					continue;
				}
				decoded.findings.add(new Finding(line, "\\u starts a unicode escape, which is not allowed"));
			}
			backslashesBefore = (c == '\\') ? backslashesBefore + 1 : 0;
			decoded.append(c, line);
			if (c == '\n' || (c == '\r' && !raw.startsWith("\n", i + 1))) {
				line++;
			}
			i++;
		}
		return decoded;
	}

	/** 'S' for a character that prints as itself, U+200B for any other. */
	static String printable(char c) {
		return (c >= ' ' && c <= '~') ? "'" + c + "'" : String.format("U+%04X", (int) c);
	}

	List<Finding> findings() {
		return this.findings;
	}

	int length() {
		return this.text.length();
	}

	char charAt(int i) {
		return this.text.charAt(i);
	}

	int lineAt(int i) {
		return this.lines.get(i);
	}

	boolean startsWith(String prefix, int i) {
		return i + prefix.length() <= this.text.length() && this.text.substring(i, i + prefix.length()).equals(prefix);
	}

	int indexOf(String part, int from) {
		return this.text.indexOf(part, from);
	}

	String substring(int start, int end) {
		return this.text.substring(start, end);
	}

	private void append(char c, int line) {
		this.text.append(c);
		this.lines.add(line);
	}

}
