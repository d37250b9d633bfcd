package org.creditflow.portfolio;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.creditflow.web.FieldProblem;
import org.creditflow.web.InvalidRequestException;
import org.creditflow.web.NotFoundException;
import org.creditflow.web.StrictJsonReader;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Loan servicing's monthly reports of the approved loans, one at a time or as a CSV feed.
 */
@RestController
@Tag(name = "Loan performance", description = "Repayment outcomes of approved loans, reported by loan servicing")
class PerformanceController {

	private final LoanPerformance performance;

	private final PerformanceImport imports;

	private final StrictJsonReader reader;

	PerformanceController(LoanPerformance performance, PerformanceImport imports, StrictJsonReader reader) {
		this.performance = performance;
		this.imports = imports;
		this.reader = reader;
	}

	@PostMapping(path = "/api/loans/{applicationId}/performance", consumes = "application/json")
	@PreAuthorize("hasAuthority('servicers')")
	@Operation(summary = "Report a loan's status in a month",
			description = "One report per loan and month: the same report sent again changes nothing (200, "
					+ "UNCHANGED); different figures for a month already reported replace them (200, CORRECTED, "
					+ "its revision counted). The loan's bad flag is derived again from all its months.",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
					content = @Content(schema = @Schema(implementation = PerformanceReport.class))))
	@ApiResponse(responseCode = "201", description = "the month's first report")
	@ApiResponse(responseCode = "200", description = "sent again (UNCHANGED) or corrected (CORRECTED)")
	@ApiResponse(responseCode = "400", description = "every problem of the report named")
	@ApiResponse(responseCode = "404", description = "no such application")
	@ApiResponse(responseCode = "409", description = "the application was not approved: no loan")
	ResponseEntity<LoanPerformance.Reported> report(@PathVariable String applicationId, @RequestBody JsonNode body,
			Authentication caller) {
		PerformanceReport report = this.reader.read(body, PerformanceReport.class);
		LoanPerformance.Reported reported = this.performance.report(applicationId, report, caller.getName());
		return (reported.result() == LoanPerformance.Result.CREATED)
				? ResponseEntity.created(URI.create("/api/loans/" + applicationId + "/performance")).body(reported)
				: ResponseEntity.ok(reported);
	}

	@GetMapping("/api/loans")
	@PreAuthorize("hasAnyAuthority('servicers', 'risk-analysts', 'risk-managers', 'auditors', 'camunda-admin')")
	@Operation(summary = "The approved loans, oldest first, a page at a time",
			description = "What servicing takes on: amount, rate, term, and the origination grade and PD.")
	@ApiResponse(responseCode = "400", description = "offset below 0, or limit outside 1-1000")
	List<BookEntry> loans(@RequestParam(defaultValue = "0") int offset,
			@RequestParam(defaultValue = "1000") int limit) {
		List<FieldProblem> problems = new ArrayList<>();
		if (offset < 0) {
			problems.add(new FieldProblem("offset", "must be 0 or more"));
		}
		if (limit < 1 || limit > 1000) {
			problems.add(new FieldProblem("limit", "must be between 1 and 1000"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidRequestException(problems);
		}
		return this.performance.book(offset, limit);
	}

	@GetMapping("/api/loans/{applicationId}/performance")
	@PreAuthorize("hasAnyAuthority('servicers', 'risk-analysts', 'risk-managers', 'auditors', 'camunda-admin')")
	@Operation(summary = "A loan's reported months and its outcome so far")
	@ApiResponse(responseCode = "404", description = "no such application, or no month reported yet")
	@ApiResponse(responseCode = "409", description = "the application was not approved: no loan")
	LoanHistory history(@PathVariable String applicationId) {
		return this.performance.history(applicationId)
			.orElseThrow(() -> new NotFoundException("No month of loan " + applicationId + " reported yet"));
	}

	@PostMapping(path = PortfolioConfiguration.IMPORT_PATH, consumes = "text/csv")
	@PreAuthorize("hasAuthority('servicers')")
	@Operation(summary = "Import a servicing feed (CSV)",
			description = "Header applicationId,month,daysPastDue,status,balance, then one loan-month a row. Each "
					+ "row is stored as one report would be; rows with problems are listed with their line and "
					+ "problems, and every other row is imported. A wrong header or too many rows imports nothing.")
	@ApiResponse(responseCode = "200", description = "imported; the answer counts what each row did")
	@ApiResponse(responseCode = "400", description = "the header or the size is wrong: nothing imported")
	PerformanceImport.Summary importCsv(HttpServletRequest request, Authentication caller) throws IOException {
		try (BufferedReader csv = new BufferedReader(
				new InputStreamReader(request.getInputStream(), StandardCharsets.UTF_8))) {
			return this.imports.importCsv(csv, caller.getName());
		}
	}

}
