package org.creditflow.review;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The review form lists no decline reason of its own: it reads the officers' reasons the
 * review sheet puts on the task (ReviewTasksApiTests), so a reason added to
 * reason-codes.csv can be chosen without touching the form, and the form cannot offer one
 * the server refuses.
 */
class DeclineReasonsFormTests {

	@Test
	void shouldReadTheDeclineReasonsFromTheTask() throws IOException {
		JsonNode form = new ObjectMapper().readTree(Path.of("processes/review-application.form").toFile());
		JsonNode select = null;
		for (JsonNode component : form.get("components")) {
			if ("declineReason".equals(component.path("key").asText())) {
				select = component;
			}
		}

		assertThat(select).isNotNull();
		assertThat(select.path("valuesKey").asText()).isEqualTo("declineReasonChoices");
		assertThat(select.has("values")).as("reasons written into the form").isFalse();
	}

	@Test
	void shouldStoreTheChoicesAsTheJsonArrayTheFormReads() throws Exception {
		FormChoicesSerializer serializer = new FormChoicesSerializer();
		FormChoices choices = new FormChoices(List.of(new FormChoices.Choice("Credit risk too high", "RISK")));

		byte[] json = serializer.serializeToByteArray(choices);

		assertThat(new String(json, java.nio.charset.StandardCharsets.UTF_8))
			.isEqualTo("[{\"label\":\"Credit risk too high\",\"value\":\"RISK\"}]");
		assertThat(serializer.deserializeFromByteArray(json, FormChoices.class.getName())).isEqualTo(choices);
	}

	@Test
	void shouldNeverMakeAnObjectOfAnotherTypeFromJson() {
		FormChoicesSerializer serializer = new FormChoicesSerializer();

		// a client may name any class in a serialized variable it sends the engine
		assertThatIllegalArgumentException()
			.isThrownBy(() -> serializer.deserializeFromByteArray("{}".getBytes(), "java.net.URL"))
			.withMessageContaining("java.net.URL");
	}

}
