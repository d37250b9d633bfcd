package org.creditflow.scoring;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * A copy of the project's rules folder for a test to edit, as a risk analyst would (or an
 * attacker).
 */
public final class RulesFolder {

	private final Path root;

	private RulesFolder(Path root) {
		this.root = root;
	}

	public static RulesFolder copyOfDefaultRules(Path target) {
		try (Stream<Path> files = Files.walk(Path.of("rules"))) {
			for (Path file : files.filter(Files::isRegularFile).toList()) {
				Path copy = target.resolve(Path.of("rules").relativize(file).toString());
				Files.createDirectories(copy.getParent());
				Files.copy(file, copy);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return new RulesFolder(target);
	}

	public Path root() {
		return this.root;
	}

	public RulesFolder replace(String path, String text, String replacement) {
		String content = read(path);
		if (!content.contains(text)) {
			throw new IllegalArgumentException(path + " has no '" + text + "'");
		}
		return write(path, content.replace(text, replacement));
	}

	public RulesFolder append(String path, String text) {
		return write(path, read(path) + text);
	}

	public String read(String path) {
		try {
			return Files.readString(this.root.resolve(path));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public RulesFolder write(String path, String content) {
		try {
			Files.createDirectories(this.root.resolve(path).getParent());
			Files.writeString(this.root.resolve(path), content);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return this;
	}

	public RulesFolder delete(String path) {
		try {
			Files.deleteIfExists(this.root.resolve(path));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return this;
	}

}
