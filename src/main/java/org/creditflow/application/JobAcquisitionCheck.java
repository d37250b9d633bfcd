package org.creditflow.application;

import org.camunda.bpm.engine.impl.jobexecutor.AcquiredJobs;
import org.camunda.bpm.engine.impl.jobexecutor.BackoffJobAcquisitionStrategy;
import org.camunda.bpm.engine.impl.jobexecutor.JobAcquisitionContext;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Refuses to start a node whose job acquisition would spin while idle. When an
 * acquisition finds nothing, Camunda waits {@code wait-time-in-millis} and then longer
 * each time (times {@code wait-increase-factor}) up to {@code max-wait}. With
 * {@code max-wait} below {@code wait-time-in-millis} that back-off never starts: the
 * acquisition thread queries the job table without pause and an idle service burns a
 * whole core, which under load is taken from the real work (docs/benchmarks.md, "Idle
 * CPU"). The check asks Camunda's own acquisition strategy, fed idle rounds, how long it
 * would wait.
 */
@Component
class JobAcquisitionCheck implements InitializingBean {

	/** Enough idle rounds for any sensible back-off to reach its ceiling. */
	private static final int IDLE_ROUNDS = 20;

	private final ObjectProvider<JobExecutor> jobExecutor;

	JobAcquisitionCheck(ObjectProvider<JobExecutor> jobExecutor) {
		this.jobExecutor = jobExecutor;
	}

	@Override
	public void afterPropertiesSet() {
		// the starter makes no job executor for a node with job execution disabled
		JobExecutor executor = this.jobExecutor.getIfAvailable();
		if (executor == null) {
			return;
		}
		long idleWait = idleWaitInMillis(executor);
		if (idleWait <= 0) {
			throw new IllegalStateException("The job executor would query for jobs without pause while idle (it waits "
					+ idleWait + " ms after an empty acquisition): camunda.bpm.job-execution.max-wait ("
					+ executor.getMaxWait() + ") must be at least wait-time-in-millis ("
					+ executor.getWaitTimeInMillis() + "), which must be above 0, and wait-increase-factor ("
					+ executor.getWaitIncreaseFactor()
					+ ") above 1, so the back-off can grow (docs/operations.md, \"Job executor\")");
		}
	}

	/** How long Camunda's acquisition waits once it has found nothing for a while. */
	static long idleWaitInMillis(JobExecutor executor) {
		BackoffJobAcquisitionStrategy strategy = new BackoffJobAcquisitionStrategy(executor);
		for (int round = 0; round < IDLE_ROUNDS; round++) {
			// an engine asked for jobs and none was due
			JobAcquisitionContext nothingDue = new JobAcquisitionContext();
			nothingDue.submitAcquiredJobs("idle", new AcquiredJobs(executor.getMaxJobsPerAcquisition()));
			strategy.reconfigure(nothingDue);
		}
		return strategy.getWaitTime();
	}

}
