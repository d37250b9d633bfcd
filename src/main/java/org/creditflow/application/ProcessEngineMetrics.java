package org.creditflow.application;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * What the process engine has waiting, as gauges: jobs due that no node has taken
 * ({@code creditflow.engine.jobs.due}), jobs out of retries
 * ({@code creditflow.engine.jobs.failed}) and open incidents
 * ({@code creditflow.engine.incidents.open}). They count the shared job table, so every
 * node reports the same numbers (take the max across nodes, never the sum). The counts
 * are read on a schedule, not when scraped, so a slow database never stalls a scrape and
 * scrapes never add load; until the first read, and after a failed one, they are NaN.
 */
@Component
class ProcessEngineMetrics {

	private static final Logger log = LoggerFactory.getLogger(ProcessEngineMetrics.class);

	private final ManagementService management;

	private final RuntimeService runtime;

	private volatile double jobsDue = Double.NaN;

	private volatile double jobsFailed = Double.NaN;

	private volatile double incidentsOpen = Double.NaN;

	ProcessEngineMetrics(ManagementService management, RuntimeService runtime, MeterRegistry registry) {
		this.management = management;
		this.runtime = runtime;
		Gauge.builder("creditflow.engine.jobs.due", this, (metrics) -> metrics.jobsDue)
			.description("Jobs due with retries left that no node has locked: the job executors' backlog")
			.register(registry);
		Gauge.builder("creditflow.engine.jobs.failed", this, (metrics) -> metrics.jobsFailed)
			.description("Jobs without retries left (each is an incident until an operator retries it)")
			.register(registry);
		Gauge.builder("creditflow.engine.incidents.open", this, (metrics) -> metrics.incidentsOpen)
			.description("Open incidents, of every process")
			.register(registry);
	}

	@Scheduled(fixedDelayString = "${creditflow.metrics.refresh-interval:PT30S}")
	void refresh() {
		try {
			long due = this.management.createJobQuery().executable().active().count();
			long locked = this.management.createJobQuery().executable().active().acquired().count();
			this.jobsDue = Math.max(0, due - locked);
			this.jobsFailed = this.management.createJobQuery().noRetriesLeft().count();
			this.incidentsOpen = this.runtime.createIncidentQuery().count();
		}
		catch (RuntimeException ex) {
			log.warn("Cannot read the process engine's jobs and incidents for the metrics: {}", ex.toString());
			this.jobsDue = Double.NaN;
			this.jobsFailed = Double.NaN;
			this.incidentsOpen = Double.NaN;
		}
	}

}
