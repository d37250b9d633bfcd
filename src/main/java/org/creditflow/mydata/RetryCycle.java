package org.creditflow.mydata;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A retry cycle as Camunda writes it ({@code creditflow.mydata.retry-cycle}): an ISO-8601
 * repetition such as {@code R3/PT10S} (three attempts, ten seconds apart) or a list of
 * intervals such as {@code PT5S,PT30S} (as many attempts as entries). The job executor
 * reads it from the BPMN; the workers' external tasks are retried by the same numbers
 * ({@link MyDataWork}), so both ways of collecting try a provider alike.
 */
record RetryCycle(int attempts, List<Duration> intervals) {

	private static final Pattern REPEAT = Pattern.compile("^R(\\d+)/(.+)$");

	static RetryCycle parse(String cycle) {
		Matcher repeat = REPEAT.matcher(cycle.strip());
		if (repeat.find()) {
			return new RetryCycle(Integer.parseInt(repeat.group(1)), List.of(Duration.parse(repeat.group(2))));
		}
		List<Duration> intervals = Arrays.stream(cycle.split(",")).map(String::strip).map(Duration::parse).toList();
		return new RetryCycle(intervals.size(), intervals);
	}

	/**
	 * How long to wait after the given failed attempt (1 for the first) before the next.
	 */
	Duration intervalAfter(int failedAttempt) {
		return this.intervals.get(Math.min(failedAttempt, this.intervals.size()) - 1);
	}

}
