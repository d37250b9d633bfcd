package org.creditflow.portfolio;

import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.JsonNode;
import org.creditflow.ApplicationBodies;
import org.creditflow.CreditflowIntegrationTest;
import org.creditflow.ServiceClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Loan servicing reports the approved loans' months: once per loan and month (sent again
 * changes nothing, different figures correct it), every problem named, a loan's bad flag
 * derived from its months, and a CSV feed imported row by row.
 */
@CreditflowIntegrationTest
class LoanPerformanceApiTests {

	@Autowired
	TestRestTemplate http;

	@Autowired
	Clock clock;

	@Autowired
	LoanPerformance performance;

	@Autowired
	JdbcClient jdbc;

	ServiceClient service;

	String loan;

	YearMonth booked;

	/**
	 * Approved loans no test has used yet: each test takes a loan of its own, and they
	 * are approved several at a time, which takes about as long as one.
	 */
	private static final Queue<String> UNUSED = new ArrayDeque<>();

	@BeforeEach
	void approveALoan() {
		this.service = new ServiceClient(this.http);
		if (UNUSED.isEmpty()) {
			List<String> submitted = IntStream.range(0, 6)
				.mapToObj((i) -> this.service.submit(ApplicationBodies.body(ApplicationBodies.PRIME)))
				.toList();
			submitted.forEach((id) -> this.service.awaitStatus(id, "APPROVED"));
			UNUSED.addAll(submitted);
		}
		this.loan = UNUSED.remove();
		this.booked = YearMonth.now(this.clock);
	}

	@Test
	void shouldTakeAMonthOnceAndCountItsCorrections() {
		ResponseEntity<JsonNode> first = report("servicer", this.loan, month(0, 0, "CURRENT", 9_000_000));
		ResponseEntity<JsonNode> again = report("servicer", this.loan, month(0, 0, "CURRENT", 9_000_000));
		ResponseEntity<JsonNode> corrected = report("servicer", this.loan, month(0, 0, "CURRENT", 8_500_000));

		assertThat(first.getStatusCode().value()).isEqualTo(201);
		assertThat(first.getBody().get("result").asText()).isEqualTo("CREATED");
		assertThat(again.getStatusCode().value()).isEqualTo(200);
		assertThat(again.getBody().get("result").asText()).isEqualTo("UNCHANGED");
		assertThat(corrected.getStatusCode().value()).isEqualTo(200);
		assertThat(corrected.getBody().get("result").asText()).isEqualTo("CORRECTED");
		assertThat(corrected.getBody().get("report").get("revision").asInt()).isEqualTo(2);

		JsonNode history = this.service.as("analyst")
			.getForObject("/api/loans/" + this.loan + "/performance", JsonNode.class);
		assertThat(history.get("months")).hasSize(1);
		assertThat(history.get("months").get(0).get("balance").asLong()).isEqualTo(8_500_000);
		assertThat(history.get("bookedMonth").asText()).isEqualTo(this.booked.toString());
	}

	@Test
	void shouldDeriveTheBadFlagFromTheLoansMonths() {
		report("servicer", this.loan, month(1, 35, "DELINQUENT", 9_000_000));
		JsonNode sixty = report("servicer", this.loan, month(2, 65, "DELINQUENT", 9_000_000)).getBody();
		assertThat(sixty.get("outcome").get("bad").asBoolean()).isFalse();

		JsonNode ninety = report("servicer", this.loan, month(3, 95, "DELINQUENT", 9_000_000)).getBody();

		JsonNode outcome = ninety.get("outcome");
		assertThat(outcome.get("bad").asBoolean()).isTrue();
		assertThat(outcome.get("badMonth").asText()).isEqualTo(this.booked.plusMonths(3).toString());
		assertThat(outcome.get("monthsOnBook").asInt()).isEqualTo(3);
		assertThat(outcome.get("definition").asText()).isEqualTo("90dpd-12m");

		// servicing corrects month 3: the loan was 60 days behind, not 95
		JsonNode corrected = report("servicer", this.loan, month(3, 60, "DELINQUENT", 9_000_000)).getBody();
		assertThat(corrected.get("outcome").get("bad").asBoolean()).isFalse();
	}

	@Test
	void shouldDeriveAgainAtStartUpTheFlagsDerivedUnderAnotherDefinition() {
		report("servicer", this.loan, month(2, 95, "DELINQUENT", 9_000_000));
		// as a node that ran with 120 days past due left it
		this.jdbc
			.sql("update loan_outcome set bad = false, bad_month = null, bad_definition = '120dpd-12m'"
					+ " where application_id = :id")
			.param("id", this.loan)
			.update();

		this.performance.deriveUnderTheCurrentDefinition();

		JsonNode outcome = this.service.as("auditor")
			.getForObject("/api/loans/" + this.loan + "/performance", JsonNode.class)
			.get("outcome");
		assertThat(outcome.get("definition").asText()).isEqualTo("90dpd-12m");
		assertThat(outcome.get("bad").asBoolean()).isTrue();
		assertThat(outcome.get("badMonth").asText()).isEqualTo(this.booked.plusMonths(2).toString());
	}

	@Test
	void shouldShowTheLoanInItsVintageAndTheRiskTeamOnly() {
		report("servicer", this.loan, month(2, 95, "DELINQUENT", 9_000_000));

		JsonNode vintages = this.service.as("analyst")
			.getForObject("/api/monitoring/vintages?by=ruleset_role", JsonNode.class);
		JsonNode calibration = this.service.as("riskmanager")
			.getForObject("/api/monitoring/calibration", JsonNode.class);

		assertThat(vintages.get("by").asText()).isEqualTo("RULESET_ROLE");
		JsonNode vintage = null;
		for (JsonNode candidate : vintages.get("vintages")) {
			if (candidate.get("bookedMonth").asText().equals(this.booked.toString())
					&& candidate.get("group").asText().equals("CHAMPION")) {
				vintage = candidate;
			}
		}
		assertThat(vintage).as("this month's champion vintage").isNotNull();
		assertThat(vintage.get("cumulativeBadRate")).hasSize(13);
		assertThat(vintage.get("cumulativeBadRate").get(2).asDouble()).isPositive();
		assertThat(calibration.get("definition").asText()).isEqualTo("90dpd-12m");
		assertThat(calibration.get("significance").asDouble()).isEqualTo(0.01);
		assertThat(this.service.as("analyst")
			.getForEntity("/api/monitoring/vintages?by=colour", JsonNode.class)
			.getBody()
			.toString()).contains("must be one of none, grade, segment, ruleset_version, ruleset_role");
		assertThat(this.service.as("partner")
			.getForEntity("/api/monitoring/calibration", JsonNode.class)
			.getStatusCode()
			.value()).isEqualTo(403);
		assertThat(this.service.as("servicer")
			.getForEntity("/api/monitoring/vintages", JsonNode.class)
			.getStatusCode()
			.value()).isEqualTo(403);
	}

	@Test
	void shouldNameEveryProblemOfAReport() {
		ResponseEntity<JsonNode> answer = report("servicer", this.loan,
				Map.of("month", "2026-13", "daysPastDue", -1, "status", "LATE", "balance", -5));

		assertThat(answer.getStatusCode().value()).isEqualTo(400);
		assertThat(fields(answer)).containsExactlyInAnyOrder("month", "daysPastDue", "status", "balance");
	}

	@Test
	void shouldRefuseFiguresThatContradictEachOtherAndMonthsBeforeTheBooking() {
		ResponseEntity<JsonNode> answer = report("servicer", this.loan, Map.of("month",
				this.booked.minusMonths(1).toString(), "daysPastDue", 10, "status", "CURRENT", "balance", 100));
		ResponseEntity<JsonNode> repaid = report("servicer", this.loan, month(2, 0, "REPAID", 100));

		assertThat(answer.getStatusCode().value()).isEqualTo(400);
		assertThat(fields(answer)).containsExactlyInAnyOrder("month", "daysPastDue");
		assertThat(answer.getBody().toString()).contains("before the loan was booked");
		assertThat(repaid.getStatusCode().value()).isEqualTo(400);
		assertThat(fields(repaid)).containsExactly("balance");
	}

	@Test
	void shouldTakeReportsOnlyOfApprovedLoansAndOnlyFromServicing() {
		String declined = this.service.submit(ApplicationBodies.body(ApplicationBodies.DELINQUENT));
		this.service.awaitStatus(declined, "DECLINED");

		assertThat(report("servicer", declined, month(0, 0, "CURRENT", 1)).getStatusCode().value()).isEqualTo(409);
		assertThat(report("servicer", "no-such-application", month(0, 0, "CURRENT", 1)).getStatusCode().value())
			.isEqualTo(404);
		assertThat(report("partner", this.loan, month(0, 0, "CURRENT", 1)).getStatusCode().value()).isEqualTo(403);
		assertThat(report("analyst", this.loan, month(0, 0, "CURRENT", 1)).getStatusCode().value()).isEqualTo(403);
		assertThat(this.service.as("partner")
			.getForEntity("/api/loans/" + this.loan + "/performance", JsonNode.class)
			.getStatusCode()
			.value()).isEqualTo(403);
		// servicing's account reaches nothing of the engine: no process, task or
		// application
		// through Camunda's own API
		assertThat(this.service.as("servicer")
			.getForObject("/engine-rest/process-instance?businessKey=" + this.loan, JsonNode.class)).isEmpty();
		assertThat(this.service.as("servicer").getForObject("/engine-rest/task", JsonNode.class)).isEmpty();
		assertThat(this.service.as("servicer")
			.exchange("/engine-rest/process-definition/key/loan-application/start", HttpMethod.POST,
					new HttpEntity<>(Map.of("businessKey", "forged")), JsonNode.class)
			.getStatusCode()
			.value()).as("the definition is invisible to it").isEqualTo(404);
		assertThat(this.service.as("admin")
			.getForObject("/engine-rest/process-instance?businessKey=forged", JsonNode.class)).isEmpty();
		assertThat(this.service.as("servicer")
			.getForEntity("/api/applications/" + this.loan, JsonNode.class)
			.getStatusCode()
			.value()).isEqualTo(403);
	}

	@Test
	void shouldStoreOneOfTwoIdenticalReportsSentAtOnce() {
		CountDownLatch start = new CountDownLatch(1);
		List<CompletableFuture<ResponseEntity<JsonNode>>> both = new ArrayList<>();
		for (int i = 0; i < 2; i++) {
			both.add(CompletableFuture.supplyAsync(() -> {
				try {
					start.await();
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
				return report("servicer", this.loan, month(1, 0, "CURRENT", 9_000_000));
			}));
		}
		start.countDown();

		assertThat(both.stream().map(CompletableFuture::join).map((r) -> r.getBody().get("result").asText()))
			.containsExactlyInAnyOrder("CREATED", "UNCHANGED");
	}

	@Test
	void shouldImportAFeedRowByRowAndNameTheLineOfEveryRejectedRow() {
		String csv = String.join("\n", "applicationId,month,daysPastDue,status,balance",
				this.loan + "," + this.booked + ",0,CURRENT,9000000",
				this.loan + "," + this.booked.plusMonths(1) + ",31,DELINQUENT,8800000",
				this.loan + "," + this.booked.plusMonths(2) + ",0,LATE,8600000", "no-such-loan,2026-01,0,CURRENT,1",
				this.loan + "," + this.booked + ",0,CURRENT,9000000", this.loan + ",2026-02,zero,CURRENT", "");

		ResponseEntity<JsonNode> answer = importCsv(csv);

		assertThat(answer.getStatusCode().value()).isEqualTo(200);
		JsonNode summary = answer.getBody();
		assertThat(summary.get("rows").asInt()).isEqualTo(6);
		assertThat(summary.get("stored").get("CREATED").asInt()).isEqualTo(2);
		assertThat(summary.get("stored").get("UNCHANGED").asInt()).isEqualTo(1);
		assertThat(summary.get("rejectedRows").asInt()).isEqualTo(3);
		assertThat(summary.get("rejected").findValuesAsText("line")).containsExactly("4", "5", "7");
		assertThat(summary.get("rejected").get(0).get("problems").toString()).contains("status must be one of");
		assertThat(summary.get("rejected").get(1).get("problems").toString()).contains("No application");
		assertThat(summary.get("rejected").get(2).get("problems").toString()).contains("has 4 cells");
		JsonNode history = this.service.as("servicer")
			.getForObject("/api/loans/" + this.loan + "/performance", JsonNode.class);
		assertThat(history.get("months")).hasSize(2);
	}

	@Test
	void shouldImportNothingFromAFeedWithAWrongHeader() {
		ResponseEntity<JsonNode> answer = importCsv(
				"loan,month,dpd,status,balance\n" + this.loan + "," + this.booked + ",0,CURRENT,9000000\n");

		assertThat(answer.getStatusCode().value()).isEqualTo(400);
		assertThat(answer.getBody().toString()).contains("applicationId,month,daysPastDue,status,balance");
		assertThat(this.service.as("servicer")
			.getForEntity("/api/loans/" + this.loan + "/performance", JsonNode.class)
			.getStatusCode()
			.value()).isEqualTo(404);
	}

	private Map<String, Object> month(int monthsOnBook, int daysPastDue, String status, long balance) {
		return Map.of("month", this.booked.plusMonths(monthsOnBook).toString(), "daysPastDue", daysPastDue, "status",
				status, "balance", balance);
	}

	private ResponseEntity<JsonNode> report(String user, String applicationId, Map<String, Object> body) {
		return this.service.as(user)
			.exchange("/api/loans/" + applicationId + "/performance", HttpMethod.POST, new HttpEntity<>(body),
					JsonNode.class);
	}

	private ResponseEntity<JsonNode> importCsv(String csv) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.valueOf("text/csv"));
		return this.service.as("servicer")
			.exchange("/api/loans/performance", HttpMethod.POST, new HttpEntity<>(csv, headers), JsonNode.class);
	}

	private static List<String> fields(ResponseEntity<JsonNode> answer) {
		return answer.getBody().findValuesAsText("field");
	}

}
