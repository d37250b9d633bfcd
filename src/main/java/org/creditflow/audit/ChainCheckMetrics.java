package org.creditflow.audit;

import java.time.OffsetDateTime;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.lang.Nullable;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * What the scheduled chain check ({@link RollingChainCheck}) last found, as gauges: the
 * last complete pass valid or not ({@code creditflow.audit.chain.valid}, 1 or 0; NaN
 * before the first pass), the records it found intact
 * ({@code creditflow.audit.chain.records.checked}), and when a run and a pass last ended
 * ({@code creditflow.audit.chain.check.timestamp} and
 * {@code creditflow.audit.chain.pass.timestamp}, seconds since the epoch; 0 before the
 * first), so an alert also notices a check that stopped running. Read from the shared row
 * on a schedule: every node reports the same values.
 */
@Component
class ChainCheckMetrics {

	private static final Logger log = LoggerFactory.getLogger(ChainCheckMetrics.class);

	private final JdbcClient jdbc;

	private volatile double valid = Double.NaN;

	private volatile double records = Double.NaN;

	private volatile double lastRun = Double.NaN;

	private volatile double lastPass = Double.NaN;

	ChainCheckMetrics(JdbcClient jdbc, MeterRegistry registry) {
		this.jdbc = jdbc;
		Gauge.builder("creditflow.audit.chain.valid", this, (metrics) -> metrics.valid)
			.description(
					"1 when the last complete pass of the scheduled chain check found the chain intact, 0 when not")
			.register(registry);
		Gauge.builder("creditflow.audit.chain.records.checked", this, (metrics) -> metrics.records)
			.description("Records the last complete pass found intact")
			.register(registry);
		Gauge.builder("creditflow.audit.chain.check.timestamp", this, (metrics) -> metrics.lastRun)
			.description("When the scheduled chain check last ran (0: never)")
			.baseUnit("seconds")
			.register(registry);
		Gauge.builder("creditflow.audit.chain.pass.timestamp", this, (metrics) -> metrics.lastPass)
			.description("When a pass of the scheduled chain check last ended (0: never)")
			.baseUnit("seconds")
			.register(registry);
	}

	@Scheduled(fixedDelayString = "${creditflow.metrics.refresh-interval:PT30S}")
	void refresh() {
		try {
			this.jdbc
				.sql("select last_run_at, last_pass_at, last_pass_valid, last_pass_records "
						+ "from decision_chain_check where id = 1")
				.query((rs) -> {
					Boolean passValid = rs.getObject("last_pass_valid", Boolean.class);
					this.valid = (passValid == null) ? Double.NaN : (passValid ? 1 : 0);
					Long passRecords = rs.getObject("last_pass_records", Long.class);
					this.records = (passRecords == null) ? Double.NaN : passRecords;
					this.lastRun = epochSeconds(rs.getObject("last_run_at", OffsetDateTime.class));
					this.lastPass = epochSeconds(rs.getObject("last_pass_at", OffsetDateTime.class));
				});
		}
		catch (RuntimeException ex) {
			log.warn("Cannot read the scheduled chain check's result for the metrics: {}", ex.toString());
			this.valid = Double.NaN;
			this.records = Double.NaN;
			this.lastRun = Double.NaN;
			this.lastPass = Double.NaN;
		}
	}

	private static double epochSeconds(@Nullable OffsetDateTime time) {
		return (time != null) ? time.toEpochSecond() : 0;
	}

}
