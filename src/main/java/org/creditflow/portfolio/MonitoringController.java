package org.creditflow.portfolio;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.creditflow.web.InvalidRequestException;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * How the booked loans perform against what was predicted when they were approved.
 */
@RestController
@Tag(name = "Portfolio monitoring",
		description = "Stability of the applicants, and vintages, calibration and overrides of the approved loans' outcomes")
@PreAuthorize("hasAnyAuthority('risk-analysts', 'risk-managers', 'auditors', 'camunda-admin')")
class MonitoringController {

	private final PerformanceRepository repository;

	private final PortfolioProperties properties;

	private final OfficerDecisions officerDecisions;

	private final StabilityMonitor stability;

	MonitoringController(PerformanceRepository repository, PortfolioProperties properties,
			OfficerDecisions officerDecisions, StabilityMonitor stability) {
		this.repository = repository;
		this.properties = properties;
		this.officerDecisions = officerDecisions;
		this.stability = stability;
	}

	@GetMapping("/api/monitoring/stability")
	@Operation(summary = "Each month's applicants against the development sample, and the approval rate",
			description = "Per month and segment: the population stability index of the score and the "
					+ "characteristic stability index of every scorecard characteristic, in the scorecards' own "
					+ "bins, against the development sample of the ruleset (the champion's unless one is named); "
					+ "below the watch threshold stable, above the shift threshold shifted, too few below the "
					+ "minimum applications. Beside them the share the rules approved and the approval rate of "
					+ "the month's decisions.")
	@ApiResponse(responseCode = "400", description = "months out of 1 to 120")
	@ApiResponse(responseCode = "404", description = "no such ruleset version")
	Stability.Report stability(
			@Parameter(description = "the ruleset whose development sample is the baseline; the champion's if "
					+ "omitted") @RequestParam(required = false) String rulesetVersion,
			@Parameter(description = "months to report, the current one included; "
					+ "creditflow.portfolio.stability.months if omitted") @RequestParam(
							required = false) Integer months) {
		int span = (months != null) ? months : this.properties.stability().months();
		if (span < 1 || span > 120) {
			throw new InvalidRequestException("months", "must be from 1 to 120");
		}
		return this.stability.report(rulesetVersion, span);
	}

	@GetMapping("/api/monitoring/vintages")
	@Operation(summary = "Cumulative bad rate by booking month and months on book",
			description = "For each vintage (loans booked in one month, split as asked) and each month on book of "
					+ "the bad definition's window: the loans observed that long and the share of them bad by then.")
	@ApiResponse(responseCode = "400", description = "an unknown split")
	Vintages.Report vintages(
			@Parameter(description = "none, grade, segment, ruleset_version or ruleset_role") @RequestParam(
					defaultValue = "none") String by) {
		return Vintages.of(this.repository.book(), this.properties.bad().definition(), split(by));
	}

	@GetMapping("/api/monitoring/calibration")
	@Operation(summary = "Expected (PD at decision) against observed bad rate per grade",
			description = "Loans whose performance window has ended or that went bad; a two-sided binomial test "
					+ "flags grades whose bad count is out of line with their mean PD.")
	Calibration.Report calibration() {
		return Calibration.of(this.repository.book(), this.properties.bad().definition(),
				this.properties.calibration());
	}

	@GetMapping("/api/monitoring/overrides")
	@Operation(summary = "Officers' decisions against the rules, and how those loans perform",
			description = "Approved although the PD is above the referral cut-off, declined although it is at or "
					+ "below the approval cut-off, approved on better terms than the rules offered: the rate, by "
					+ "officer and by reason, and the bad rate of each kind of approval against its mean PD.")
	Overrides.Report overrides() {
		return Overrides.of(this.officerDecisions.all(), this.properties.bad().definition());
	}

	private static Vintages.By split(String by) {
		try {
			return Vintages.By.valueOf(by.toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidRequestException("by",
					"must be one of " + Arrays.stream(Vintages.By.values())
						.map((value) -> value.name().toLowerCase(Locale.ROOT))
						.collect(Collectors.joining(", ")));
		}
	}

}
