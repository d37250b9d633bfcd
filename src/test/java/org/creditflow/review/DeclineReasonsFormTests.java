package org.creditflow.review;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.creditflow.scoring.ReasonCode;
import org.creditflow.scoring.RulesetCompiler;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The review form offers exactly the officers' reasons of reason-codes.csv: one added to
 * the file without the form could never be chosen, one in the form but not the file would
 * be refused on completion.
 */
class DeclineReasonsFormTests {

	@Test
	void shouldOfferTheOfficersReasonsOfTheReasonCodesFile() throws IOException {
		JsonNode form = new ObjectMapper().readTree(Path.of("processes/review-application.form").toFile());
		List<String> offered = new ArrayList<>();
		form.get("components").forEach((component) -> {
			if ("declineReason".equals(component.path("key").asText())) {
				component.get("values").forEach((value) -> offered.add(value.get("value").asText()));
			}
		});

		List<String> officers = RulesetCompiler.compileFolder(Path.of("rules"))
			.reasonCodes()
			.values()
			.stream()
			.filter((code) -> ReasonCode.OFFICER.equals(code.category()))
			.map(ReasonCode::code)
			.toList();

		assertThat(offered).isNotEmpty().containsExactlyInAnyOrderElementsOf(officers);
	}

}
