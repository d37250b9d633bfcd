package org.creditflow;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The jar runs a command when its first argument names one, and the service otherwise.
 */
class CommandsTests {

	@Test
	void shouldStartTheServiceWithoutArgumentsOrWithOptionsOnly() {
		assertThat(Commands.isCommand(new String[0])).isFalse();
		assertThat(Commands.isCommand(new String[] { "--spring.profiles.active=postgres" })).isFalse();
		assertThat(Commands.isCommand(new String[] { "create-admin", "--user", "ops" })).isTrue();
	}

	@Test
	void shouldRefuseAnUnknownCommandRatherThanStartTheService() {
		ByteArrayOutputStream err = new ByteArrayOutputStream();

		int exit = Commands.run(new String[] { "creat-admin" }, new PrintStream(err, true, StandardCharsets.UTF_8));

		assertThat(exit).isNotZero();
		assertThat(err.toString(StandardCharsets.UTF_8)).contains("Unknown command 'creat-admin'", "create-admin");
	}

}
