package org.creditflow.mydata;

import java.time.Duration;
import java.util.stream.Stream;

import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.camunda.bpm.spring.boot.starter.property.JobExecutionProperty;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Refuses to start a node whose job locks could run out while a step still runs. A job
 * executor locks the jobs it acquires for {@code lock-time-in-millis}; when the lock runs
 * out, any node may acquire the job again, which is how a dead node's work gets done
 * elsewhere, and also how a step that is merely slow gets run twice. The longest step is
 * a MyData fetch, one request per attempt (a retry is a new acquisition with a new lock),
 * bounded by the source's timeout; an acquired job may first wait in the executor's queue
 * behind jobs as slow as itself, served by the core threads.
 */
@Component
class JobLockCheck implements InitializingBean {

	private final MyDataProperties mydata;

	private final JobExecutionProperty jobExecution;

	private final ObjectProvider<JobExecutor> jobExecutor;

	JobLockCheck(MyDataProperties mydata, CamundaBpmProperties camunda, ObjectProvider<JobExecutor> jobExecutor) {
		this.mydata = mydata;
		this.jobExecution = camunda.getJobExecution();
		this.jobExecutor = jobExecutor;
	}

	@Override
	public void afterPropertiesSet() {
		// the starter makes no job executor for a node with job execution disabled
		JobExecutor executor = this.jobExecutor.getIfAvailable();
		if (executor == null) {
			return;
		}
		Duration lock = Duration.ofMillis(executor.getLockTimeInMillis());
		Duration hold = longestHold();
		if (lock.compareTo(hold) < 0) {
			throw new IllegalStateException("camunda.bpm.job-execution.lock-time-in-millis is " + lock.toMillis()
					+ ", shorter than a MyData step can hold its job: up to " + queuedRounds()
					+ " rounds of slow steps queued ahead of it (queue-capacity " + this.jobExecution.getQueueCapacity()
					+ " over core-pool-size " + this.jobExecution.getCorePoolSize() + ") and its own, each up to "
					+ longestFetch().toMillis() + " ms (creditflow.mydata.*.timeout), " + hold.toMillis()
					+ " ms in all. A lock that runs out first gets slow steps run twice: set the lock time to at least "
					+ hold.toMillis() + " (docs/operations.md, \"Job locks and recovery\")");
		}
	}

	/** From acquisition to the end of the step, when every step ahead is as slow. */
	Duration longestHold() {
		return longestFetch().multipliedBy(queuedRounds() + 1);
	}

	private int queuedRounds() {
		int threads = Math.max(1, this.jobExecution.getCorePoolSize());
		return (this.jobExecution.getQueueCapacity() + threads - 1) / threads;
	}

	/** One request: its timeout covers connecting, sending and reading the answer. */
	private Duration longestFetch() {
		return Stream.of(DataSource.values())
			.map((source) -> this.mydata.source(source).timeout())
			.max(Duration::compareTo)
			.orElseThrow();
	}

}
