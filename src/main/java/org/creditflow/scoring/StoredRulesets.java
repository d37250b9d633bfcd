package org.creditflow.scoring;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.stereotype.Service;

/**
 * Every ruleset version that ever decided, compiled again from the files stored with it
 * ({@code ruleset_version}), whatever is in service now. Compiled once per version and
 * node.
 */
@Service
public class StoredRulesets {

	private final AssessmentRepository assessments;

	private final RulesetCompiler compiler;

	private final ObjectMapper json;

	private final Map<String, Ruleset> compiled = new ConcurrentHashMap<>();

	StoredRulesets(AssessmentRepository assessments, RulesetCompiler compiler, ObjectMapper json) {
		this.assessments = assessments;
		this.compiler = compiler;
		this.json = json;
	}

	/**
	 * The stored version, compiled; empty when no such version ever decided.
	 * @throws IllegalStateException when its stored files no longer hash to it
	 */
	public Optional<Ruleset> find(String version) {
		Ruleset known = this.compiled.get(version);
		if (known != null) {
			return Optional.of(known);
		}
		return this.assessments.findRulesetFiles(version).map((files) -> {
			Ruleset ruleset = compile(version, files, this.compiler, this.json);
			this.compiled.putIfAbsent(version, ruleset);
			return ruleset;
		});
	}

	Ruleset get(String version) {
		return find(version).orElseThrow(() -> new IllegalStateException("Ruleset " + version + " was never stored"));
	}

	/**
	 * Compiles a version from the {@code files} column of {@code ruleset_version}, for
	 * tools that read the database without the service.
	 * @throws IllegalStateException when the files no longer hash to the version
	 */
	public static Ruleset compile(String version, String files) {
		return compile(version, files, new RulesetCompiler(Clock.systemUTC()), new ObjectMapper());
	}

	private static Ruleset compile(String version, String files, RulesetCompiler compiler, ObjectMapper json) {
		try {
			List<RuleFile> ruleFiles = new ArrayList<>();
			json.readTree(files).properties().forEach((entry) -> {
				JsonNode file = entry.getValue();
				byte[] content = "base64".equals(file.get("encoding").asText())
						? Base64.getDecoder().decode(file.get("content").asText())
						: file.get("content").asText().getBytes(StandardCharsets.UTF_8);
				ruleFiles.add(new RuleFile(entry.getKey(), content));
			});
			Ruleset ruleset = compiler.compile(ruleFiles, "stored version " + version);
			if (!ruleset.version().equals(version)) {
				throw new IllegalStateException("The stored files of ruleset " + version + " hash to "
						+ ruleset.version() + ": they were changed");
			}
			return ruleset;
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("The stored files of ruleset " + version + " cannot be read", ex);
		}
	}

}
