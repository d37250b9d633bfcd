package org.creditflow.mydata;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.camunda.bpm.engine.ExternalTaskService;
import org.camunda.bpm.engine.externaltask.ExternalTask;
import org.creditflow.application.LoanApplication;
import org.creditflow.mydata.MyDataProperties.WhenUnavailable;
import org.creditflow.mydata.MyDataUnavailableException.Reason;
import org.creditflow.web.ConflictException;
import org.creditflow.web.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.lang.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The service's side of MyData collection by workers. A worker locks an external task of
 * a source's topic through {@code /engine-rest}, and from then on reports to this class
 * only: it asks what to fetch ({@link #order}), fetches it from the provider, and reports
 * the answer ({@link #answered}) or the failure ({@link #failed}). Everything else stays
 * here, exactly as in the engine's own step ({@link DataCollector}): the consent check,
 * the snapshot, the retries by {@code creditflow.mydata.retry-cycle}, the missing path or
 * the incident after the last attempt. The task is completed, failed or ended with the
 * BPMN error here, in the transaction that stores the snapshot, so no person and no
 * worker can finish a MyData task any other way (the engine refuses it to them:
 * {@code EngineCommandGuard}).
 *
 * <p>
 * A worker acts on the tasks it locked, while its lock lasts, and only under its own
 * name: worker ids start with the worker's user id and {@code @}. A worker that dies
 * mid-fetch reports nothing; its task is fetched again once the lock runs out, and a
 * source already stored is never stored twice.
 */
@Service
class MyDataWork {

	private static final Logger log = LoggerFactory.getLogger(MyDataWork.class);

	/** What the service made of a worker's report. */
	enum Outcome {

		/** the answer is stored and the task completed */
		STORED,
		/**
		 * nothing to fetch (no consent, or already stored by an earlier lock): the task
		 * is completed
		 */
		NOTHING_TO_FETCH,
		/** the task is fetched again after {@code retryIn} */
		RETRY,
		/**
		 * the last attempt failed: recorded as missing, the process goes on without it
		 */
		MISSING,
		/** the last attempt failed: an incident for an operator to retry in Cockpit */
		INCIDENT

	}

	/**
	 * @param retriesLeft attempts still to come, with {@link Outcome#RETRY}
	 * @param retryIn when the next attempt may be fetched, with {@link Outcome#RETRY}
	 */
	record Report(Outcome outcome, @Nullable Integer retriesLeft, @Nullable Duration retryIn) {

		static Report of(Outcome outcome) {
			return new Report(outcome, null, null);
		}

	}

	/** What a worker is to fetch for a task: this person's profile from this source. */
	record Order(String applicationId, DataSource source, ProfileRequest person) {
	}

	/** A MyData task as one worker holds it. */
	private record Held(String id, String workerId, String applicationId, DataSource source,
			@Nullable Integer retries) {
	}

	private final ExternalTaskService externalTasks;

	private final DataCollector collector;

	private final MyDataClient client;

	private final MyDataHealth health;

	private final MyDataProperties properties;

	MyDataWork(ExternalTaskService externalTasks, DataCollector collector, MyDataClient client, MyDataHealth health,
			MyDataProperties properties) {
		this.externalTasks = externalTasks;
		this.collector = collector;
		this.client = client;
		this.health = health;
		this.properties = properties;
	}

	/**
	 * What to fetch for the task; nothing when there is nothing to fetch, and then the
	 * task is completed.
	 */
	@Transactional
	public Optional<Order> order(String taskId, String workerId, String caller) {
		Held task = held(taskId, workerId, caller);
		return stillAwaited(task).map((application) -> new Order(task.applicationId(), task.source(),
				ProfileRequest.of(application.applicant())));
	}

	/**
	 * Stores the provider's answer, exactly as the worker received it, and completes the
	 * task. An answer that is not the source's profile counts as a failed attempt.
	 */
	@Transactional
	public Report answered(String taskId, String workerId, String caller, String provider, String payload) {
		Held task = held(taskId, workerId, caller);
		Optional<LoanApplication> application = stillAwaited(task);
		if (application.isEmpty()) {
			return Report.of(Outcome.NOTHING_TO_FETCH);
		}
		try {
			this.client.read(payload, MyDataClient.profileType(task.source()));
		}
		catch (IOException ex) {
			return failed(task, application.get(), provider,
					new MyDataUnavailableException(task.source(), Reason.MALFORMED, "not a valid profile", null));
		}
		this.collector.storeReceived(application.get(), task.source(), provider, payload);
		this.health.succeeded(task.source());
		this.externalTasks.complete(task.id(), task.workerId());
		return Report.of(Outcome.STORED);
	}

	/** One failed attempt: retried, or after the last one missing or an incident. */
	@Transactional
	public Report failed(String taskId, String workerId, String caller, String provider, Reason reason,
			String message) {
		Held task = held(taskId, workerId, caller);
		Optional<LoanApplication> application = stillAwaited(task);
		if (application.isEmpty()) {
			return Report.of(Outcome.NOTHING_TO_FETCH);
		}
		return failed(task, application.get(), provider,
				new MyDataUnavailableException(task.source(), reason, message, null));
	}

	/**
	 * The application while the task's source is still to be stored; otherwise (no
	 * consent, or stored under an earlier lock) the task is completed, as nothing is left
	 * to do for it.
	 */
	private Optional<LoanApplication> stillAwaited(Held task) {
		Optional<LoanApplication> application = this.collector.awaiting(task.applicationId(), task.source());
		if (application.isEmpty()) {
			this.externalTasks.complete(task.id(), task.workerId());
		}
		return application;
	}

	private Report failed(Held task, LoanApplication application, String provider, MyDataUnavailableException failure) {
		this.health.failed(task.source(), failure);
		RetryCycle cycle = RetryCycle.parse(this.properties.retryCycle());
		// Camunda keeps no retries on a task until its first failure; an operator's retry
		// in Cockpit sets them
		int left = ((task.retries() != null) ? task.retries() : cycle.attempts()) - 1;
		if (left > 0) {
			Duration wait = cycle.intervalAfter(Math.max(1, cycle.attempts() - left));
			this.externalTasks.handleFailure(task.id(), task.workerId(), failure.getMessage(), null, left,
					wait.toMillis());
			log.info("Application {}: {} attempt failed at worker {}, {} left", task.applicationId(), task.source(),
					task.workerId(), left);
			return new Report(Outcome.RETRY, left, wait);
		}
		if (this.properties.source(task.source()).whenUnavailable() == WhenUnavailable.INCIDENT) {
			this.externalTasks.handleFailure(task.id(), task.workerId(), failure.getMessage(), null, 0, 0);
			return Report.of(Outcome.INCIDENT);
		}
		this.collector.storeMissing(application, task.source(), provider, failure.getMessage());
		this.externalTasks.handleBpmnError(task.id(), task.workerId(), DataCollector.UNAVAILABLE, failure.getMessage());
		return Report.of(Outcome.MISSING);
	}

	private Held held(String taskId, String workerId, String caller) {
		if (!workerId.startsWith(caller + "@")) {
			throw new AccessDeniedException("A worker signed in as " + caller + " reports under worker ids that start "
					+ "with '" + caller + "@', not as " + workerId);
		}
		ExternalTask task = this.externalTasks.createExternalTaskQuery().externalTaskId(taskId).singleResult();
		if (task == null || !MyDataCollection.isTopic(task.getTopicName())) {
			throw new NotFoundException("No MyData task " + taskId);
		}
		if (!workerId.equals(task.getWorkerId()) || task.getLockExpirationTime() == null
				|| !task.getLockExpirationTime().toInstant().isAfter(Instant.now())) {
			throw new ConflictException("MyData task " + taskId + " is not locked by " + workerId
					+ " (its lock ran out, or another worker holds it); fetch tasks again");
		}
		return new Held(task.getId(), workerId, task.getBusinessKey(), MyDataCollection.source(task.getTopicName()),
				task.getRetries());
	}

}
