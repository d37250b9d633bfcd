package org.creditflow;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/**
 * The service in a JVM of its own, started as an operator starts it: this JVM's
 * {@code java}, the test classpath, the shipped configuration (the suite's overrides
 * under {@code classpath:/config/} are left out), a working directory, port and log of
 * its own. Unlike {@link SeparateService} it can be killed like a crashed node
 * ({@code SIGKILL}), database and all when the database is embedded, and started again on
 * the same data.
 */
public final class ServiceProcess implements AutoCloseable {

	/** Enough for the service; two or three run beside the suite's own JVM. */
	private static final String HEAP = "-Xmx768m";

	private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();

	static {
		// a test JVM that dies leaves no service behind holding ports, files and
		// connections
		Runtime.getRuntime().addShutdownHook(new Thread(() -> RUNNING.forEach(Process::destroyForcibly)));
	}

	private final Path directory;

	private final int port;

	private final List<String> arguments;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private Process process;

	private Path log;

	private int starts;

	private ServiceProcess(Path directory, int port, List<String> arguments) {
		this.directory = directory;
		this.port = port;
		this.arguments = arguments;
	}

	/**
	 * Starts the service in {@code directory} on a free port, with the database's
	 * arguments and any others ({@code --name=value}), and waits until it is up.
	 */
	public static ServiceProcess start(Path directory, ServiceDatabase database, String... arguments) {
		List<String> all = new ArrayList<>(database.arguments());
		all.addAll(List.of(arguments));
		ServiceProcess service = new ServiceProcess(directory, freePort(), all);
		try {
			service.start();
		}
		catch (RuntimeException ex) {
			service.close();
			throw ex;
		}
		return service;
	}

	/**
	 * Starts it (again, after {@link #kill()}) with the same directory, port and
	 * arguments, and waits until it is up.
	 */
	public void start() {
		if (this.process != null && this.process.isAlive()) {
			throw new IllegalStateException("already running: " + this.url());
		}
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), HEAP, "-cp",
						System.getProperty("java.class.path"), CreditflowApplication.class.getName(),
						"--server.port=" + this.port, "--spring.config.location=classpath:/",
						// these tests use the API and the engine only
						"--camunda.bpm.webapp.enabled=false"));
		command.addAll(this.arguments);
		this.log = this.directory.resolve("service-" + (++this.starts) + ".log");
		try {
			Files.createDirectories(this.directory);
			this.process = new ProcessBuilder(command).directory(this.directory.toFile())
				.redirectErrorStream(true)
				.redirectOutput(this.log.toFile())
				.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		RUNNING.add(this.process);
		awaitUp();
	}

	/** Kills the JVM as a crash would: SIGKILL, nothing runs on the way out. */
	public void kill() {
		this.process.destroyForcibly();
		awaitExit();
	}

	/**
	 * Stops it as an operator would (SIGTERM: a graceful shutdown, which also compacts an
	 * H2 file), and kills it when that takes over a minute.
	 */
	public void stop() {
		this.process.destroy();
		try {
			if (!this.process.waitFor(60, TimeUnit.SECONDS)) {
				this.process.destroyForcibly();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.process.destroyForcibly();
		}
		awaitExit();
	}

	@Override
	public void close() {
		if (this.process != null && this.process.isAlive()) {
			stop();
		}
	}

	public URI url() {
		return URI.create("http://127.0.0.1:" + this.port);
	}

	/** The end of the log of the latest start, for failure messages. */
	public String logTail() {
		try {
			List<String> lines = new String(Files.readAllBytes(this.log), StandardCharsets.UTF_8).lines().toList();
			return this.log + ":\n" + String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
		}
		catch (IOException ex) {
			return this.log + ": unreadable (" + ex + ")";
		}
	}

	private void awaitUp() {
		HttpRequest health = HttpRequest.newBuilder(this.url().resolve("/actuator/health"))
			.timeout(Duration.ofSeconds(5))
			.build();
		try {
			// generous: two cores shared with the test JVM, the database and other builds
			await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(500)).until(() -> {
				if (!this.process.isAlive()) {
					throw new IllegalStateException("the service exited with " + this.process.exitValue());
				}
				try {
					return this.http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
				}
				catch (IOException ex) {
					return false;
				}
			});
		}
		catch (RuntimeException ex) {
			throw new IllegalStateException("The service did not come up at " + url() + "; " + logTail(), ex);
		}
	}

	private void awaitExit() {
		await().atMost(Duration.ofSeconds(60)).until(() -> !this.process.isAlive());
		RUNNING.remove(this.process);
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
