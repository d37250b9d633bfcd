package org.creditflow.scoring;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import org.springframework.stereotype.Service;

/**
 * Every ruleset version that was ever submitted for release or decided, stored once with
 * its files ({@code ruleset_version}, keyed by the SHA-256 over them) and compiled again
 * from them, whatever is in service now. Compiled once per version and node.
 */
@Service
public class StoredRulesets {

	private static final Logger log = LoggerFactory.getLogger(StoredRulesets.class);

	private final AssessmentRepository assessments;

	private final RulesetCompiler compiler;

	private final ObjectMapper json;

	private final Clock clock;

	private final TransactionTemplate newTransaction;

	private final Map<String, Ruleset> compiled = new ConcurrentHashMap<>();

	private final Set<String> known = ConcurrentHashMap.newKeySet();

	StoredRulesets(AssessmentRepository assessments, RulesetCompiler compiler, ObjectMapper json, Clock clock,
			PlatformTransactionManager transactionManager) {
		this.assessments = assessments;
		this.compiler = compiler;
		this.json = json;
		this.clock = clock;
		this.newTransaction = new TransactionTemplate(transactionManager);
		this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/**
	 * Stores a version's files unless they are stored already, in a transaction of its
	 * own: a concurrent first store on another node then fails alone and changes nothing,
	 * as the content is the same.
	 * @return the version, the SHA-256 over the files
	 */
	public String keep(List<RuleFile> files) {
		return keep(RulesetCompiler.version(files), files);
	}

	/** Stores a compiled ruleset's files unless they are stored already. */
	void keep(Ruleset ruleset) {
		keep(ruleset.version(), ruleset.files());
	}

	private String keep(String version, List<RuleFile> files) {
		if (this.known.contains(version)) {
			return version;
		}
		try {
			this.newTransaction.executeWithoutResult((status) -> {
				if (!this.assessments.hasRulesetVersion(version)) {
					this.assessments.insertRulesetVersion(version, write(filesOf(files)),
							OffsetDateTime.now(this.clock));
				}
			});
		}
		catch (DuplicateKeyException ex) {
			log.debug("Ruleset {} was stored by another node", version);
		}
		this.known.add(version);
		return version;
	}

	/** The stored files of a version, as they were submitted. */
	public Optional<List<RuleFile>> files(String version) {
		return this.assessments.findRulesetFiles(version).map((files) -> read(version, files, this.json));
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
		return compiler.compile(read(version, files, json), "stored version " + version);
	}

	/**
	 * The files from the {@code files} column.
	 * @throws IllegalStateException when they no longer hash to the version
	 */
	private static List<RuleFile> read(String version, String files, ObjectMapper json) {
		try {
			List<RuleFile> ruleFiles = new ArrayList<>();
			json.readTree(files).properties().forEach((entry) -> {
				JsonNode file = entry.getValue();
				byte[] content = "base64".equals(file.get("encoding").asText())
						? Base64.getDecoder().decode(file.get("content").asText())
						: file.get("content").asText().getBytes(StandardCharsets.UTF_8);
				ruleFiles.add(new RuleFile(entry.getKey(), content));
			});
			String hash = RulesetCompiler.version(ruleFiles);
			if (!hash.equals(version)) {
				throw new IllegalStateException(
						"The stored files of ruleset " + version + " hash to " + hash + ": they were changed");
			}
			return ruleFiles;
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("The stored files of ruleset " + version + " cannot be read", ex);
		}
	}

	private static Map<String, Map<String, String>> filesOf(List<RuleFile> ruleFiles) {
		Map<String, Map<String, String>> files = new LinkedHashMap<>();
		for (RuleFile file : ruleFiles) {
			files.put(file.path(),
					file.path().endsWith(".xlsx")
							? Map.of("encoding", "base64", "content",
									Base64.getEncoder().encodeToString(file.content()))
							: Map.of("encoding", "utf-8", "content", file.text()));
		}
		return files;
	}

	private String write(Object value) {
		try {
			return this.json.writeValueAsString(value);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
