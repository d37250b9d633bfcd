package org.creditflow.identity;

import java.io.Console;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.identity.PasswordPolicyResult;
import org.camunda.bpm.engine.identity.PasswordPolicyRule;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.spring.boot.starter.rest.CamundaBpmRestJerseyAutoConfiguration;

import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.MapPropertySource;
import org.springframework.dao.DataAccessException;
import org.springframework.lang.Nullable;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code java -jar creditflow.jar create-admin --user <id> [--password-stdin]}: creates
 * an administrator (group {@code camunda-admin}) in the identity store, typically the
 * first one of a new production database, then exits. It runs on the service's database
 * configuration (profiles, {@code CREDITFLOW_DB_*}, any {@code --spring.*} argument) but
 * starts neither the web server nor the job executor. The password comes from standard
 * input ({@code --password-stdin}), else from {@value AdminPasswordInput#VARIABLE}, else
 * from the console without echo ({@link AdminPasswordInput}), and must meet Camunda's
 * password policy.
 */
public final class CreateAdminCommand {

	public static final String NAME = "create-admin";

	static final int CREATED = 0;

	static final int REFUSED = 1;

	static final int USAGE = 2;

	private static final String USAGE_TEXT = "Usage: java -jar creditflow.jar " + NAME
			+ " --user <id> [--password-stdin] [--spring.profiles.active=...]\n"
			+ "  the password is read from standard input with --password-stdin, else from "
			+ AdminPasswordInput.VARIABLE + ",\n  else from the console (not echoed)";

	private final AdminPasswordInput passwords;

	private final PrintStream out;

	private final PrintStream err;

	CreateAdminCommand(InputStream stdin, Map<String, String> environment, @Nullable Console console, PrintStream out,
			PrintStream err) {
		this.passwords = new AdminPasswordInput(stdin, environment, console);
		this.out = out;
		this.err = err;
	}

	/** Runs the command in this process; answers the exit code. */
	public static int run(List<String> arguments) {
		return new CreateAdminCommand(System.in, System.getenv(), System.console(), System.out, System.err)
			.execute(arguments);
	}

	int execute(List<String> arguments) {
		String userId = null;
		boolean passwordFromStdin = false;
		List<String> springArguments = new ArrayList<>();
		for (int i = 0; i < arguments.size(); i++) {
			String argument = arguments.get(i);
			if (argument.equals("--user") && i + 1 < arguments.size()) {
				userId = arguments.get(++i);
			}
			else if (argument.startsWith("--user=")) {
				userId = argument.substring("--user=".length());
			}
			else if (argument.equals("--password-stdin")) {
				passwordFromStdin = true;
			}
			else if (argument.startsWith("--") && argument.contains("=")) {
				springArguments.add(argument);
			}
			else {
				this.err.println("Unknown argument: " + argument + "\n" + USAGE_TEXT);
				return USAGE;
			}
		}
		if (userId == null || userId.isBlank()) {
			this.err.println(USAGE_TEXT);
			return USAGE;
		}
		String password = this.passwords.read(userId, passwordFromStdin);
		if (password == null || password.isEmpty()) {
			this.err.println("No password: pipe it with --password-stdin, set " + AdminPasswordInput.VARIABLE
					+ ", or type it twice, the same, in a terminal.");
			return USAGE;
		}
		try (ConfigurableApplicationContext context = start(springArguments)) {
			return create(context, userId, password);
		}
	}

	/**
	 * The service's engine and identity beans on its configuration, without the web
	 * server, the job executor or the process deployment.
	 */
	static ConfigurableApplicationContext start(List<String> springArguments) {
		// above every configuration file and argument: application.yml turns the job
		// executor on
		MapPropertySource commandOnly = new MapPropertySource(NAME,
				Map.of("camunda.bpm.job-execution.enabled", "false", "camunda.bpm.auto-deployment-enabled", "false"));
		return new SpringApplicationBuilder(CommandContext.class).web(WebApplicationType.NONE)
			.bannerMode(Banner.Mode.OFF)
			.logStartupInfo(false)
			.properties("logging.level.root=warn")
			.initializers((context) -> context.getEnvironment().getPropertySources().addFirst(commandOnly))
			.run(springArguments.toArray(String[]::new));
	}

	private int create(ConfigurableApplicationContext context, String userId, String password) {
		IdentityService identity = context.getBean(IdentityService.class);
		if (identity.createUserQuery().userId(userId).count() > 0) {
			this.err.println("A user '" + userId + "' already exists; " + NAME
					+ " creates new users only (change existing ones in Camunda Admin).");
			return REFUSED;
		}
		User user = identity.newUser(userId);
		user.setPassword(password);
		if (identity.getPasswordPolicy() != null) {
			PasswordPolicyResult policy = identity.checkPasswordAgainstPolicy(password, user);
			if (!policy.isValid()) {
				this.err.println("The password does not meet the password policy: " + policy.getViolatedRules()
					.stream()
					.map(CreateAdminCommand::describe)
					.collect(Collectors.joining(", ")));
				return REFUSED;
			}
		}
		try {
			// the user and its membership together, or neither
			new TransactionTemplate(context.getBean(PlatformTransactionManager.class))
				.executeWithoutResult((status) -> {
					identity.saveUser(user);
					identity.createMembership(userId, Groups.ADMINS);
				});
		}
		catch (ProcessEngineException | DataAccessException ex) {
			this.err.println("Could not create '" + userId + "': " + ex.getMessage());
			return REFUSED;
		}
		this.out.println("Created administrator '" + userId + "' in group " + Groups.ADMINS + ".");
		return CREATED;
	}

	/** A violated rule as Camunda names it: {@code LENGTH (minLength 10)}. */
	private static String describe(PasswordPolicyRule rule) {
		String name = rule.getPlaceholder().replace("PASSWORD_POLICY_", "");
		Map<String, String> parameters = rule.getParameters();
		return (parameters == null || parameters.isEmpty()) ? name
				: name + " "
						+ parameters.entrySet()
							.stream()
							.map((entry) -> entry.getKey() + " " + entry.getValue())
							.collect(Collectors.joining(", ", "(", ")"));
	}

	/**
	 * What the command needs of the service: its auto-configured database and engine, the
	 * password hashing and the groups with their authorizations. Not a
	 * {@code @Configuration}, so the service's component scan and its tests never pick it
	 * up.
	 */
	@EnableAutoConfiguration(exclude = { CamundaBpmRestJerseyAutoConfiguration.class, SecurityAutoConfiguration.class,
			UserDetailsServiceAutoConfiguration.class })
	@EnableConfigurationProperties(SignInProperties.class)
	@Import({ PasswordHashing.class, CamundaAuthorizations.class })
	static class CommandContext {

	}

}
