package org.creditflow.resilience;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.awaitility.core.ConditionTimeoutException;
import org.creditflow.ApplicationBodies;
import org.creditflow.PostgresTestSchema;
import org.creditflow.ServiceDatabase;
import org.creditflow.ServiceProcess;
import org.creditflow.resilience.Submissions.Acknowledged;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * A node killed under load (SIGKILL: a crash, the OOM killer, a pulled plug on the JVM)
 * and started again on the same database loses no application it acknowledged, makes
 * nothing twice, starts again within a minute, and once up finishes every application
 * within a minute: the dead node's locks run out (30 s) and the rest is work. The two
 * bounds are separate because a start is CPU-bound, and on a busy machine (this class
 * runs beside the others) it alone took half the minute. Runs on the suite's database:
 * the default profile's H2 file, or PostgreSQL with {@code -Ppostgres}, in a file or
 * schema of its own, so it runs beside the other test classes.
 */
@Execution(ExecutionMode.CONCURRENT)
class CrashRecoveryTests {

	private static final int APPLICATIONS = 60;

	private static final int CLIENTS = 4;

	/** Approved, declined, referred to an officer, approved on telecom data. */
	private static final List<String> PERSONAS = List.of(ApplicationBodies.PRIME,
			ApplicationBodies.THIN_FILE_BAD_TELECOM, ApplicationBodies.AVERAGE,
			ApplicationBodies.THIN_FILE_GOOD_TELECOM);

	private static final Duration RECOVERY = Duration.ofSeconds(60);

	@TempDir
	Path directory;

	@Test
	void shouldLoseNothingDoubleNothingAndFinishEverythingAfterAKill() throws Exception {
		ServiceDatabase database = ServiceDatabase.forSuite(PostgresTestSchema.suiteSchema() + "_crash",
				this.directory);
		try (ServiceProcess service = ServiceProcess.start(this.directory, database)) {
			Submissions submissions = Submissions.start(APPLICATIONS, CLIENTS, List.of(service.url()),
					CrashRecoveryTests::body);
			try {
				submissions.awaitAcknowledged(APPLICATIONS / 3, Duration.ofSeconds(60));
				service.kill();
				Map<String, Acknowledged> beforeTheKill = submissions.acknowledged();
				Instant restart = Instant.now();
				service.start();
				Instant up = Instant.now();
				Duration startUp = Duration.between(restart, up);
				assertThat(startUp).as("time to start again").isLessThan(RECOVERY);

				Map<String, Acknowledged> acknowledged = submissions.awaitAll(Duration.ofSeconds(60));
				NodeApi api = new NodeApi(service.url());
				assertThat(beforeTheKill.values()
					.stream()
					.map(Acknowledged::applicationId)
					.filter((id) -> !api.exists(id))).as("applications acknowledged before the kill and gone after it")
					.isEmpty();
				try {
					await().atMost(RECOVERY)
						.pollInterval(Duration.ofMillis(500))
						.until(api::settled, equalTo((long) APPLICATIONS));
				}
				catch (ConditionTimeoutException ex) {
					throw new AssertionError("Not every application settled within " + RECOVERY
							+ " of the node being up again; jobs still waiting: " + api.pendingJobs() + "\n"
							+ service.logTail(), ex);
				}
				Duration recovery = Duration.between(up, Instant.now());
				assertThat(recovery).as("from the node being up again until every application is decided or in review")
					.isLessThanOrEqualTo(RECOVERY);
				assertThat(api.verifyAuditChain().get("valid").asBoolean()).as("the decision chain is intact").isTrue();
				service.stop();

				assertThat(beforeTheKill).as("the kill came in the middle of the submissions")
					.hasSizeBetween(APPLICATIONS / 3, APPLICATIONS - 1);
				ExactlyOnce.assertNothingLostNorDoubled(APPLICATIONS, acknowledged, StoredOutcomes.read(database));
				System.out.printf(
						"%s: %d acknowledged before the kill; restarted in %d s, all settled %d s after that%n",
						database.getClass().getSimpleName(), beforeTheKill.size(), startUp.toSeconds(),
						recovery.toSeconds());
			}
			finally {
				submissions.stop();
			}
		}
	}

	private static ObjectNode body(int n) {
		return ApplicationBodies.body(PERSONAS.get(n % PERSONAS.size()));
	}

}
