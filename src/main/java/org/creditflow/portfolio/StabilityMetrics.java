package org.creditflow.portfolio;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import org.creditflow.scoring.DevelopmentSample;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The stability figures as gauges, from the current and the previous month:
 * {@code creditflow.portfolio.stability.index} per segment and characteristic
 * ({@code score} for the score's; segment {@code all}, characteristic {@code segment} for
 * the segment mix), from the newest month with enough applications to judge
 * ({@code judged="true"}, what the shift alert reads) or else the newest with any
 * ({@code judged="false"}, shown, not judged); and
 * {@code creditflow.portfolio.approval.rate}, approved of the decisions of the newest
 * month with any (NaN without). Computed every
 * {@code creditflow.portfolio.stability.refresh-interval} from the shared tables, so
 * every node reports the same.
 */
@Component
class StabilityMetrics {

	private static final Logger log = LoggerFactory.getLogger(StabilityMetrics.class);

	/** The current month and the one before, whose count is complete. */
	private static final int MONTHS = 2;

	/** The segment tag of the segment mix's index. */
	static final String ALL_SEGMENTS = "all";

	private final StabilityMonitor monitor;

	private final MultiGauge indices;

	private volatile double approvalRate = Double.NaN;

	StabilityMetrics(StabilityMonitor monitor, MeterRegistry registry) {
		this.monitor = monitor;
		this.indices = MultiGauge.builder("creditflow.portfolio.stability.index")
			.description("Population stability index of the score, or characteristic stability index, of the "
					+ "newest month's applicants against the development sample")
			.register(registry);
		Gauge.builder("creditflow.portfolio.approval.rate", this, (metrics) -> metrics.approvalRate)
			.description("Approved of the approved and declined applications of the newest month with decisions")
			.register(registry);
	}

	@Scheduled(fixedDelayString = "${creditflow.portfolio.stability.refresh-interval:PT5M}")
	void refresh() {
		try {
			Stability.Report report = this.monitor.report(null, MONTHS);
			this.indices.register(rows(report), true);
			this.approvalRate = report.months()
				.stream()
				.filter((month) -> month.approvalRate() != null)
				.reduce((older, newer) -> newer)
				.map(Stability.Month::approvalRate)
				.orElse(Double.NaN);
		}
		catch (RuntimeException ex) {
			log.warn("Cannot compute the stability figures for the metrics: {}", ex.toString());
			this.approvalRate = Double.NaN;
		}
	}

	/** Per segment and characteristic the newest judged index, else the newest shown. */
	private static List<MultiGauge.Row<?>> rows(Stability.Report report) {
		Map<List<String>, Stability.Index> newest = new LinkedHashMap<>();
		for (Stability.Month month : report.months()) {
			Map<List<String>, Stability.Index> indices = new LinkedHashMap<>();
			if (month.segmentMix() != null) {
				indices.put(List.of(ALL_SEGMENTS, Stability.SEGMENT_MIX), month.segmentMix());
			}
			for (Stability.Segment segment : month.segments()) {
				indices.put(List.of(segment.segment(), DevelopmentSample.SCORE), segment.score());
				segment.characteristics()
					.forEach((index) -> indices.put(List.of(segment.segment(), index.characteristic()), index));
			}
			indices.forEach((key, index) -> {
				Stability.Index known = newest.get(key);
				boolean judged = index.status() != Stability.Status.TOO_FEW;
				if (index.value() != null && (known == null || judged || known.status() == Stability.Status.TOO_FEW)) {
					newest.put(key, index);
				}
			});
		}
		List<MultiGauge.Row<?>> rows = new ArrayList<>();
		newest.forEach((key, index) -> rows.add(MultiGauge.Row.of(Tags.of("segment", key.get(0), "characteristic",
				key.get(1), "judged", Boolean.toString(index.status() != Stability.Status.TOO_FEW)), index.value())));
		return rows;
	}

}
