package org.creditflow.scoring;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
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
 * One assessment of the standard applicant by the default Drools ruleset beside the same
 * segment, scorecard, PD and grade written by hand in Java
 * ({@link HandWrittenScorecard}), with the settings of {@link RulesetBenchmark}. Run with
 * {@code ./mvnw -B -Pbenchmark test-compile exec:exec -Dbenchmark.include=DroolsJavaBenchmark}.
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = { "-Xms1g", "-Xmx1g" })
@Threads(1)
public class DroolsJavaBenchmark {

	private Ruleset ruleset;

	private HandWrittenScorecard java;

	private List<Object> standardApplicant;

	@Setup(Level.Trial)
	public void setUp() throws IOException {
		List<RuleFile> files = RuleFiles.fromFolder(Path.of("rules"));
		this.ruleset = new RulesetCompiler(Clock.systemUTC()).compile(files, "rules");
		this.java = new HandWrittenScorecard(files, this.ruleset.policy());
		this.standardApplicant = HandWrittenScorecardTests.standardApplicant();
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
	public HandWrittenScorecard.Result handWrittenJava() {
		return this.java.score(this.standardApplicant);
	}

}
