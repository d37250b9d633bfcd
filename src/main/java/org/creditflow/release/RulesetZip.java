package org.creditflow.release;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

import org.creditflow.scoring.RuleFile;
import org.creditflow.web.FieldProblem;
import org.creditflow.web.InvalidRequestException;

/**
 * A rules folder uploaded as a zip: its rule files and its scenarios ({@code tests/}), at
 * their paths inside the folder (a single top folder such as {@code rules/} is dropped).
 * Anything else (a README) is ignored. Bounded in entries and unpacked size, so a zip
 * bomb is refused before it fills memory; paths that climb out ({@code ..}) or are
 * absolute are refused.
 */
final class RulesetZip {

	static final int MAX_ENTRIES = 500;

	static final long MAX_UNPACKED = 20L * 1024 * 1024;

	private static final String POLICY = "policy.properties";

	record Contents(List<RuleFile> rules, List<RuleFile> scenarios) {
	}

	private RulesetZip() {
	}

	static Contents read(InputStream zip) {
		List<RuleFile> all = new ArrayList<>();
		List<FieldProblem> problems = new ArrayList<>();
		long unpacked = 0;
		int entries = 0;
		try (ZipInputStream in = new ZipInputStream(zip)) {
			ZipEntry entry;
			while ((entry = in.getNextEntry()) != null) {
				if (++entries > MAX_ENTRIES) {
					throw new InvalidRequestException("file", "has more than " + MAX_ENTRIES + " entries");
				}
				String name = entry.getName().replace('\\', '/');
				if (name.startsWith("/") || name.contains("../") || name.equals("..") || name.contains(":")) {
					problems.add(new FieldProblem("file", "entry '" + name + "' is not a path inside a rules folder"));
					continue;
				}
				if (entry.isDirectory()) {
					continue;
				}
				ByteArrayOutputStream content = new ByteArrayOutputStream();
				byte[] buffer = new byte[8192];
				int read;
				while ((read = in.read(buffer)) > 0) {
					unpacked += read;
					if (unpacked > MAX_UNPACKED) {
						throw new InvalidRequestException("file",
								"unpacks to more than " + (MAX_UNPACKED / 1024 / 1024) + " MB");
					}
					content.write(buffer, 0, read);
				}
				all.add(new RuleFile(name, content.toByteArray()));
			}
		}
		catch (ZipException ex) {
			throw new InvalidRequestException("file", "is not a zip file: " + ex.getMessage());
		}
		catch (IOException ex) {
			throw new InvalidRequestException("file", "cannot be read: " + ex.getMessage());
		}
		if (!problems.isEmpty()) {
			throw new InvalidRequestException(problems);
		}
		List<RuleFile> inFolder = withoutTopFolder(all);
		List<RuleFile> rules = inFolder.stream()
			.filter((file) -> RuleFile.belongsToRuleset(file.path()))
			.sorted(java.util.Comparator.comparing(RuleFile::path))
			.toList();
		List<RuleFile> scenarios = inFolder.stream()
			.filter((file) -> RuleFile.isScenario(file.path()))
			.sorted(java.util.Comparator.comparing(RuleFile::path))
			.toList();
		if (rules.isEmpty()) {
			throw new InvalidRequestException("file", "holds no rule files (*.drl, *.drl.csv, *.drl.xlsx, "
					+ "policy.properties, reason-codes.csv) at the top of the rules folder or under one folder");
		}
		return new Contents(rules, scenarios);
	}

	/**
	 * The paths inside the rules folder: where {@code policy.properties} is, at the top
	 * or under one folder (a zip of {@code rules/} itself).
	 */
	private static List<RuleFile> withoutTopFolder(List<RuleFile> files) {
		List<String> policies = files.stream()
			.map(RuleFile::path)
			.filter((path) -> path.equals(POLICY)
					|| (path.endsWith("/" + POLICY) && path.indexOf('/') == path.length() - POLICY.length() - 1))
			.toList();
		if (policies.size() != 1 || policies.get(0).equals(POLICY)) {
			return files;
		}
		String top = policies.get(0).substring(0, policies.get(0).length() - POLICY.length());
		return files.stream()
			.filter((file) -> file.path().startsWith(top))
			.map((file) -> new RuleFile(file.path().substring(top.length()), file.content()))
			.toList();
	}

}
