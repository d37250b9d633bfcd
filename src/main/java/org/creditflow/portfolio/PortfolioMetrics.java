package org.creditflow.portfolio;

import java.util.List;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The portfolio's key figures as gauges: the loans servicing has reported
 * ({@code creditflow.portfolio.loans.reported}), per grade the observed and the predicted
 * bad rate of the loans whose window has ended
 * ({@code creditflow.portfolio.bad.rate.observed} and {@code ...expected}, tag
 * {@code grade}), and how many grades are out of line with their PD
 * ({@code creditflow.portfolio.grades.out.of.line}, the calibration alert's input), and
 * the share of officers' decisions that overrode the rules
 * ({@code creditflow.portfolio.override.rate}, NaN before any). They are read from the
 * shared tables on a schedule, so every node reports the same numbers; until the first
 * read, and after a failed one, the counts are NaN. Each read takes the whole book, as
 * the calibration page does: right for tens of thousands of loans, to be moved into SQL
 * aggregates before millions.
 */
@Component
class PortfolioMetrics {

	private static final Logger log = LoggerFactory.getLogger(PortfolioMetrics.class);

	private final PerformanceRepository repository;

	private final PortfolioProperties properties;

	private final OfficerDecisions officerDecisions;

	private final MultiGauge observed;

	private final MultiGauge expected;

	private volatile double reported = Double.NaN;

	private volatile double outOfLine = Double.NaN;

	private volatile double overrideRate = Double.NaN;

	PortfolioMetrics(PerformanceRepository repository, PortfolioProperties properties,
			OfficerDecisions officerDecisions, MeterRegistry registry) {
		this.repository = repository;
		this.properties = properties;
		this.officerDecisions = officerDecisions;
		Gauge.builder("creditflow.portfolio.override.rate", this, (metrics) -> metrics.overrideRate)
			.description("Share of the officers' approvals and declines that went against the rules' band or terms")
			.register(registry);
		Gauge.builder("creditflow.portfolio.loans.reported", this, (metrics) -> metrics.reported)
			.description("Approved loans with at least one month reported by loan servicing")
			.register(registry);
		Gauge.builder("creditflow.portfolio.grades.out.of.line", this, (metrics) -> metrics.outOfLine)
			.description("Grades whose observed bad rate is out of line with their PD at decision (binomial test)")
			.register(registry);
		this.observed = MultiGauge.builder("creditflow.portfolio.bad.rate.observed")
			.description("Share of a grade's loans with a finished window that went bad")
			.register(registry);
		this.expected = MultiGauge.builder("creditflow.portfolio.bad.rate.expected")
			.description("Mean PD at decision of the same loans: the bad rate the ruleset predicted")
			.register(registry);
	}

	@Scheduled(fixedDelayString = "${creditflow.metrics.refresh-interval:PT30S}")
	void refresh() {
		try {
			List<LoanOnBook> book = this.repository.book();
			Calibration.Report calibration = Calibration.of(book, this.properties.bad().definition(),
					this.properties.calibration());
			this.reported = book.size();
			this.outOfLine = calibration.grades()
				.stream()
				.filter((grade) -> grade.verdict() == Calibration.Verdict.WORSE_THAN_PREDICTED
						|| grade.verdict() == Calibration.Verdict.BETTER_THAN_PREDICTED)
				.count();
			this.observed.register(calibration.grades()
				.stream()
				.map((grade) -> MultiGauge.Row.of(Tags.of("grade", grade.grade()), grade.observedBadRate()))
				.toList(), true);
			this.expected.register(calibration.grades()
				.stream()
				.map((grade) -> MultiGauge.Row.of(Tags.of("grade", grade.grade()), grade.expectedBadRate()))
				.toList(), true);
			Overrides.Report overrides = Overrides.of(this.officerDecisions.all(), this.properties.bad().definition());
			this.overrideRate = (overrides.reviewed() > 0) ? overrides.overrideRate() : Double.NaN;
		}
		catch (RuntimeException ex) {
			log.warn("Cannot read the portfolio for the metrics: {}", ex.toString());
			this.reported = Double.NaN;
			this.outOfLine = Double.NaN;
			this.overrideRate = Double.NaN;
		}
	}

}
