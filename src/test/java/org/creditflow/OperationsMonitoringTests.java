package org.creditflow;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Execution;
import org.camunda.bpm.engine.runtime.Incident;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What operators watch: the Prometheus scrape, for them only, and the dashboard and alert
 * rules in {@code ops/}, whose every metric the service must export. Renaming a metric
 * without changing them fails here.
 */
@CreditflowIntegrationTest
class OperationsMonitoringTests {

	private static final Path DASHBOARD = Path.of("ops/grafana/creditflow-dashboard.json");

	private static final Path ALERTS = Path.of("ops/prometheus/alerts.yml");

	/** Series Prometheus makes itself for every target, not the service. */
	private static final Set<String> PROMETHEUS_OWN = Set.of("up");

	/** Words of PromQL that look like metric names. */
	private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "bool", "offset", "inf", "nan");

	/**
	 * A name not preceded by a digit, dot or word character (so 5m and 0.95 are none).
	 */
	private static final Pattern NAME = Pattern.compile("(?<![\\w.$])([a-zA-Z_:][a-zA-Z0-9_:]*)(\\s*\\()?");

	@Autowired
	TestRestTemplate http;

	@Autowired
	RuntimeService runtime;

	@Autowired
	Clock clock;

	@Test
	void shouldLetOnlyOperatorsScrapeTheMetrics() {
		ResponseEntity<String> admin = this.http.withBasicAuth("admin", "admin")
			.getForEntity("/actuator/prometheus", String.class);

		assertThat(admin.getStatusCode().value()).isEqualTo(200);
		assertThat(admin.getHeaders().getContentType().isCompatibleWith(MediaType.TEXT_PLAIN)).isTrue();
		assertThat(admin.getBody()).contains("creditflow_engine_jobs_due", "jvm_memory_used_bytes");
		for (String user : List.of("officer", "senior", "auditor", "analyst", "partner")) {
			assertThat(this.http.withBasicAuth(user, user)
				.getForEntity("/actuator/prometheus", String.class)
				.getStatusCode()
				.value()).as(user).isEqualTo(403);
		}
		assertThat(this.http.getForEntity("/actuator/prometheus", String.class).getStatusCode().value()).isEqualTo(401);
	}

	@Test
	void shouldExportEveryMetricTheDashboardAndTheAlertRulesUse() throws IOException {
		ServiceClient service = new ServiceClient(this.http);
		String loan = service.submit(ApplicationBodies.body(ApplicationBodies.PRIME));
		service.awaitStatus(loan, "APPROVED");
		// a loan through its 12-month window, so the portfolio's per-grade gauges have a
		// grade; its assessment gives the stability gauges a (not yet judged) index
		assertThat(service.as("servicer")
			.postForEntity("/api/loans/" + loan + "/performance",
					Map.of("month", YearMonth.now(this.clock).plusMonths(12).toString(), "daysPastDue", 0, "status",
							"REPAID", "balance", 0),
					String.class)
			.getStatusCode()
			.is2xxSuccessful()).isTrue();
		Set<String> used = new TreeSet<>(dashboardMetrics());
		used.addAll(alertMetrics());

		assertThat(used).as("metrics the dashboard and the alerts use (a parser finding none would check nothing)")
			.contains("creditflow_applications_decided_total",
					"creditflow_applications_time_to_decision_seconds_bucket", "creditflow_engine_jobs_due",
					"creditflow_engine_jobs_failed", "creditflow_engine_incidents_open",
					"creditflow_mydata_fetch_seconds_bucket", "creditflow_mydata_degraded",
					"creditflow_audit_chain_valid", "creditflow_audit_chain_check_timestamp_seconds",
					"creditflow_mydata_payloads_purged_total", "creditflow_mydata_payloads_overdue",
					"hikaricp_connections_pending", "jvm_memory_used_bytes", "http_server_requests_seconds_bucket",
					"creditflow_portfolio_grades_out_of_line", "creditflow_portfolio_bad_rate_observed",
					"creditflow_portfolio_stability_index", "creditflow_portfolio_approval_rate",
					"creditflow_portfolio_override_rate")
			.doesNotContain("le", "source", "instance", "rate", "sum");
		// counted after commit: the first scrapes may come before the decision is counted
		Set<String> exported = await().until(() -> sampleNames(scrape()),
				(names) -> names.contains("creditflow_applications_decided_total")
						&& names.contains("creditflow_portfolio_bad_rate_observed")
						&& names.contains("creditflow_portfolio_stability_index"));

		used.removeAll(PROMETHEUS_OWN);
		assertThat(exported).containsAll(used);
	}

	@Test
	void shouldExportTheOpenIncidentsAsTheEngineCountsThem() {
		ServiceClient service = new ServiceClient(this.http);
		String referred = service.awaitStatus(service.submit(ApplicationBodies.body(ApplicationBodies.AVERAGE)),
				"IN_REVIEW");
		Execution review = this.runtime.createExecutionQuery()
			.processInstanceBusinessKey(referred)
			.activityId("Task_ReviewApplication")
			.singleResult();
		long before = this.runtime.createIncidentQuery().count();

		Incident incident = this.runtime.createIncident("operationsTest", review.getId(), "an operator must look");
		try {
			await().untilAsserted(
					() -> assertThat(sample(scrape(), "creditflow_engine_incidents_open")).isEqualTo(before + 1));
		}
		finally {
			this.runtime.resolveIncident(incident.getId());
		}
		await().untilAsserted(() -> assertThat(sample(scrape(), "creditflow_engine_incidents_open")).isEqualTo(before));
	}

	private String scrape() {
		return this.http.withBasicAuth("admin", "admin").getForObject("/actuator/prometheus", String.class);
	}

	private static Set<String> sampleNames(String scrape) {
		Set<String> names = new TreeSet<>();
		scrape.lines()
			.filter((line) -> !line.isBlank() && !line.startsWith("#"))
			.forEach((line) -> names.add(line.split("[{ ]", 2)[0]));
		return names;
	}

	private static double sample(String scrape, String name) {
		return scrape.lines()
			.filter((line) -> line.startsWith(name + "{") || line.startsWith(name + " "))
			.map((line) -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
			.findFirst()
			.orElseThrow(() -> new AssertionError(name + " is not in the scrape"));
	}

	/** Every metric the dashboard's panels and its node variable query. */
	private static Set<String> dashboardMetrics() throws IOException {
		JsonNode dashboard = new ObjectMapper().readTree(Files.readString(DASHBOARD));
		Set<String> metrics = new TreeSet<>();
		List<JsonNode> panels = new ArrayList<>();
		dashboard.get("panels").forEach(panels::add);
		for (int i = 0; i < panels.size(); i++) {
			JsonNode panel = panels.get(i);
			panel.path("panels").forEach(panels::add);
			panel.path("targets").forEach((target) -> metrics.addAll(metricNames(target.get("expr").asText())));
		}
		dashboard.get("templating").get("list").forEach((variable) -> {
			String query = variable.path("definition").asText();
			Matcher labelValues = Pattern.compile("label_values\\((.*),\\s*\\w+\\)").matcher(query);
			if (labelValues.matches()) {
				metrics.addAll(metricNames(labelValues.group(1)));
			}
		});
		return metrics;
	}

	@SuppressWarnings("unchecked")
	private static Set<String> alertMetrics() throws IOException {
		Map<String, Object> rules = new Yaml().load(Files.readString(ALERTS));
		Set<String> metrics = new TreeSet<>();
		for (Map<String, Object> group : (List<Map<String, Object>>) rules.get("groups")) {
			for (Map<String, Object> rule : (List<Map<String, Object>>) group.get("rules")) {
				metrics.addAll(metricNames((String) rule.get("expr")));
			}
		}
		return metrics;
	}

	/**
	 * The metric names a PromQL expression selects: what is left once strings, label
	 * matchers, ranges and label lists ({@code by (le)}) are taken out, less functions,
	 * aggregations and keywords.
	 */
	static Set<String> metricNames(String expression) {
		String selectors = expression.replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", "\"\"")
			.replaceAll("\\{[^}]*}", " ")
			.replaceAll("\\[[^]]*]", " ")
			.replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ");
		Set<String> names = new TreeSet<>();
		Matcher name = NAME.matcher(selectors);
		while (name.find()) {
			if (name.group(2) == null && !KEYWORDS.contains(name.group(1).toLowerCase())) {
				names.add(name.group(1));
			}
		}
		return names;
	}

}
