package org.creditflow.scoring;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
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
 * One assessment of the standard applicant by the default Drools ruleset (every stage,
 * and only the scoring stages), by the same segment, scorecard, PD and grade as Camunda
 * DMN decisions ({@link DmnScorecard}) and written by hand in Java
 * ({@link HandWrittenScorecard}), with the settings of {@link RulesetBenchmark}. Run with
 * {@code ./mvnw -B -Pbenchmark test-compile exec:exec -Dbenchmark.include=DroolsDmnJavaBenchmark}.
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = { "-Xms1g", "-Xmx1g" })
@Threads(1)
public class DroolsDmnJavaBenchmark {

	/**
	 * The stages the DMN and Java versions compute: segment, points, score and PD, grade.
	 */
	static final List<String> SCORING_STAGES = List.of("segment", "scorecard", "score", "grade");

	private Ruleset ruleset;

	private DmnScorecard dmn;

	private HandWrittenScorecard java;

	private List<Object> standardApplicant;

	@Setup(Level.Trial)
	public void setUp() throws IOException {
		List<RuleFile> files = RuleFiles.fromFolder(Path.of("rules"));
		this.ruleset = new RulesetCompiler(Clock.systemUTC()).compile(files, "rules");
		this.dmn = new DmnScorecard(files, this.ruleset.policy());
		this.java = new HandWrittenScorecard(files, this.ruleset.policy());
		this.standardApplicant = HandWrittenScorecardTests.standardApplicant();
		Integer drools = droolsScoringStages().getScore();
		if (!Objects.equals(drools, dmnDecisions().score()) || !Objects.equals(drools, handWrittenJava().score())) {
			throw new IllegalStateException("The three versions score the standard applicant differently");
		}
	}

	@Benchmark
	@BenchmarkMode(Mode.SampleTime)
	@OutputTimeUnit(TimeUnit.MICROSECONDS)
	@Warmup(iterations = 5, time = 2)
	@Measurement(iterations = 5, time = 2)
	public Scoresheet droolsFullRuleset() {
		return this.ruleset.evaluate(this.standardApplicant);
	}

	@Benchmark
	@BenchmarkMode(Mode.SampleTime)
	@OutputTimeUnit(TimeUnit.MICROSECONDS)
	@Warmup(iterations = 5, time = 2)
	@Measurement(iterations = 5, time = 2)
	public Scoresheet droolsScoringStages() {
		return this.ruleset.evaluate(this.standardApplicant, new Scoresheet(), SCORING_STAGES);
	}

	@Benchmark
	@BenchmarkMode(Mode.SampleTime)
	@OutputTimeUnit(TimeUnit.MICROSECONDS)
	@Warmup(iterations = 5, time = 2)
	@Measurement(iterations = 5, time = 2)
	public DmnScorecard.Result dmnDecisions() {
		return this.dmn.score(this.standardApplicant);
	}

	@Benchmark
	@BenchmarkMode(Mode.SampleTime)
	@OutputTimeUnit(TimeUnit.MICROSECONDS)
	@Warmup(iterations = 5, time = 2)
	@Measurement(iterations = 5, time = 2)
	public HandWrittenScorecard.Result handWrittenJava() {
		return this.java.score(this.standardApplicant);
	}

}
