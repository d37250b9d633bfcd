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
@Tag(name = "Portfolio monitoring", description = "Vintages, calibration and overrides of the approved loans' outcomes")
@PreAuthorize("hasAnyAuthority('risk-analysts', 'risk-managers', 'auditors', 'camunda-admin')")
class MonitoringController {

	private final PerformanceRepository repository;

	private final PortfolioProperties properties;

	private final OfficerDecisions officerDecisions;

	MonitoringController(PerformanceRepository repository, PortfolioProperties properties,
			OfficerDecisions officerDecisions) {
		this.repository = repository;
		this.properties = properties;
		this.officerDecisions = officerDecisions;
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
