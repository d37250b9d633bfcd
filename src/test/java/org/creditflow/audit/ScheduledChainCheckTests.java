package org.creditflow.audit;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.creditflow.ApplicationBodies;
import org.creditflow.CreditflowIntegrationTest;
import org.creditflow.HousekeepingTimers;
import org.creditflow.ServiceClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The decision chain is checked on a timer, a bounded stretch per run, and what the last
 * complete pass found is exported for alerting.
 */
@CreditflowIntegrationTest
class ScheduledChainCheckTests {

	@Autowired
	TestRestTemplate http;

	@Autowired
	RollingChainCheck check;

	@Autowired
	DecisionChain chain;

	@Autowired
	ManagementService management;

	@Autowired
	HistoryService history;

	@Autowired
	JdbcClient jdbc;

	ServiceClient service;

	@BeforeEach
	void connect() {
		this.service = new ServiceClient(this.http);
		this.service.awaitStatus(this.service.submit(ApplicationBodies.body(ApplicationBodies.PRIME)), "APPROVED");
		// start from a finished pass, whatever an earlier test left
		this.check.run(Integer.MAX_VALUE);
	}

	@Test
	void shouldCheckTheChainOnItsTimerAndExportWhatItFound() {
		long head = this.chain.head().orElseThrow().seq();

		new HousekeepingTimers(this.management, this.history).runNow("audit-chain-check");

		RollingChainCheck.State state = this.check.state();
		assertThat(state.lastPassValid()).isTrue();
		assertThat(state.lastPassRecords()).isGreaterThanOrEqualTo(head);
		assertThat(state.nextSeq()).as("the next run starts a new pass").isEqualTo(1);
		await().untilAsserted(() -> {
			String scrape = scrape();
			assertThat(sample(scrape, "creditflow_audit_chain_valid")).isEqualTo(1.0);
			assertThat(sample(scrape, "creditflow_audit_chain_records_checked"))
				.isEqualTo(state.lastPassRecords().doubleValue());
			assertThat(sample(scrape, "creditflow_audit_chain_check_timestamp_seconds"))
				.isEqualTo(state.lastRunAt().toEpochSecond());
		});
	}

	@Test
	void shouldCheckALongChainInBoundedStretchesThatGoOnWhereTheLastStopped() {
		this.service.awaitStatus(this.service.submit(ApplicationBodies.body(ApplicationBodies.PRIME)), "APPROVED");
		long head = this.chain.head().orElseThrow().seq();
		assertThat(head).isGreaterThan(2);

		RollingChainCheck.State first = this.check.run(1);
		RollingChainCheck.State second = this.check.run(1);
		RollingChainCheck.State rest = this.check.run(Integer.MAX_VALUE);

		assertThat(first.nextSeq()).isEqualTo(2);
		assertThat(second.nextSeq()).isEqualTo(3);
		assertThat(second.passStartedAt()).isEqualTo(first.passStartedAt());
		assertThat(rest.nextSeq()).isEqualTo(1);
		assertThat(rest.lastPassValid()).isTrue();
		assertThat(rest.lastPassRecords()).isGreaterThanOrEqualTo(head);
	}

	@Test
	void shouldReportAChangedRecordAsABrokenChainUntilItIsRestored() {
		long seq = 2;
		String payload = this.jdbc.sql("select payload from decision_record where seq = :seq")
			.param("seq", seq)
			.query(String.class)
			.single();

		this.jdbc.sql("update decision_record set payload = :payload where seq = :seq")
			.param("payload", payload.replace("\"", "\" "))
			.param("seq", seq)
			.update();
		RollingChainCheck.State broken;
		try {
			broken = this.check.run(Integer.MAX_VALUE);
		}
		finally {
			this.jdbc.sql("update decision_record set payload = :payload where seq = :seq")
				.param("payload", payload)
				.param("seq", seq)
				.update();
		}

		assertThat(broken.lastPassValid()).isFalse();
		assertThat(broken.lastPassBrokenSeq()).isEqualTo(seq);
		assertThat(broken.lastPassRecords()).isEqualTo(seq - 1);
		assertThat(broken.lastPassProblem()).contains("was changed");
		assertThat(broken.nextSeq()).as("the next pass starts over").isEqualTo(1);
		await().untilAsserted(() -> assertThat(sample(scrape(), "creditflow_audit_chain_valid")).isZero());
		assertThat(this.check.run(Integer.MAX_VALUE).lastPassValid()).isTrue();
	}

	private String scrape() {
		return this.service.as("admin").getForObject("/actuator/prometheus", String.class);
	}

	/** The value of the one sample of a metric without labels besides the common ones. */
	private static double sample(String scrape, String name) {
		return scrape.lines()
			.filter((line) -> line.startsWith(name + "{") || line.startsWith(name + " "))
			.map((line) -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
			.findFirst()
			.orElseThrow(() -> new AssertionError(name + " is not in the scrape"));
	}

}
