package org.creditflow.release;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.creditflow.scoring.RulesFolder;

/**
 * A rules folder zipped, as a risk analyst uploads it, or any entries a test makes up.
 */
public final class RulesZip {

	private RulesZip() {
	}

	/** The folder's files under {@code top} (e.g. {@code rules/}, or "" for none). */
	public static byte[] of(RulesFolder folder, String top) {
		try (Stream<Path> files = Files.walk(folder.root())) {
			ByteArrayOutputStream zip = new ByteArrayOutputStream();
			try (ZipOutputStream out = new ZipOutputStream(zip)) {
				for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
					out.putNextEntry(new ZipEntry(top + folder.root().relativize(file).toString().replace('\\', '/')));
					out.write(Files.readAllBytes(file));
					out.closeEntry();
				}
			}
			return zip.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public static byte[] of(Map<String, String> entries) {
		ByteArrayOutputStream zip = new ByteArrayOutputStream();
		try (ZipOutputStream out = new ZipOutputStream(zip)) {
			for (Map.Entry<String, String> entry : entries.entrySet()) {
				out.putNextEntry(new ZipEntry(entry.getKey()));
				out.write(entry.getValue().getBytes(java.nio.charset.StandardCharsets.UTF_8));
				out.closeEntry();
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return zip.toByteArray();
	}

}
