package org.creditflow.scoring;

import java.time.Duration;
import java.time.LocalDate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.creditflow.ApplicationBodies;
import org.creditflow.CreditflowIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The explanation an applicant may ask for: the result, the main criteria, the data used
 * and how much each kind counted.
 */
@CreditflowIntegrationTest
class ExplanationTests {

	@Autowired
	TestRestTemplate http;

	@Test
	void shouldExplainAnApprovalWithWhatCountedForIt() {
		JsonNode explanation = explain(decided(ApplicationBodies.body(ApplicationBodies.PRIME)), "en");

		assertThat(explanation.get("result").get("band").asText()).isEqualTo("APPROVE");
		assertThat(explanation.get("mainCriteria").findValuesAsText("effect")).contains("FOR");
		assertThat(explanation.get("mainCriteria").get(0).get("text").asText()).isNotBlank();
		// the fitted scorecard adds points; each kind of data counted its share of them
		assertThat(weight(explanation, "FINANCIAL")).isGreaterThan(weight(explanation, "TELECOM"));
		assertThat(weight(explanation, "FINANCIAL") + weight(explanation, "TELECOM")).isEqualTo(100);
		assertThat(explanation.get("rulesetVersion").asText()).hasSize(64);
		// the bureau score came with the bank data: the applicant learns whose it is
		assertThat(explanation.at("/creditBureau/name").asText()).contains("MyData simulator");
		assertThat(explanation.at("/creditBureau/contact").asText()).isNotBlank();
	}

	@Test
	void shouldWeighTelecomDataMostForAThinFiler() {
		JsonNode explanation = explain(decided(ApplicationBodies.body(ApplicationBodies.THIN_FILE_GOOD_TELECOM)), "en");

		assertThat(explanation.get("result").get("segment").asText()).isEqualTo("THIN_FILE");
		assertThat(weight(explanation, "TELECOM")).isGreaterThan(weight(explanation, "FINANCIAL"));
		assertThat(weight(explanation, "FINANCIAL") + weight(explanation, "TELECOM")).isEqualTo(100);
	}

	@Test
	void shouldPutTheReasonForADeclineFirstInKoreanOnRequest() {
		JsonNode explanation = explain(
				decided(ApplicationBodies.body(ApplicationBodies.PRIME, LocalDate.now().minusYears(18))), "ko");

		JsonNode first = explanation.get("mainCriteria").get(0);
		assertThat(first.get("code").asText()).isEqualTo("AGE_BELOW_MINIMUM");
		assertThat(first.get("effect").asText()).isEqualTo("AGAINST");
		assertThat(first.get("category").asText()).isEqualTo("POLICY");
		assertThat(first.get("text").asText()).contains("만 19세");
	}

	@Test
	void shouldSayTelecomDataWasNotUsedWithoutConsent() {
		ObjectNode body = ApplicationBodies.body(ApplicationBodies.PRIME);
		((ObjectNode) body.get("consent")).put("telecomData", false);

		JsonNode explanation = explain(decided(body), "en");

		JsonNode telecom = category(explanation, "TELECOM");
		assertThat(telecom.get("used").asBoolean()).isFalse();
		assertThat(telecom.get("weightPercent").asInt()).isZero();
		assertThat(weight(explanation, "FINANCIAL")).isEqualTo(100);
	}

	private String decided(ObjectNode body) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		String id = this.http.withBasicAuth("partner", "partner")
			.postForObject("/api/applications", new HttpEntity<>(body.toString(), headers), JsonNode.class)
			.get("id")
			.asText();
		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.http.withBasicAuth("partner", "partner")
				.getForObject("/api/applications/" + id, JsonNode.class)
				.has("decision"));
		return id;
	}

	private JsonNode explain(String id, String language) {
		HttpHeaders headers = new HttpHeaders();
		headers.set(HttpHeaders.ACCEPT_LANGUAGE, language);
		return this.http.withBasicAuth("partner", "partner")
			.exchange("/api/applications/" + id + "/explanation", HttpMethod.GET, new HttpEntity<>(headers),
					JsonNode.class)
			.getBody();
	}

	private static JsonNode category(JsonNode explanation, String name) {
		for (JsonNode category : explanation.get("dataCategories")) {
			if (category.get("category").asText().equals(name)) {
				return category;
			}
		}
		throw new AssertionError("no data category " + name + " in " + explanation);
	}

	private static int weight(JsonNode explanation, String name) {
		return category(explanation, name).get("weightPercent").asInt();
	}

}
