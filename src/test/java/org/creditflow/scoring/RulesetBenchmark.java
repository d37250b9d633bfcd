package org.creditflow.scoring;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.creditflow.scoring.facts.Scoresheet;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One assessment with the default ruleset, warm, and building the ruleset from its files;
 * each beside a baseline measured in the same run: the same work with a ruleset of one
 * rule of DRL (and the offer table every ruleset has), and the default ruleset with its
 * decision tables compiled as Drools does, one rule per row. Run with
 * {@code ./mvnw -B -Pbenchmark test-compile exec:exec}; see docs/benchmarks.md.
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = { "-Xms1g", "-Xmx1g" })
@Threads(1)
public class RulesetBenchmark {

	private static final String ONE_RULE = """
			package credit;
			import org.creditflow.scoring.facts.Scoresheet;
			rule "Everyone gets grade A"
			    agenda-group "grade"
			when
			    $sheet : Scoresheet()
			then
			    $sheet.grade( "A" );
			end
			""";

	private RulesetCompiler compiler;

	private List<RuleFile> defaultFiles;

	private List<RuleFile> oneRuleFiles;

	private Ruleset defaultRuleset;

	private Ruleset defaultRulesetOneRulePerRow;

	private Ruleset oneRuleRuleset;

	private List<Object> standardApplicant;

	@Setup(Level.Trial)
	public void setUp() throws IOException {
		this.compiler = new RulesetCompiler(Clock.systemUTC());
		this.defaultFiles = RuleFiles.fromFolder(Path.of("rules"));
		// the baseline keeps the offer table, which every ruleset must have, and one rule
		// of DRL (not the scorecards' tables)
		this.oneRuleFiles = new ArrayList<>(this.defaultFiles.stream()
			.filter((file) -> !file.isRule() || file.path().equals("credit/pricing.drl.csv"))
			.toList());
		this.oneRuleFiles.add(new RuleFile("credit/one.drl", ONE_RULE.getBytes(StandardCharsets.UTF_8)));
		this.defaultRuleset = this.compiler.compile(this.defaultFiles, "rules");
		// the same files as Drools compiles a decision table: one rule per row
		this.defaultRulesetOneRulePerRow = new RulesetCompiler(Clock.systemUTC(), false).compile(this.defaultFiles,
				"rules");
		this.oneRuleRuleset = this.compiler.compile(this.oneRuleFiles, "baseline");
		this.standardApplicant = ScenarioRunner.facts(ScenarioRunner.merge(
				ScenarioFiles.parse(ScenarioFiles.fromFolder(Path.of("rules")), new ArrayList<>()).standard(),
				Map.of()));
	}

	@Benchmark
	@BenchmarkMode(Mode.SampleTime)
	@OutputTimeUnit(TimeUnit.MICROSECONDS)
	@Warmup(iterations = 5, time = 2)
	@Measurement(iterations = 5, time = 2)
	public Scoresheet assessWithTheDefaultRuleset() {
		return this.defaultRuleset.evaluate(this.standardApplicant);
	}

	@Benchmark
	@BenchmarkMode(Mode.SampleTime)
	@OutputTimeUnit(TimeUnit.MICROSECONDS)
	@Warmup(iterations = 5, time = 2)
	@Measurement(iterations = 5, time = 2)
	public Scoresheet assessWithTheDefaultRulesetOneRulePerTableRow() {
		return this.defaultRulesetOneRulePerRow.evaluate(this.standardApplicant);
	}

	@Benchmark
	@BenchmarkMode(Mode.SampleTime)
	@OutputTimeUnit(TimeUnit.MICROSECONDS)
	@Warmup(iterations = 5, time = 2)
	@Measurement(iterations = 5, time = 2)
	public Scoresheet baselineAssessWithOneRule() {
		return this.oneRuleRuleset.evaluate(this.standardApplicant);
	}

	@Benchmark
	@BenchmarkMode(Mode.SingleShotTime)
	@OutputTimeUnit(TimeUnit.MILLISECONDS)
	@Warmup(iterations = 3)
	@Measurement(iterations = 10)
	public Ruleset buildTheDefaultRuleset() {
		return this.compiler.compile(this.defaultFiles, "rules");
	}

	@Benchmark
	@BenchmarkMode(Mode.SingleShotTime)
	@OutputTimeUnit(TimeUnit.MILLISECONDS)
	@Warmup(iterations = 3)
	@Measurement(iterations = 10)
	public Ruleset baselineBuildOneRule() {
		return this.compiler.compile(this.oneRuleFiles, "baseline");
	}

}
