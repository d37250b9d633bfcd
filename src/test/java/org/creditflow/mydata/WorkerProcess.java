package org.creditflow.mydata;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.creditflow.CreditflowApplication;

import static org.awaitility.Awaitility.await;

/**
 * A MyData worker in a JVM of its own, started as an operator starts one
 * ({@code mydata-worker} with the test classpath), and killable like a crashed process.
 */
final class WorkerProcess implements AutoCloseable {

	private static final Pattern POLLING = Pattern.compile("MyData worker (\\S+) polling");

	private final Process process;

	private final Path log;

	private final String workerId;

	private WorkerProcess(Process process, Path log, String workerId) {
		this.process = process;
		this.log = log;
		this.workerId = workerId;
	}

	/** Starts a worker of the service at that address and waits until it polls. */
	static WorkerProcess start(URI service, String engineRest, String name, String... arguments) {
		List<String> command = new ArrayList<>(List.of(
				Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m", "-cp",
				System.getProperty("java.class.path"), CreditflowApplication.class.getName(), MyDataWorkerCommand.NAME,
				"--creditflow.worker.service-url=" + service, "--creditflow.worker.engine-rest=" + engineRest,
				"--spring.config.location=classpath:/", "--logging.level.org.creditflow=info"));
		command.addAll(List.of(arguments));
		Path log = Path.of("target", "workers", name + ".log");
		Process process;
		try {
			Files.createDirectories(log.getParent());
			ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
			builder.environment().put("CREDITFLOW_WORKER_PASSWORD", "worker");
			process = builder.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		try {
			String workerId = await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(300)).until(() -> {
				if (!process.isAlive()) {
					throw new IllegalStateException(
							"the worker exited with " + process.exitValue() + ":\n" + read(log));
				}
				Matcher polling = POLLING.matcher(read(log));
				return polling.find() ? polling.group(1) : null;
			}, (id) -> id != null);
			return new WorkerProcess(process, log, workerId);
		}
		catch (RuntimeException ex) {
			process.destroyForcibly();
			throw ex;
		}
	}

	String workerId() {
		return this.workerId;
	}

	String log() {
		return read(this.log);
	}

	/** SIGKILL: nothing runs on the way out, nothing is reported. */
	void kill() {
		this.process.destroyForcibly();
		await().atMost(Duration.ofSeconds(30)).until(() -> !this.process.isAlive());
	}

	@Override
	public void close() {
		this.process.destroy();
		try {
			if (!this.process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
				this.process.destroyForcibly();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.process.destroyForcibly();
		}
	}

	private static String read(Path log) {
		try {
			return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
		}
		catch (IOException ex) {
			return "";
		}
	}

}
