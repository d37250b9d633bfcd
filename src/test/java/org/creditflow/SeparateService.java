package org.creditflow;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Another instance of the service in the test JVM, beside the shared test context: on a
 * port of its own, with an engine of its own name (so it does not replace the shared
 * context's engine), and without Camunda's webapps. Tasklist, Cockpit and Admin keep
 * their runtime in static fields: a second webapp would take them over, and once closed
 * leave the shared context's Tasklist API answering 500.
 */
public final class SeparateService {

	private SeparateService() {
	}

	/**
	 * Starts it with the given engine name and further arguments ({@code --name=value}).
	 * The Camunda starter ignores a name with a hyphen and takes {@code default}, whose
	 * closing would take the shared context's engine away: such names are refused.
	 */
	public static ConfigurableApplicationContext start(String engineName, String... arguments) {
		if (engineName.isBlank() || engineName.contains("-") || "default".equals(engineName)) {
			throw new IllegalArgumentException("not an engine name of its own: '" + engineName + "'");
		}
		List<String> args = new ArrayList<>(List.of("--server.port=0",
				"--camunda.bpm.process-engine-name=" + engineName, "--camunda.bpm.webapp.enabled=false"));
		args.addAll(List.of(arguments));
		return new SpringApplicationBuilder(CreditflowApplication.class).run(args.toArray(String[]::new));
	}

	/**
	 * Whether the suite runs against PostgreSQL (then every instance shares its schema).
	 */
	public static boolean onPostgres() {
		return System.getProperty("spring.profiles.active", "").contains("postgres");
	}

}
