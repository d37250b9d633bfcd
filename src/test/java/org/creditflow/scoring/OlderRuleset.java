package org.creditflow.scoring;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.springframework.context.ApplicationContext;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * For tests outside this package: puts a variant of the default rules into service (its
 * policy's approval cut-off moved, so the same facts are decided differently) and the
 * default rules back, as an activation would (without a release): in the database every
 * node reads, then on this node at once.
 */
public final class OlderRuleset {

	private OlderRuleset() {
	}

	/**
	 * Replaces the ruleset in service by one that approves only a PD of 0.1 % or less;
	 * returns the one it replaced.
	 */
	public static Ruleset replaceWithStricterCutOff(ApplicationContext context) {
		try {
			List<RuleFile> files = new ArrayList<>();
			for (RuleFile file : RuleFiles.fromFolder(Path.of("rules"))) {
				files.add(file.path().equals("policy.properties") ? new RuleFile(file.path(),
						requireReplaced(file.text(), "band.approve.pd.max=4.0", "band.approve.pd.max=0.1")
							.getBytes(StandardCharsets.UTF_8))
						: file);
			}
			Ruleset previous = champion(context);
			activate(context, files);
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

	/**
	 * The champion in service, for a test that puts another one into service (by a
	 * release, say) to {@link #restore} afterwards.
	 */
	public static Ruleset champion(ApplicationContext context) {
		return context.getBean(ActiveRuleset.class).get();
	}

	/** Puts a ruleset back into service as champion, at once on this node. */
	public static void restore(ApplicationContext context, Ruleset ruleset) {
		activate(context, ruleset.files());
	}

	private static void activate(ApplicationContext context, List<RuleFile> files) {
		String version = context.getBean(StoredRulesets.class).keep(files);
		new TransactionTemplate(context.getBean(PlatformTransactionManager.class))
			.executeWithoutResult((status) -> context.getBean(RulesetsInService.class)
				.activate(new RulesetsInService.Activation(version, RulesetRole.CHAMPION, 100, null, "test",
						"a test's variant of the rules", false)));
		context.getBean(RulesetSync.class).refresh();
	}

}
