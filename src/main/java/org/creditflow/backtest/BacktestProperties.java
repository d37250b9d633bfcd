package org.creditflow.backtest;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How many backtests a node takes, set under {@code creditflow.backtests}.
 *
 * @param concurrent runs at a time on each node; each run uses every core
 * @param queue runs accepted to wait on each node beyond those; more are refused (429)
 * @param maxUpload the largest lending-history file {@code POST /api/backtests} takes,
 * far above the service's limit for other bodies; it is streamed to a temporary file,
 * never held in memory
 */
@ConfigurationProperties("creditflow.backtests")
record BacktestProperties(@DefaultValue("1") int concurrent, @DefaultValue("10") int queue,
		@DefaultValue("200MB") DataSize maxUpload) {

	BacktestProperties {
		if (concurrent < 1) {
			throw new IllegalArgumentException("creditflow.backtests.concurrent must be 1 or more, not " + concurrent);
		}
		if (queue < 0) {
			throw new IllegalArgumentException("creditflow.backtests.queue must be 0 or more, not " + queue);
		}
	}

}
