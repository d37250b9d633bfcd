package org.creditflow.scoring;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Finds the files that make up the ruleset: in the rules folder on disk when it exists
 * (so the risk team's edits count without a rebuild), else in the copy packaged in the
 * jar. The scenario tests ({@code tests/}) and documentation are not part of the ruleset.
 */
@Component
class RuleFiles {

	private final Path folder;

	private final ResourcePatternResolver resolver;

	RuleFiles(@Value("${creditflow.rules.location:rules}") Path folder, ResourcePatternResolver resolver) {
		this.folder = folder;
		this.resolver = resolver;
	}

	/** Where {@link #read()} reads from, for logs and health. */
	String origin() {
		return Files.isDirectory(this.folder) ? this.folder.toAbsolutePath().normalize().toString()
				: "classpath:rules/";
	}

	List<RuleFile> read() {
		try {
			return Files.isDirectory(this.folder) ? fromFolder(this.folder) : fromClasspath(this.resolver);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static List<RuleFile> fromFolder(Path folder) throws IOException {
		List<RuleFile> files = new ArrayList<>();
		try (Stream<Path> paths = Files.walk(folder)) {
			for (Path path : paths.filter(Files::isRegularFile).sorted().toList()) {
				String name = folder.relativize(path).toString().replace('\\', '/');
				if (belongsToRuleset(name)) {
					files.add(new RuleFile(name, Files.readAllBytes(path)));
				}
			}
		}
		return files;
	}

	static List<RuleFile> fromClasspath(ResourcePatternResolver resolver) throws IOException {
		List<RuleFile> files = new ArrayList<>();
		for (Resource resource : resolver.getResources("classpath*:rules/**/*")) {
			String url = resource.getURL().toString();
			String name = url.substring(url.lastIndexOf("/rules/") + "/rules/".length());
			if (resource.isReadable() && !url.endsWith("/") && belongsToRuleset(name)) {
				files.add(new RuleFile(name, resource.getContentAsByteArray()));
			}
		}
		return files;
	}

	/** The risk team's scenarios, from the same place as the rules. */
	List<RuleFile> readScenarios() {
		try {
			if (Files.isDirectory(this.folder)) {
				return ScenarioFiles.fromFolder(this.folder);
			}
			List<RuleFile> files = new ArrayList<>();
			for (Resource resource : this.resolver
				.getResources("classpath*:rules/" + ScenarioFiles.FOLDER + "**/*.yaml")) {
				String url = resource.getURL().toString();
				files.add(new RuleFile(url.substring(url.lastIndexOf("/rules/") + "/rules/".length()),
						resource.getContentAsByteArray()));
			}
			files.sort(java.util.Comparator.comparing(RuleFile::path));
			return files;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static boolean belongsToRuleset(String name) {
		return !name.startsWith("tests/") && (name.endsWith(".drl") || name.endsWith(".drl.csv")
				|| name.endsWith(".drl.xlsx") || name.equals(ReasonCodesFile.PATH) || name.equals(PolicyFile.PATH)
				|| name.equals(DevelopmentSample.PATH));
	}

}
