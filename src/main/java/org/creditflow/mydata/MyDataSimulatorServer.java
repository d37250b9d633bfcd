package org.creditflow.mydata;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledThreadPoolExecutor;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import jakarta.validation.Validator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.lang.Nullable;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.stereotype.Component;

/**
 * The built-in simulator served the way a MyData provider is, REST/JSON behind a bearer
 * token, so that the connector runs its real HTTP path. It has an HTTP server of its own
 * that listens on the loopback address only, on a port chosen when it starts, and accepts
 * a token made at each start: nothing off this host reaches it, and nobody knows the
 * token in advance. The connector asks this bean for both ({@link #endpoint()}).
 *
 * <p>
 * A few handler threads serve it; a slow answer is sent later by a scheduler rather than
 * by a handler thread that waits ({@link SimulatorHandler}), so slow requests cannot take
 * the handler threads from the others.
 */
@Component
@ConditionalOnProperty(name = "creditflow.mydata.simulator.enabled", matchIfMissing = true)
class MyDataSimulatorServer implements SmartLifecycle {

	static final int HANDLER_THREADS = 2;

	private static final Logger log = LoggerFactory.getLogger(MyDataSimulatorServer.class);

	private static final String LOOPBACK = "127.0.0.1";

	private static final int TOKEN_BYTES = 32;

	private static final SecureRandom RANDOM = new SecureRandom();

	/** What one start brings up, and the next stop takes down. */
	private record Running(HttpServer server, String token, ExecutorService handlers,
			ScheduledThreadPoolExecutor replies) {

		@Override
		public String toString() {
			return "Running[" + this.server.getAddress() + ", token=(hidden)]";
		}

	}

	private final SimulatedAnswers answers;

	@Nullable
	private volatile Running running;

	MyDataSimulatorServer(MyDataProperties properties, ObjectMapper json, Validator validator) {
		this.answers = new SimulatedAnswers(new MyDataSimulator(new Population(properties.simulator().telecomSignal())),
				json, validator, properties.simulator().slowAnswer(), properties.simulator().latency());
	}

	@Override
	public synchronized void start() {
		if (this.running != null) {
			return;
		}
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress(LOOPBACK, 0), 0);
			ExecutorService handlers = Executors.newFixedThreadPool(HANDLER_THREADS,
					daemonThreads("mydata-simulator-"));
			ScheduledThreadPoolExecutor replies = new ScheduledThreadPoolExecutor(1,
					daemonThreads("mydata-simulator-replies-"));
			replies.setRemoveOnCancelPolicy(true);
			String token = newToken();
			for (DataSource source : DataSource.values()) {
				server.createContext(ProviderEndpoint.profilePath(source),
						new SimulatorHandler(source, token, this.answers, replies));
			}
			server.setExecutor(handlers);
			server.start();
			this.running = new Running(server, token, handlers, replies);
			log.info("MyData simulator listening on {} (loopback only)", endpoint().baseUrl());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("the MyData simulator could not listen on " + LOOPBACK, ex);
		}
	}

	@Override
	public synchronized void stop() {
		Running stopping = this.running;
		if (stopping == null) {
			return;
		}
		this.running = null;
		stopping.server().stop(0);
		stopping.replies().shutdownNow();
		stopping.handlers().shutdownNow();
	}

	@Override
	public boolean isRunning() {
		return this.running != null;
	}

	/** Where the connector reaches the simulator now, and the token of this start. */
	ProviderEndpoint endpoint() {
		Running current = running();
		return new ProviderEndpoint(URI.create("http://" + LOOPBACK + ":" + current.server().getAddress().getPort()),
				current.token());
	}

	InetSocketAddress address() {
		return running().server().getAddress();
	}

	/** Slow answers scheduled and not yet sent. */
	int slowAnswersWaiting() {
		return running().replies().getQueue().size();
	}

	private Running running() {
		Running current = this.running;
		if (current == null) {
			throw new IllegalStateException("the MyData simulator is not running");
		}
		return current;
	}

	private static String newToken() {
		byte[] token = new byte[TOKEN_BYTES];
		RANDOM.nextBytes(token);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(token);
	}

	private static CustomizableThreadFactory daemonThreads(String prefix) {
		CustomizableThreadFactory threads = new CustomizableThreadFactory(prefix);
		threads.setDaemon(true);
		return threads;
	}

}
