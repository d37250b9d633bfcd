package org.creditflow.scoring;

import java.util.Map;

/**
 * One scenario of the risk team: given facts (what differs from the standard applicant),
 * expected outcome. Written in YAML in {@code rules/tests/}.
 *
 * @param file the scenario file, as a path inside the rules folder
 * @param line where the scenario starts in it
 */
record Scenario(String file, int line, String name, Map<String, Object> given, Map<String, Object> expect) {

	String where() {
		return this.file + ":" + this.line;
	}

}
