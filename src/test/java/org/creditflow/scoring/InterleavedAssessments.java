package org.creditflow.scoring;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The assessments of {@link RulesetBenchmark} on a machine shared with other work: the
 * default ruleset with its decision tables looked up, the same files with one rule per
 * row, and the baseline of one rule, called in turn, one call each, so that whatever else
 * runs slows all three alike (JMH measures one after the other). Prints the distribution
 * of single calls. Run as described in docs/benchmarks.md.
 */
public final class InterleavedAssessments {

	private InterleavedAssessments() {
	}

	public static void main(String[] args) throws IOException {
		int warmUp = Integer.parseInt(args[0]);
		int calls = Integer.parseInt(args[1]);
		List<RuleFile> files = RuleFiles.fromFolder(Path.of("rules"));
		List<RuleFile> oneRule = new ArrayList<>(files.stream()
			.filter((file) -> !file.isRule() || file.path().equals("credit/pricing.drl.csv"))
			.toList());
		oneRule.add(new RuleFile("credit/one.drl", """
				package credit;
				import org.creditflow.scoring.facts.Scoresheet;
				rule "Everyone gets grade A"
				    agenda-group "grade"
				when
				    $sheet : Scoresheet()
				then
				    $sheet.grade( "A" );
				end
				""".getBytes(StandardCharsets.UTF_8)));
		List<String> names = List.of("default ruleset, one rule per table", "default ruleset, one rule per row",
				"baseline, one rule + offer table");
		List<Ruleset> rulesets = List.of(new RulesetCompiler(Clock.systemUTC(), true).compile(files, "lookups"),
				new RulesetCompiler(Clock.systemUTC(), false).compile(files, "one rule per row"),
				new RulesetCompiler(Clock.systemUTC(), true).compile(oneRule, "baseline"));
		List<Object> applicant = ScenarioRunner.facts(ScenarioRunner.merge(
				ScenarioFiles.parse(ScenarioFiles.fromFolder(Path.of("rules")), new ArrayList<>()).standard(),
				Map.of()));
		long fired = 0;
		for (int i = 0; i < warmUp; i++) {
			for (Ruleset ruleset : rulesets) {
				fired += ruleset.evaluate(applicant).getFiredRules().size();
			}
		}
		long[][] nanos = new long[rulesets.size()][calls];
		for (int i = 0; i < calls; i++) {
			for (int k = 0; k < rulesets.size(); k++) {
				long start = System.nanoTime();
				fired += rulesets.get(k).evaluate(applicant).getFiredRules().size();
				nanos[k][i] = System.nanoTime() - start;
			}
		}
		for (int k = 0; k < rulesets.size(); k++) {
			long[] sorted = nanos[k].clone();
			Arrays.sort(sorted);
			System.out.printf("%-40s median %6.1f µs  mean %7.1f µs  p99 %7.1f µs  min %5.1f µs%n", names.get(k),
					sorted[calls / 2] / 1e3, Arrays.stream(sorted).average().orElse(0) / 1e3,
					sorted[calls * 99 / 100] / 1e3, sorted[0] / 1e3);
		}
		System.out.println("(rules fired: " + fired + ")");
	}

}
