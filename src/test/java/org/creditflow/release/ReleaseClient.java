package org.creditflow.release;

import java.nio.file.Path;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import org.creditflow.ServiceClient;
import org.creditflow.scoring.RulesFolder;

import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import static org.awaitility.Awaitility.await;

/**
 * The release API as the risk team's scripts call it, for tests: upload a zip, follow a
 * release, decide it.
 */
public final class ReleaseClient {

	private final TestRestTemplate http;

	public ReleaseClient(TestRestTemplate http) {
		this.http = http;
	}

	/**
	 * A zip of the default rules with one reason's text reworded, which every scenario
	 * still passes: a ruleset of its own version for each {@code wording}.
	 */
	public static byte[] rewordedRules(Path folder, String wording) {
		RulesFolder changed = RulesFolder.copyOfDefaultRules(folder)
			.replace("reason-codes.csv", "Excellent credit bureau score.", wording);
		return RulesZip.of(changed, "rules/");
	}

	public ResponseEntity<JsonNode> upload(String user, byte[] zip, String rationale) {
		MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
		form.add("file", new ByteArrayResource(zip) {
			@Override
			public String getFilename() {
				return "rules.zip";
			}
		});
		form.add("rationale", rationale);
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.MULTIPART_FORM_DATA);
		return this.http.withBasicAuth(user, user)
			.postForEntity("/api/rulesets/releases", new HttpEntity<>(form, headers), JsonNode.class);
	}

	/** Uploads a zip that must be accepted; returns the release. */
	public JsonNode submitted(String user, byte[] zip, String rationale) {
		ResponseEntity<JsonNode> uploaded = upload(user, zip, rationale);
		if (uploaded.getStatusCode().value() != 201) {
			throw new IllegalStateException("The upload was refused: " + uploaded.getBody());
		}
		return uploaded.getBody();
	}

	public JsonNode get(String user, String id) {
		return this.http.withBasicAuth(user, user).getForObject("/api/rulesets/releases/" + id, JsonNode.class);
	}

	public JsonNode awaitStatus(String id, String status) {
		await().atMost(Duration.ofSeconds(60)).until(() -> get("auditor", id).get("status").asText(), status::equals);
		return get("auditor", id);
	}

	public ResponseEntity<JsonNode> decide(String user, String id, String decision, String comment) {
		return this.http.withBasicAuth(user, user)
			.postForEntity("/api/rulesets/releases/" + id + "/" + decision,
					ServiceClient.json("{\"comment\": \"" + comment + "\"}"), JsonNode.class);
	}

}
