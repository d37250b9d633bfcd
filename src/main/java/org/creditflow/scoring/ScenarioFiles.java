package org.creditflow.scoring;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads the risk team's scenarios from {@code tests/} of the rules folder:
 * {@code standard-applicant.yaml} holds the facts every scenario starts from, every other
 * {@code .yaml} file a list of scenarios.
 */
final class ScenarioFiles {

	static final String FOLDER = "tests/";

	static final String STANDARD = FOLDER + "standard-applicant.yaml";

	/** The facts every scenario starts from, and the scenarios. */
	record Scenarios(Map<String, Object> standard, List<Scenario> scenarios) {
	}

	private ScenarioFiles() {
	}

	/**
	 * The YAML files under {@code tests/} of a rules folder, named by their path in it.
	 */
	static List<RuleFile> fromFolder(Path rulesFolder) {
		Path tests = rulesFolder.resolve(FOLDER);
		if (!Files.isDirectory(tests)) {
			return List.of();
		}
		try (Stream<Path> paths = Files.walk(tests)) {
			List<RuleFile> files = new ArrayList<>();
			for (Path path : paths.filter((p) -> p.toString().endsWith(".yaml")).sorted().toList()) {
				files.add(new RuleFile(rulesFolder.relativize(path).toString().replace('\\', '/'),
						Files.readAllBytes(path)));
			}
			return files;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@SuppressWarnings("unchecked")
	static Scenarios parse(List<RuleFile> files, List<RuleProblem> problems) {
		Map<String, Object> standard = Map.of();
		List<Scenario> scenarios = new ArrayList<>();
		for (RuleFile file : files) {
			Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
			try {
				if (file.path().equals(STANDARD)) {
					Object loaded = yaml.load(file.text());
					if (loaded instanceof Map<?, ?> map) {
						standard = (Map<String, Object>) map;
					}
					else {
						problems.add(new RuleProblem(file.path(), 1, "must describe the standard applicant's facts"));
					}
					continue;
				}
				Node root = yaml.compose(new StringReader(file.text()));
				Object loaded = yaml.load(file.text());
				if (!(root instanceof SequenceNode sequence) || !(loaded instanceof List<?> entries)) {
					problems
						.add(new RuleProblem(file.path(), 1, "must be a list of scenarios (lines starting with '- ')"));
					continue;
				}
				for (int i = 0; i < entries.size(); i++) {
					int line = sequence.getValue().get(i).getStartMark().getLine() + 1;
					scenarios.add(scenario(file.path(), line, entries.get(i), problems));
				}
			}
			catch (MarkedYAMLException ex) {
				problems.add(new RuleProblem(file.path(), ex.getProblemMark().getLine() + 1,
						"is not valid YAML: " + ex.getProblem()));
			}
		}
		scenarios.removeIf((scenario) -> scenario == null);
		return new Scenarios(standard, scenarios);
	}

	@SuppressWarnings("unchecked")
	private static Scenario scenario(String file, int line, Object entry, List<RuleProblem> problems) {
		if (!(entry instanceof Map<?, ?> map) || !(map.get("scenario") instanceof String name)
				|| !(map.get("expect") instanceof Map<?, ?> expect)) {
			problems.add(new RuleProblem(file, line, "a scenario needs 'scenario:' (its name) and 'expect:'"));
			return null;
		}
		Object given = map.get("given");
		return new Scenario(file, line, name,
				(given instanceof Map<?, ?> facts) ? (Map<String, Object>) facts : new LinkedHashMap<>(),
				(Map<String, Object>) expect);
	}

}
