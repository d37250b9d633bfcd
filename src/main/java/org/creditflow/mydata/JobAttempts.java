package org.creditflow.mydata;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutorContext;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;

/**
 * Tells a step whether the job executor will try it again after this attempt. Camunda
 * keeps that count on the job it is running; the engine has no public API for it, so this
 * is the one place that reads the engine's context.
 */
final class JobAttempts {

	private static final Pattern REPEAT = Pattern.compile("^R(\\d+)/");

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
		int left = firstAttempt ? attempts(retryCycle) : job.getRetries();
		return left <= 1;
	}

	/**
	 * {@code R3/PT10S} makes three attempts; a list of intervals one more than its
	 * length.
	 */
	static int attempts(String retryCycle) {
		Matcher repeat = REPEAT.matcher(retryCycle.strip());
		return repeat.find() ? Integer.parseInt(repeat.group(1)) : retryCycle.split(",").length;
	}

}
