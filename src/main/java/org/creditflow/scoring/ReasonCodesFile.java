package org.creditflow.scoring;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.lang.Nullable;

/**
 * Reads {@code reason-codes.csv}: a header {@code code,category,text_en,text_ko}, then
 * one code per line; a text that holds a comma is quoted ({@code "..."}, with {@code ""}
 * for a quote). A text quotes a policy number by its key in braces
 * ({@code {age.minimum}}), filled in from the ruleset's own {@code policy.properties}, so
 * a changed number never leaves a text saying the old one.
 */
final class ReasonCodesFile {

	static final String PATH = "reason-codes.csv";

	private static final List<String> HEADER = List.of("code", "category", "text_en", "text_ko");

	private static final Pattern POLICY_KEY = Pattern.compile("\\{([a-zA-Z0-9._-]+)}");

	private ReasonCodesFile() {
	}

	/**
	 * @param policy the values of the ruleset's {@code policy.properties}; null when it
	 * has none (reported on its own), which leaves the texts as written
	 */
	static Map<String, ReasonCode> parse(RuleFile file, @Nullable Properties policy, List<RuleProblem> problems) {
		Map<String, ReasonCode> codes = new LinkedHashMap<>();
		String[] lines = file.text().split("\r?\n");
		if (lines.length == 0 || !split(lines[0]).equals(HEADER)) {
			problems.add(new RuleProblem(file.path(), 1, "the first line must be: " + String.join(",", HEADER)));
			return codes;
		}
		for (int i = 1; i < lines.length; i++) {
			if (lines[i].isBlank()) {
				continue;
			}
			List<String> cells = split(lines[i]);
			if (cells.size() != HEADER.size() || cells.stream().anyMatch(String::isBlank)) {
				problems.add(new RuleProblem(file.path(), i + 1,
						"expected 4 non-empty values (code,category,text_en,text_ko), found " + cells.size()));
			}
			else if (codes.putIfAbsent(cells.get(0),
					new ReasonCode(cells.get(0), cells.get(1),
							filled(cells.get(2), policy, file.path(), i + 1, problems),
							filled(cells.get(3), policy, file.path(), i + 1, problems))) != null) {
				problems.add(new RuleProblem(file.path(), i + 1, "reason code " + cells.get(0) + " appears twice"));
			}
		}
		return codes;
	}

	private static String filled(String text, @Nullable Properties policy, String path, int line,
			List<RuleProblem> problems) {
		if (policy == null) {
			return text;
		}
		Matcher key = POLICY_KEY.matcher(text);
		StringBuilder filled = new StringBuilder();
		while (key.find()) {
			String value = policy.getProperty(key.group(1));
			if (value == null) {
				problems.add(new RuleProblem(path, line,
						"{" + key.group(1) + "} is no value of " + PolicyFile.PATH + " to fill the text with"));
				value = key.group();
			}
			// 300_000 as written reads 300,000 in a text
			key.appendReplacement(filled, Matcher.quoteReplacement(value.strip().replace('_', ',')));
		}
		key.appendTail(filled);
		return filled.toString();
	}

	static List<String> split(String line) {
		List<String> cells = new ArrayList<>();
		StringBuilder cell = new StringBuilder();
		boolean quoted = false;
		for (int i = 0; i < line.length(); i++) {
			char c = line.charAt(i);
			if (quoted && c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
				cell.append('"');
				i++;
			}
			else if (c == '"') {
				quoted = !quoted;
			}
			else if (c == ',' && !quoted) {
				cells.add(cell.toString().strip());
				cell.setLength(0);
			}
			else {
				cell.append(c);
			}
		}
		cells.add(cell.toString().strip());
		return cells;
	}

}
