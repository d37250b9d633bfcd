package org.creditflow.mydata;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code mydata-worker} refuses to start on settings it cannot work with, and names each
 * problem, instead of polling with a lock its fetches outlast.
 */
class MyDataWorkerCommandTests {

	@Test
	void shouldNameEveryMissingSettingAndExit() {
		ByteArrayOutputStream err = new ByteArrayOutputStream();

		int exit = MyDataWorkerCommand.run(List.of("--creditflow.worker.lock-duration=PT5S"),
				new PrintStream(err, true, StandardCharsets.UTF_8));

		assertThat(exit).isEqualTo(MyDataWorkerCommand.USAGE);
		assertThat(err.toString(StandardCharsets.UTF_8)).contains("creditflow.worker.service-url is not set",
				"CREDITFLOW_WORKER_PASSWORD", "lock-duration PT5S is shorter than max-tasks (2)");
	}

	@Test
	void shouldRefuseWhatIsNoSetting() {
		ByteArrayOutputStream err = new ByteArrayOutputStream();

		int exit = MyDataWorkerCommand.run(List.of("http://localhost:8080"),
				new PrintStream(err, true, StandardCharsets.UTF_8));

		assertThat(exit).isEqualTo(MyDataWorkerCommand.USAGE);
		assertThat(err.toString(StandardCharsets.UTF_8)).contains("Unknown argument: http://localhost:8080",
				"--creditflow.worker.service-url=<url>");
	}

	@Test
	void shouldSizeTheLockForEveryTaskOfAPollAtItsTimeout() {
		MyDataProperties mydata = new MyDataProperties("R3/PT10S", source(Duration.ofSeconds(5)),
				source(Duration.ofSeconds(8)),
				new MyDataProperties.Simulator(true, Duration.ofSeconds(10), Duration.ZERO, 0.6), Duration.ofDays(90),
				new MyDataProperties.PayloadPurge("0 30 2 * * ?", 1000));

		// two tasks at telecom's 8 s, plus 2 s each to report
		assertThat(
				settings(List.of(DataSource.FINANCIAL, DataSource.TELECOM), 2, Duration.ofSeconds(19)).problems(mydata))
			.singleElement()
			.asString()
			.contains("(PT20S)");
		assertThat(
				settings(List.of(DataSource.FINANCIAL, DataSource.TELECOM), 2, Duration.ofSeconds(20)).problems(mydata))
			.isEmpty();
		// only the sources it takes count: financial alone needs 2 x (5 s + 2 s)
		assertThat(settings(List.of(DataSource.FINANCIAL), 2, Duration.ofSeconds(14)).problems(mydata)).isEmpty();
		assertThat(settings(List.of(DataSource.TELECOM), 1, Duration.ofSeconds(10)).problems(mydata)).isEmpty();
	}

	@Test
	void shouldReadRetryCyclesAsTheJobExecutorDoes() {
		RetryCycle repeated = RetryCycle.parse("R3/PT10S");
		assertThat(repeated.attempts()).isEqualTo(3);
		assertThat(repeated.intervalAfter(1)).isEqualTo(Duration.ofSeconds(10));
		assertThat(repeated.intervalAfter(2)).isEqualTo(Duration.ofSeconds(10));

		RetryCycle listed = RetryCycle.parse("PT5S, PT30S");
		assertThat(listed.attempts()).isEqualTo(2);
		assertThat(listed.intervalAfter(1)).isEqualTo(Duration.ofSeconds(5));
		assertThat(listed.intervalAfter(2)).isEqualTo(Duration.ofSeconds(30));
		assertThat(listed.intervalAfter(7)).isEqualTo(Duration.ofSeconds(30));
	}

	private static WorkerSettings settings(List<DataSource> sources, int maxTasks, Duration lock) {
		return new WorkerSettings(java.net.URI.create("http://localhost:8080"), "worker", "secret", sources, 4,
				maxTasks, lock, Duration.ofSeconds(20), "/engine-rest");
	}

	private static MyDataProperties.Source source(Duration timeout) {
		return new MyDataProperties.Source(null, null, MyDataSimulator.NAME, timeout,
				MyDataProperties.WhenUnavailable.MISSING, MyDataProperties.CollectedBy.WORKER);
	}

}
