package org.creditflow.identity;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

import org.springframework.lang.Nullable;

/**
 * Where {@link CreateAdminCommand} reads the new administrator's password: standard input
 * when asked to (a pipe from a secret store), else {@value #VARIABLE}, else the console,
 * typed twice and never echoed. Never from an argument, which other users of the machine
 * could read in the process list.
 */
final class AdminPasswordInput {

	static final String VARIABLE = "CREDITFLOW_ADMIN_PASSWORD";

	private final InputStream stdin;

	private final Map<String, String> environment;

	@Nullable
	private final Console console;

	AdminPasswordInput(InputStream stdin, Map<String, String> environment, @Nullable Console console) {
		this.stdin = stdin;
		this.environment = environment;
		this.console = console;
	}

	/** The password; {@code null} when there is none to read, or the two typed differ. */
	@Nullable
	String read(String userId, boolean fromStdin) {
		if (fromStdin) {
			try {
				return new BufferedReader(new InputStreamReader(this.stdin, StandardCharsets.UTF_8)).readLine();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		String variable = this.environment.get(VARIABLE);
		if (variable != null && !variable.isEmpty()) {
			return variable;
		}
		if (this.console == null) {
			return null;
		}
		char[] first = this.console.readPassword("Password for %s: ", userId);
		char[] again = this.console.readPassword("Again: ");
		if (first == null || !Arrays.equals(first, again)) {
			// no password, rather than one its owner may not know
			return null;
		}
		return new String(first);
	}

}
