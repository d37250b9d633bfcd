package org.creditflow.scoring;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * For tests outside this package: puts a variant of the default rules into service (its
 * policy's grade cut-offs moved, so the same facts grade differently) and the default
 * rules back.
 */
public final class OlderRuleset {

	private OlderRuleset() {
	}

	/**
	 * Replaces the ruleset in service by one with stricter grades; returns the one it
	 * replaced.
	 */
	public static Ruleset replaceWithStricterGrades(ActiveRuleset active) {
		try {
			List<RuleFile> files = new ArrayList<>();
			for (RuleFile file : RuleFiles.fromFolder(Path.of("rules"))) {
				files.add(file.path().equals("policy.properties") ? new RuleFile(file.path(),
						file.text()
							.replace("grade.A=800", "grade.A=900")
							.replace("grade.B=740", "grade.B=880")
							.getBytes(StandardCharsets.UTF_8))
						: file);
			}
			Ruleset previous = active.get();
			active.activate(new RulesetCompiler(Clock.systemUTC()).compile(files, "test: stricter grades"));
			return previous;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public static void restore(ActiveRuleset active, Ruleset ruleset) {
		active.activate(ruleset);
	}

}
