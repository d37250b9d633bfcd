package org.creditflow.mydata;

import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutorContext;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;

/**
 * Tells a step whether the job executor will try it again after this attempt. Camunda
 * keeps that count on the job it is running; the engine has no public API for it, so this
 * is the one place that reads the engine's context.
 */
final class JobAttempts {

	private JobAttempts() {
	}

	/**
	 * @param retryCycle the step's {@code failedJobRetryTimeCycle}, which sets the
	 * attempts once the first one failed
	 */
	static boolean isLast(String retryCycle) {
		JobExecutorContext context = Context.getJobExecutorContext();
		JobEntity job = (context != null) ? context.getCurrentJob() : null;
		if (job == null) {
			return true;
		}
		boolean firstAttempt = job.getExceptionMessage() == null && job.getExceptionByteArrayId() == null;
		int left = firstAttempt ? RetryCycle.parse(retryCycle).attempts() : job.getRetries();
		return left <= 1;
	}

}
