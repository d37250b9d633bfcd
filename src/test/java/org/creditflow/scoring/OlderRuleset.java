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
 * policy's approval cut-off moved, so the same facts are decided differently) and the
 * default rules back.
 */
public final class OlderRuleset {

	private OlderRuleset() {
	}

	/**
	 * Replaces the ruleset in service by one that approves only a PD of 0.1 % or less;
	 * returns the one it replaced.
	 */
	public static Ruleset replaceWithStricterCutOff(ActiveRuleset active) {
		try {
			List<RuleFile> files = new ArrayList<>();
			for (RuleFile file : RuleFiles.fromFolder(Path.of("rules"))) {
				files.add(file.path().equals("policy.properties") ? new RuleFile(file.path(),
						requireReplaced(file.text(), "band.approve.pd.max=4.0", "band.approve.pd.max=0.1")
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

	private static String requireReplaced(String text, String from, String to) {
		if (!text.contains(from)) {
			throw new IllegalStateException("policy.properties has no " + from);
		}
		return text.replace(from, to);
	}

	public static void restore(ActiveRuleset active, Ruleset ruleset) {
		active.activate(ruleset);
	}

}
