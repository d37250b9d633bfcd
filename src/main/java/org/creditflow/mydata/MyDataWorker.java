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
import org.camunda.bpm.client.topic.TopicSubscription;
import org.creditflow.mydata.MyDataClient.Answer;
import org.creditflow.mydata.MyDataWork.Order;
import org.creditflow.mydata.MyDataWork.Report;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.lang.Nullable;
import org.springframework.web.client.RestClientException;

/**
 * One MyData worker process: it locks MyData tasks of its sources' topics through the
 * engine's REST API (Camunda's external task client, long polling), asks the service what
 * to fetch, fetches it from the provider with the same connector as the engine's step
 * ({@link MyDataClient}), and reports what came back. It stores nothing and finishes no
 * task itself: the service does both from the report ({@link MyDataWork}).
 *
 * <p>
 * The client works through the tasks it locked one after another, so its lock covers
 * {@code max-tasks} fetches ({@link WorkerSettings}); more throughput comes from more
 * worker processes. When it cannot reach the service it reports nothing, and the task is
 * fetched again once its lock runs out.
 */
class MyDataWorker implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(MyDataWorker.class);

	/** Between failed polls (the service down): from half a second up to 30 s. */
	private static final long FIRST_BACKOFF_MILLIS = 500;

	private static final long LONGEST_BACKOFF_MILLIS = 30_000;

	/** How much longer than the long poll a poll's answer may take. */
	private static final Duration POLL_GRACE = Duration.ofSeconds(10);

	private final WorkerSettings settings;

	private final MyDataClient providers;

	private final String workerId;

	private final MyDataWorkClient service;

	@Nullable
	private ExternalTaskClient client;

	private final List<TopicSubscription> subscriptions = new ArrayList<>();

	MyDataWorker(WorkerSettings settings, MyDataClient providers) {
		this.settings = settings;
		this.providers = providers;
		this.workerId = settings.user() + "@" + hostName() + "-" + UUID.randomUUID().toString().substring(0, 8);
		this.service = new MyDataWorkClient(settings.serviceUrl(), settings.user(), settings.password(), this.workerId,
				settings.pollTimeout());
	}

	@Override
	public synchronized void start() {
		this.client = ExternalTaskClient.create()
			.baseUrl(this.settings.serviceUrl() + this.settings.engineRest())
			.workerId(this.workerId)
			.addInterceptor(new BasicAuthProvider(this.settings.user(), this.settings.password()))
			.maxTasks(this.settings.maxTasks())
			.lockDuration(this.settings.lockDuration().toMillis())
			.asyncResponseTimeout(this.settings.pollTimeout().toMillis())
			// long polling waits for work by itself; back off only when polling fails
			.backoffStrategy(new ExponentialErrorBackoffStrategy(FIRST_BACKOFF_MILLIS, 2, LONGEST_BACKOFF_MILLIS))
			// a poll the service never answers must not stall the worker for good
			.customizeHttpClient((http) -> http.setDefaultRequestConfig(RequestConfig.custom()
				.setResponseTimeout(Timeout.of(this.settings.pollTimeout().plus(POLL_GRACE)))
				.build()))
			.build();
		for (DataSource source : this.settings.sources()) {
			this.subscriptions.add(this.client.subscribe(MyDataCollection.topic(source))
				// the process's variables are not the worker's business
				.variables()
				.handler((task, engine) -> handle(task))
				.open());
		}
		log.info("MyData worker {} polling {} at {}", this.workerId,
				this.settings.sources().stream().map(MyDataCollection::topic).toList(), this.settings.serviceUrl());
	}

	@Override
	public synchronized void stop() {
		this.subscriptions.forEach(TopicSubscription::close);
		this.subscriptions.clear();
		if (this.client != null) {
			this.client.stop();
			this.client = null;
		}
	}

	@Override
	public synchronized boolean isRunning() {
		return this.client != null;
	}

	String workerId() {
		return this.workerId;
	}

	private void handle(ExternalTask task) {
		DataSource source = MyDataCollection.source(task.getTopicName());
		String provider = this.providers.providerName(source);
		try {
			Optional<Order> order = this.service.order(task.getId());
			if (order.isEmpty()) {
				return;
			}
			Report report;
			try {
				Answer<?> answer = this.providers.fetch(source, order.get().applicationId(), order.get().person());
				report = this.service.answer(task.getId(), provider, answer.payload());
			}
			catch (MyDataUnavailableException ex) {
				report = this.service.failure(task.getId(), provider, ex.reason(), ex.getMessage());
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
