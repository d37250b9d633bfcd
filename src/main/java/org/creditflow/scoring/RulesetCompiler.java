package org.creditflow.scoring;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.creditflow.scoring.facts.DecisionTableRowFailure;
import org.creditflow.scoring.facts.Policy;
import org.creditflow.scoring.facts.Scoresheet;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.rule.ConsequenceException;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Component;

/**
 * Compiles rule files into a {@link Ruleset}, or refuses them with every problem named by
 * file and line: code that reaches beyond the facts ({@link RuleCodePolicy}, checked
 * before anything is compiled), DRL or a decision table that does not compile, a rule in
 * the policy or scorecard stage without a {@code @reasonCode}, a reason code missing from
 * {@code reason-codes.csv}, a rule outside the known stages, a bad value in
 * {@code policy.properties}, or a price above the legal maximum rate for any grade and
 * segment.
 */
@Component
public class RulesetCompiler {

	/** Rules in these stages block or move points, so they must say why. */
	private static final List<String> STAGES_NEEDING_REASONS = List.of("policy", "scorecard");

	private static final String SOURCE_ROOT = "src/main/resources/";

	private static final Pattern GENERATED_RULE = Pattern.compile("rule \"[^\"]*_(\\d+)\"");

	private final Clock clock;

	private final boolean tablesAsLookups;

	@Autowired
	RulesetCompiler(Clock clock) {
		this(clock, true);
	}

	/**
	 * @param tablesAsLookups whether a decision table of plain form becomes one rule that
	 * looks its row up ({@link DecisionTableLookup}) rather than one rule per row; off
	 * only to measure the difference
	 */
	RulesetCompiler(Clock clock, boolean tablesAsLookups) {
		this.clock = clock;
		this.tablesAsLookups = tablesAsLookups;
	}

	/**
	 * The ruleset in a folder laid out like {@code rules/}, for tools that run without
	 * the service (backtests from the command line).
	 * @throws InvalidRulesetException with every problem, file and line, when it is
	 * broken
	 */
	public static Ruleset compileFolder(Path folder) {
		try {
			return new RulesetCompiler(Clock.systemUTC()).compile(RuleFiles.fromFolder(folder),
					folder.toAbsolutePath().normalize().toString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("The rules in " + folder + " cannot be read", ex);
		}
	}

	/**
	 * The ruleset packaged in the jar ({@code classpath:rules/}), for tools that run
	 * without the service and without a {@code rules/} folder.
	 */
	public static Ruleset compilePackaged() {
		try {
			return new RulesetCompiler(Clock.systemUTC())
				.compile(RuleFiles.fromClasspath(new PathMatchingResourcePatternResolver()), "classpath:rules/");
		}
		catch (IOException ex) {
			throw new UncheckedIOException("The packaged rules cannot be read", ex);
		}
	}

	public Ruleset compile(List<RuleFile> files, String origin) {
		List<RuleFile> sorted = files.stream().sorted(Comparator.comparing(RuleFile::path)).toList();
		// before anything compiles: compiling alone runs some of a rule file's code
		List<RuleProblem> codeProblems = RuleCodePolicy.check(sorted);
		if (!codeProblems.isEmpty()) {
			throw new InvalidRulesetException(codeProblems);
		}
		List<RuleProblem> problems = new ArrayList<>();
		RuleFile reasonFile = sorted.stream()
			.filter((file) -> file.path().equals(ReasonCodesFile.PATH))
			.findFirst()
			.orElse(null);
		RuleFile policyFile = sorted.stream()
			.filter((file) -> file.path().equals(PolicyFile.PATH))
			.findFirst()
			.orElse(null);
		Map<String, ReasonCode> reasonCodes = (reasonFile != null) ? ReasonCodesFile.parse(reasonFile,
				(policyFile != null) ? PolicyFile.values(policyFile) : null, problems) : Map.of();
		if (reasonFile == null) {
			problems.add(new RuleProblem(ReasonCodesFile.PATH, 0, "the ruleset has no reason codes file"));
		}
		Policy policy = (policyFile != null) ? PolicyFile.parse(policyFile, problems) : null;
		if (policyFile == null) {
			problems.add(new RuleProblem(PolicyFile.PATH, 0, "the ruleset has no policy parameters file"));
		}
		sorted.stream()
			.filter((file) -> file.path().equals(DevelopmentSample.PATH))
			.findFirst()
			.ifPresent((file) -> DevelopmentSample.parse(file, problems));
		String version = version(sorted);
		KieBase kieBase = build(sorted, version, this.tablesAsLookups ? reasonCodes.keySet() : null, problems);
		if (kieBase != null) {
			checkRules(kieBase, sorted, reasonCodes, problems);
		}
		if (!problems.isEmpty()) {
			throw new InvalidRulesetException(problems);
		}
		Ruleset ruleset = new Ruleset(version, sorted, kieBase, reasonCodes, policy, origin,
				OffsetDateTime.now(this.clock));
		PricingCheck.check(ruleset, problems);
		if (!problems.isEmpty()) {
			throw new InvalidRulesetException(problems);
		}
		return ruleset;
	}

	/**
	 * @param lookupReasonCodes the reason codes a looked-up table may use, or null to
	 * leave every table to Drools
	 */
	private static KieBase build(List<RuleFile> files, String version, @Nullable Set<String> lookupReasonCodes,
			List<RuleProblem> problems) {
		KieServices kie = KieServices.get();
		ReleaseId releaseId = kie.newReleaseId("org.creditflow.rules", "ruleset", version);
		KieFileSystem fileSystem = kie.newKieFileSystem().generateAndWritePomXML(releaseId);
		boolean anyRules = false;
		for (RuleFile file : files) {
			if (file.isRule()) {
				Optional<DecisionTableLookup.Translation> lookup = (lookupReasonCodes != null)
						? DecisionTableLookup.of(file, lookupReasonCodes) : Optional.empty();
				if (lookup.isPresent()) {
					fileSystem.write(SOURCE_ROOT + file.path() + DecisionTableLookup.GENERATED_SUFFIX,
							lookup.get().drl());
				}
				else {
					fileSystem.write(SOURCE_ROOT + file.path(), file.content());
				}
				anyRules = true;
			}
		}
		if (!anyRules) {
			problems.add(new RuleProblem("(rules)", 0, "the ruleset has no .drl files"));
			return null;
		}
		KieBuilder builder = kie.newKieBuilder(fileSystem).buildAll();
		for (Message message : builder.getResults().getMessages(Message.Level.ERROR)) {
			String path = (message.getPath() != null) ? sourcePath(message.getPath()) : "(rules)";
			problems.add(new RuleProblem(path, lineInSource(path, message), message.getText().strip()));
		}
		if (!problems.isEmpty()) {
			return null;
		}
		KieBase kieBase = kie.newKieContainer(releaseId).getKieBase();
		// the compiled base is all a Ruleset keeps; the repository would hold every
		// version built
		kie.getRepository().removeKieModule(releaseId);
		return kieBase;
	}

	private static void checkRules(KieBase kieBase, List<RuleFile> files, Map<String, ReasonCode> reasonCodes,
			List<RuleProblem> problems) {
		for (KiePackage kiePackage : kieBase.getKiePackages()) {
			for (Rule rule : kiePackage.getRules()) {
				RuleImpl impl = (RuleImpl) rule;
				String file = fileOf(rule);
				int line = lineOf(files, file, rule.getName());
				String stage = impl.getAgendaGroup();
				Object code = rule.getMetaData().get(Scoresheet.REASON_CODE);
				if (!Ruleset.STAGES.contains(stage)) {
					problems.add(new RuleProblem(file, line, "rule \"" + rule.getName()
							+ "\" needs agenda-group set to one of the stages " + Ruleset.STAGES));
				}
				else if (code == null && STAGES_NEEDING_REASONS.contains(stage)
						&& !rule.getMetaData().containsKey(DecisionTableLookup.TABLE_ROWS)) {
					problems.add(new RuleProblem(file, line,
							"rule \"" + rule.getName() + "\" blocks or scores, so it needs @reasonCode(\"...\")"));
				}
				if (code != null && !reasonCodes.containsKey(code.toString())) {
					problems.add(new RuleProblem(file, line, "reason code " + code + " of rule \"" + rule.getName()
							+ "\" is not in " + ReasonCodesFile.PATH));
				}
			}
		}
	}

	/**
	 * Drools reports a decision table's errors by the line of the DRL it generated; the
	 * row of the table is in the generated rule's name.
	 */
	private static int lineInSource(String path, Message message) {
		Matcher row = GENERATED_RULE.matcher(message.getText());
		return (path.endsWith(".drl.csv") && row.find()) ? Integer.parseInt(row.group(1)) : message.getLine();
	}

	/** The file a compiled rule came from, as a path inside the rules folder. */
	static String fileOf(Rule rule) {
		RuleImpl impl = (RuleImpl) rule;
		return (impl.getResource() != null && impl.getResource().getSourcePath() != null)
				? sourcePath(impl.getResource().getSourcePath()) : rule.getPackageName() + " (generated)";
	}

	/** A path as Drools knows it, as the rules folder's file it came from. */
	private static String sourcePath(String compiled) {
		String path = compiled.replace(SOURCE_ROOT, "");
		return path.endsWith(DecisionTableLookup.GENERATED_SUFFIX)
				? path.substring(0, path.length() - DecisionTableLookup.GENERATED_SUFFIX.length()) : path;
	}

	/** Where a rule that failed while running stands, with what went wrong. */
	static RuleProblem failure(List<RuleFile> files, ConsequenceException ex) {
		String file = fileOf(ex.getRule());
		Throwable cause = (ex.getCause() != null) ? ex.getCause() : ex;
		if (cause instanceof DecisionTableRowFailure row) {
			return new RuleProblem(file, row.row(),
					"rule \"" + row.rule() + "\" fails when it runs: " + row.getCause().getMessage());
		}
		return new RuleProblem(file, lineOf(files, file, ex.getRule().getName()),
				"rule \"" + ex.getRule().getName() + "\" fails when it runs: " + cause.getMessage());
	}

	/**
	 * The line a rule stands on. Drools names a decision table's rules after their row
	 * ({@code "Offer by grade and segment_12"}), which is the line of a CSV table.
	 */
	static int lineOf(List<RuleFile> files, String path, String ruleName) {
		if (path.endsWith(".drl.csv") && ruleName.matches(".*_\\d+")) {
			return Integer.parseInt(ruleName.substring(ruleName.lastIndexOf('_') + 1));
		}
		return files.stream().filter((file) -> file.path().equals(path)).findFirst().map((file) -> {
			String[] lines = file.text().split("\n", -1);
			for (int i = 0; i < lines.length; i++) {
				if (lines[i].contains("rule \"" + ruleName + "\"")) {
					return i + 1;
				}
			}
			return 0;
		}).orElse(0);
	}

	/** SHA-256 over every file's path and content, in path order. */
	static String version(List<RuleFile> files) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			for (RuleFile file : files) {
				digest.update(file.path().getBytes(StandardCharsets.UTF_8));
				digest.update((byte) 0);
				digest.update(file.content());
				digest.update((byte) 0);
			}
			return HexFormat.of().formatHex(digest.digest());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
