package org.creditflow.scoring;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code reason-codes.csv}: a header {@code code,category,text_en,text_ko}, then
 * one code per line; a text that holds a comma is quoted ({@code "..."}, with {@code ""}
 * for a quote).
 */
final class ReasonCodesFile {

	static final String PATH = "reason-codes.csv";

	private static final List<String> HEADER = List.of("code", "category", "text_en", "text_ko");

	private ReasonCodesFile() {
	}

	static Map<String, ReasonCode> parse(RuleFile file, List<RuleProblem> problems) {
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
					new ReasonCode(cells.get(0), cells.get(1), cells.get(2), cells.get(3))) != null) {
				problems.add(new RuleProblem(file.path(), i + 1, "reason code " + cells.get(0) + " appears twice"));
			}
		}
		return codes;
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
