package org.creditflow.identity;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;

import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The first administrator of a new database, created from the command line, in this
 * process, against a fresh H2 database as the jar would run it.
 */
class CreateAdminCommandTests {

	private static final String STRONG_PASSWORD = "Correct-Horse-7-Battery";

	private final String database = "jdbc:h2:mem:create-admin-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();

	private final ByteArrayOutputStream err = new ByteArrayOutputStream();

	@Test
	void shouldCreateAnAdministratorWithAPbkdf2HashThenRefuseTheSameUserAgain() throws SQLException {
		int created = command(STRONG_PASSWORD + "\n", Map.of())
			.execute(arguments("--user", "firstadmin", "--password-stdin"));

		assertThat(created).as(text(this.err)).isZero();
		assertThat(text(this.out)).contains("Created administrator 'firstadmin' in group camunda-admin");
		assertThat(query("select PWD_ from ACT_ID_USER where ID_ = 'firstadmin'"))
			.singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
			.startsWith(Pbkdf2PasswordEncryptor.PREFIX);
		assertThat(query("select GROUP_ID_ from ACT_ID_MEMBERSHIP where USER_ID_ = 'firstadmin'"))
			.containsExactly(Groups.ADMINS);

		this.err.reset();
		int again = command("", Map.of(AdminPasswordInput.VARIABLE, "Another-Strong-Passw0rd"))
			.execute(arguments("--user", "firstadmin"));

		assertThat(again).isNotZero();
		assertThat(text(this.err)).contains("A user 'firstadmin' already exists");
		assertThat(query("select ID_ from ACT_ID_USER")).containsExactly("firstadmin");
	}

	@Test
	void shouldRefuseAPasswordAgainstThePolicyAndCreateNothing() throws SQLException {
		int refused = command("", Map.of(AdminPasswordInput.VARIABLE, "weakling"))
			.execute(arguments("--user", "weakadmin"));

		assertThat(refused).isNotZero();
		assertThat(text(this.err)).contains("does not meet the password policy", "LENGTH", "UPPERCASE", "DIGIT");
		assertThat(query("select ID_ from ACT_ID_USER where ID_ = 'weakadmin'")).isEmpty();
	}

	@Test
	void shouldRefuseToRunWithoutAUserOrWithoutAPassword() {
		assertThat(command("", Map.of()).execute(List.of("--password-stdin"))).isEqualTo(CreateAdminCommand.USAGE);
		assertThat(text(this.err)).contains("Usage:");

		// no stdin flag, no variable and no terminal: nowhere to read a password from
		assertThat(command("", Map.of()).execute(List.of("--user", "someone"))).isEqualTo(CreateAdminCommand.USAGE);
		assertThat(text(this.err)).contains("No password");
	}

	@Test
	void shouldStartNeitherTheWebServerNorTheJobExecutor() {
		try (ConfigurableApplicationContext context = CreateAdminCommand.start(arguments())) {
			assertThat(context).isNotInstanceOf(WebServerApplicationContext.class);
			assertThat(context.getBean(ProcessEngineConfigurationImpl.class).getJobExecutor().isActive()).isFalse();
		}
	}

	private CreateAdminCommand command(String stdin, Map<String, String> environment) {
		return new CreateAdminCommand(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), environment,
				null, new PrintStream(this.out, true, StandardCharsets.UTF_8),
				new PrintStream(this.err, true, StandardCharsets.UTF_8));
	}

	/**
	 * The command's own arguments, then the database and profile as an operator would
	 * give them.
	 */
	private List<String> arguments(String... own) {
		List<String> arguments = new ArrayList<>(List.of(own));
		arguments.add("--spring.datasource.url=" + this.database);
		arguments.add("--spring.profiles.active=production");
		// the jar runs the command in a JVM of its own; here, a second engine named
		// "default" would take the shared test context's name in Camunda's registry
		arguments.add("--camunda.bpm.process-engine-name=createadmin");
		return arguments;
	}

	private List<String> query(String sql) throws SQLException {
		try (Connection connection = DriverManager.getConnection(this.database, "sa", "");
				PreparedStatement statement = connection.prepareStatement(sql);
				ResultSet rows = statement.executeQuery()) {
			List<String> values = new ArrayList<>();
			while (rows.next()) {
				values.add(rows.getString(1));
			}
			return values;
		}
	}

	private static String text(ByteArrayOutputStream stream) {
		return stream.toString(StandardCharsets.UTF_8);
	}

}
