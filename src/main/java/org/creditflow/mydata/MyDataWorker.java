package org.creditflow.mydata;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.camunda.bpm.client.ExternalTaskClient;
import org.camunda.bpm.client.backoff.ExponentialErrorBackoffStrategy;
import org.camunda.bpm.client.interceptor.auth.BasicAuthProvider;
import org.camunda.bpm.client.task.ExternalTask;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.core5.util.Timeout;
import org.creditflow.mydata.MyDataClient.Answer;
import org.creditflow.mydata.MyDataWork.Order;
import org.creditflow.mydata.MyDataWork.Report;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.web.client.RestClientException;

/**
 * One MyData worker process: it locks MyData tasks of its sources' topics through the
 * engine's REST API (Camunda's external task client, long polling), asks the service what
 * to fetch, fetches it from the provider with the same connector as the engine's step
 * ({@link MyDataClient}), and reports what came back. It stores nothing and finishes no
 * task itself: the service does both from the report ({@link MyDataWork}).
 *
 * <p>
 * Each of its {@code threads} is a client of its own, which works through the tasks it
 * locked one after another, so a lock covers {@code max-tasks} fetches
 * ({@link WorkerSettings}); more throughput comes from more threads and more worker
 * processes. When it cannot reach the service it reports nothing, and the task is fetched
 * again once its lock runs out.
 */
class MyDataWorker implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(MyDataWorker.class);

	/** Between failed polls (the service down): from half a second up to 30 s. */
	private static final long FIRST_BACKOFF_MILLIS = 500;

	private static final long LONGEST_BACKOFF_MILLIS = 30_000;

	/** How long the service may take to answer a question or a report. */
	private static final Duration REPORT_TIMEOUT = Duration.ofSeconds(10);

	/** How much longer than the long poll a poll's answer may take. */
	private static final Duration POLL_GRACE = Duration.ofSeconds(10);

	private final WorkerSettings settings;

	private final MyDataClient providers;

	private final String workerId;

	/** One client per thread, each with a worker id of its own. */
	private final List<ExternalTaskClient> clients = new ArrayList<>();

	MyDataWorker(WorkerSettings settings, MyDataClient providers) {
		this.settings = settings;
		this.providers = providers;
		this.workerId = settings.user() + "@" + hostName() + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

	@Override
	public synchronized void start() {
		for (int thread = 1; thread <= this.settings.threads(); thread++) {
			String id = this.workerId + "-" + thread;
			MyDataWorkClient service = new MyDataWorkClient(this.settings.serviceUrl(), this.settings.user(),
					this.settings.password(), id, REPORT_TIMEOUT);
			ExternalTaskClient client = client(id);
			for (DataSource source : this.settings.sources()) {
				client.subscribe(MyDataCollection.topic(source))
					// the process's variables are not the worker's business
					.variables()
					.handler((task, engine) -> handle(task, service))
					.open();
			}
			this.clients.add(client);
		}
		log.info("MyData worker {} polling {} at {} with {} threads", this.workerId,
				this.settings.sources().stream().map(MyDataCollection::topic).toList(), this.settings.serviceUrl(),
				this.settings.threads());
	}

	private ExternalTaskClient client(String id) {
		return ExternalTaskClient.create()
			.baseUrl(this.settings.serviceUrl() + this.settings.engineRest())
			.workerId(id)
			.addInterceptor(new BasicAuthProvider(this.settings.user(), this.settings.password()))
			.maxTasks(this.settings.maxTasks())
			// oldest first: under a backlog, fetched in no order some tasks waited 30 s
			// and more
			.orderByCreateTime()
			.asc()
			.lockDuration(this.settings.lockDuration().toMillis())
			.asyncResponseTimeout(this.settings.pollTimeout().toMillis())
			// long polling waits for work by itself; back off only when polling fails
			.backoffStrategy(new ExponentialErrorBackoffStrategy(FIRST_BACKOFF_MILLIS, 2, LONGEST_BACKOFF_MILLIS))
			// a poll the service never answers must not stall the worker for good
			.customizeHttpClient((http) -> http.setDefaultRequestConfig(RequestConfig.custom()
				.setResponseTimeout(Timeout.of(this.settings.pollTimeout().plus(POLL_GRACE)))
				.build()))
			.build();
	}

	@Override
	public synchronized void stop() {
		this.clients.forEach(ExternalTaskClient::stop);
		this.clients.clear();
	}

	@Override
	public synchronized boolean isRunning() {
		return !this.clients.isEmpty();
	}

	/** What this process's worker ids start with; each thread adds {@code -<n>}. */
	String workerId() {
		return this.workerId;
	}

	private void handle(ExternalTask task, MyDataWorkClient service) {
		DataSource source = MyDataCollection.source(task.getTopicName());
		String provider = this.providers.providerName(source);
		try {
			Optional<Order> order = service.order(task.getId());
			if (order.isEmpty()) {
				return;
			}
			Report report;
			try {
				Answer<?> answer = this.providers.fetch(source, order.get().applicationId(), order.get().person());
				report = service.answer(task.getId(), provider, answer.payload());
			}
			catch (MyDataUnavailableException ex) {
				report = service.failure(task.getId(), provider, ex.reason(), ex.getMessage());
			}
			log.info("Application {}: {} reported, {}", task.getBusinessKey(), source, report.outcome());
		}
		catch (RestClientException ex) {
			log.warn("Application {}: {} not reported to the service ({}); the task is fetched again when its "
					+ "lock runs out", task.getBusinessKey(), source, ex.getMessage());
		}
	}

	private static String hostName() {
		try {
			return InetAddress.getLocalHost().getHostName();
		}
		catch (UnknownHostException ex) {
			return "unknown-host";
		}
	}

}
