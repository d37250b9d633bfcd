package org.creditflow.mydata;

import java.io.PrintStream;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.Environment;

/**
 * {@code java -jar creditflow.jar mydata-worker --creditflow.worker.service-url=<url>}:
 * runs this process as a MyData worker ({@link MyDataWorker}) instead of the service,
 * until it is stopped (SIGTERM). It has no database and no web server of its own; it
 * reaches the service over HTTP and the providers as {@code creditflow.mydata.*} says
 * (without a provider's base URL, the built-in simulator, in this process). The sources
 * whose {@code collected-by} is {@code worker} on the service need workers running.
 */
public final class MyDataWorkerCommand {

	public static final String NAME = "mydata-worker";

	static final int STOPPED = 0;

	static final int USAGE = 2;

	private MyDataWorkerCommand() {
	}

	/** Runs the worker in this process until it is stopped; answers the exit code. */
	public static int run(List<String> arguments) {
		return run(arguments, System.err);
	}

	static int run(List<String> arguments, PrintStream err) {
		for (String argument : arguments) {
			if (!argument.startsWith("--") || !argument.contains("=")) {
				err.println("Unknown argument: " + argument + "\nUsage: java -jar creditflow.jar " + NAME
						+ " --creditflow.worker.service-url=<url> [--creditflow.worker.*=...] "
						+ "[--creditflow.mydata.*=...]\n  the password comes from CREDITFLOW_WORKER_PASSWORD");
				return USAGE;
			}
		}
		CountDownLatch stopped = new CountDownLatch(1);
		ConfigurableApplicationContext context;
		try {
			context = new SpringApplicationBuilder(WorkerContext.class).web(WebApplicationType.NONE)
				.bannerMode(Banner.Mode.OFF)
				// the client lists its data formats at start; its warnings and errors
				// stay
				.properties("logging.level.org.camunda.bpm.client=warn")
				.listeners((ApplicationListener<ContextClosedEvent>) (event) -> stopped.countDown())
				.run(arguments.toArray(String[]::new));
		}
		catch (RuntimeException ex) {
			err.println("The MyData worker did not start: " + rootMessage(ex));
			return USAGE;
		}
		try {
			stopped.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			context.close();
		}
		return STOPPED;
	}

	private static String rootMessage(Throwable ex) {
		Throwable root = ex;
		while (root.getCause() != null) {
			root = root.getCause();
		}
		return root.getMessage();
	}

	/**
	 * The worker's beans: the MyData connector and simulator of the service, its
	 * settings, and the worker. Not a {@code @Configuration}, so the service never picks
	 * it up.
	 */
	@ImportAutoConfiguration({ JacksonAutoConfiguration.class, ValidationAutoConfiguration.class })
	@EnableConfigurationProperties(MyDataProperties.class)
	@Import({ MyDataClient.class, MyDataHealth.class, MyDataSimulatorServer.class })
	static class WorkerContext {

		@Bean
		WorkerSettings workerSettings(Environment environment, MyDataProperties mydata) {
			WorkerSettings settings = Binder.get(environment)
				.bindOrCreate("creditflow.worker", Bindable.of(WorkerSettings.class));
			List<String> problems = settings.problems(mydata);
			if (!problems.isEmpty()) {
				throw new IllegalArgumentException(String.join("; ", problems));
			}
			return settings;
		}

		@Bean
		MyDataWorker myDataWorker(WorkerSettings settings, MyDataClient providers) {
			return new MyDataWorker(settings, providers);
		}

		@Bean
		MeterRegistry meterRegistry() {
			return new SimpleMeterRegistry();
		}

		@Bean
		Clock clock() {
			return Clock.system(ZoneId.of("Asia/Seoul"));
		}

	}

}
