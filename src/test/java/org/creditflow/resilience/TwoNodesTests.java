package org.creditflow.resilience;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.camunda.bpm.engine.history.JobState;
import org.creditflow.ApplicationBodies;
import org.creditflow.PostgresTestSchema;
import org.creditflow.SeparateService;
import org.creditflow.ServiceDatabase;
import org.creditflow.ServiceProcess;
import org.creditflow.resilience.Submissions.Acknowledged;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Two nodes on one PostgreSQL database share the work, and one finishes what the other
 * was doing when it died: each application decided exactly once, the dead node's jobs run
 * by the survivor once their locks run out. PostgreSQL only: the embedded H2 file belongs
 * to one process.
 */
class TwoNodesTests {

	private static final int APPLICATIONS = 300;

	private static final int CLIENTS = 8;

	/** Decided by the rules alone: prime (approved), late phone bills, in arrears. */
	private static final List<String> PERSONAS = List.of(ApplicationBodies.PRIME, "1",
			ApplicationBodies.THIN_FILE_BAD_TELECOM, ApplicationBodies.DELINQUENT);

	private static final Duration RECOVERY = Duration.ofSeconds(60);

	/**
	 * The suite's own context holds 30 of the server's 100 connections; two nodes at the
	 * shipped 30 would leave almost none.
	 */
	private static final String POOL = "--spring.datasource.hikari.maximum-pool-size=20";

	@TempDir
	Path directory;

	@Test
	void shouldDecideEveryApplicationOnceWhenOneOfTwoNodesDies() throws Exception {
		assumeTrue(SeparateService.onPostgres(), "two nodes need a database server (-Ppostgres)");
		ServiceDatabase database = ServiceDatabase.forSuite(PostgresTestSchema.suiteSchema() + "_two_nodes",
				this.directory);
		// one after the other: the first creates the schema, deploys and creates the
		// users
		try (ServiceProcess survivor = ServiceProcess.start(this.directory.resolve("a"), database, POOL, name("a"));
				ServiceProcess victim = ServiceProcess.start(this.directory.resolve("b"), database, POOL, name("b"))) {
			Submissions submissions = Submissions.start(APPLICATIONS, CLIENTS, List.of(survivor.url(), victim.url()),
					TwoNodesTests::body);
			try {
				submissions.awaitAcknowledged(APPLICATIONS / 2, Duration.ofSeconds(120));
				victim.kill();
				Instant killed = Instant.now();
				Map<String, Instant> lockedAtTheKill = lockedJobs(database);

				Map<String, Acknowledged> acknowledged = submissions.awaitAll(Duration.ofSeconds(120));
				NodeApi api = new NodeApi(survivor.url());
				await().atMost(RECOVERY)
					.pollInterval(Duration.ofMillis(500))
					.until(api::settled, equalTo((long) APPLICATIONS));
				Duration recovery = Duration.between(killed, Instant.now());
				assertThat(recovery).as("from the kill until every application is decided")
					.isLessThanOrEqualTo(RECOVERY);
				assertThat(api.verifyAuditChain().get("valid").asBoolean()).as("the decision chain is intact").isTrue();

				Map<String, Run> runs = successfulRuns(database, lockedAtTheKill);
				assertThat(lockedAtTheKill.keySet()).as("jobs locked at the kill that never ran")
					.allMatch(runs::containsKey);
				List<Run> takenOver = lockedAtTheKill.entrySet()
					.stream()
					.filter((job) -> !runs.get(job.getKey()).at().isBefore(job.getValue()))
					.map((job) -> runs.get(job.getKey()))
					.toList();
				assertThat(takenOver).as("the dead node's jobs, run once their locks ran out").isNotEmpty();
				assertThat(takenOver).as("run by the survivor").allMatch((run) -> run.node().equals("node-a"));
				assertThat(acknowledged.values().stream().map(Acknowledged::node).distinct())
					.as("nodes that took submissions")
					.containsExactlyInAnyOrder(survivor.url(), victim.url());
				survivor.stop();

				StoredOutcomes stored = StoredOutcomes.read(database);
				ExactlyOnce.assertNothingLostNorDoubled(APPLICATIONS, acknowledged, stored);
				assertThat(stored.statusByApplication().values()).as("every application decided")
					.allMatch((status) -> status.equals("APPROVED") || status.equals("DECLINED"));
				System.out.printf(
						"two nodes: %d jobs locked at the kill, %d of them the dead node's, run by the survivor %d s"
								+ " after the kill at the latest; all decided %d s after it%n",
						lockedAtTheKill.size(), takenOver.size(),
						takenOver.stream()
							.map((run) -> Duration.between(killed, run.at()))
							.max(Duration::compareTo)
							.orElseThrow()
							.toSeconds(),
						recovery.toSeconds());
			}
			finally {
				submissions.stop();
			}
		}
	}

	/** A job's successful run, by the node the engine's job log names. */
	record Run(String node, Instant at) {
	}

	/** Jobs locked to a node right now, and when their locks run out. */
	private static Map<String, Instant> lockedJobs(ServiceDatabase database) throws SQLException {
		Map<String, Instant> locked = new HashMap<>();
		try (Connection connection = database.connect();
				Statement sql = connection.createStatement();
				ResultSet rows = sql
					.executeQuery("select id_, lock_exp_time_ from act_ru_job where lock_owner_ is not null")) {
			while (rows.next()) {
				locked.put(rows.getString(1), rows.getTimestamp(2).toInstant());
			}
		}
		return locked;
	}

	private static Map<String, Run> successfulRuns(ServiceDatabase database, Map<String, Instant> jobs)
			throws SQLException {
		Map<String, Run> runs = new HashMap<>();
		try (Connection connection = database.connect();
				PreparedStatement sql = connection.prepareStatement(
						"select job_id_, hostname_, timestamp_ from act_hi_job_log where job_state_ = ?")) {
			sql.setInt(1, JobState.SUCCESSFUL.getStateCode());
			try (ResultSet rows = sql.executeQuery()) {
				while (rows.next()) {
					if (jobs.containsKey(rows.getString(1))) {
						Timestamp at = rows.getTimestamp(3);
						runs.put(rows.getString(1), new Run(rows.getString(2), at.toInstant()));
					}
				}
			}
		}
		return runs;
	}

	/** Names the node in the engine's job log. */
	private static String name(String node) {
		return "--camunda.bpm.generic-properties.properties.hostname=node-" + node;
	}

	private static ObjectNode body(int n) {
		return ApplicationBodies.body(PERSONAS.get(n % PERSONAS.size()));
	}

}
