package org.creditflow.application;

import java.net.URI;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.creditflow.application.ApplicationIntake.Submission;
import org.creditflow.web.StrictJsonReader;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.lang.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;

/**
 * The applicant channel's door: submit an application with MyData consent, follow it,
 * read its decision and withdraw it.
 */
@RestController
@RequestMapping(path = "/api/applications", produces = "application/json")
@Tag(name = "Applications")
@SecurityRequirement(name = "basic")
class ApplicationController {

	private final ApplicationIntake intake;

	private final ApplicationQueries queries;

	private final ApplicantActions actions;

	private final StrictJsonReader reader;

	private final ViewTags etags;

	private final ContestIntake contests;

	ApplicationController(ApplicationIntake intake, ApplicationQueries queries, ApplicantActions actions,
			ContestIntake contests, StrictJsonReader reader, ObjectMapper json) {
		this.intake = intake;
		this.contests = contests;
		this.queries = queries;
		this.actions = actions;
		this.reader = reader;
		this.etags = new ViewTags(json);
	}

	@PostMapping(consumes = "application/json")
	@PreAuthorize("hasAnyAuthority('partners', 'loan-officers')")
	@Operation(summary = "Submit a loan application",
			description = "Stores the application and starts its assessment. Repeating a request with the same "
					+ "Idempotency-Key returns the first application (200) instead of creating another.",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
					content = @Content(schema = @Schema(implementation = NewApplication.class))))
	@ApiResponse(responseCode = "201", description = "created")
	@ApiResponse(responseCode = "200", description = "the application this Idempotency-Key created before")
	@ApiResponse(responseCode = "400", description = "invalid body; every invalid field is listed in errors")
	@ApiResponse(responseCode = "409", description = "the Idempotency-Key was used with a different body")
	@ApiResponse(responseCode = "422", description = "no consent to read financial data")
	ResponseEntity<ApplicationView> submit(@RequestBody JsonNode body,
			@Parameter(description = "makes retries safe: the same key and body create one application") @RequestHeader(
					name = "Idempotency-Key",
					required = false) @Nullable @Size(min = 1, max = 200) String idempotencyKey,
			Authentication caller, Locale locale) {
		NewApplication request = this.reader.read(body, NewApplication.class);
		Submission submission = this.intake.submit(request, caller.getName(), idempotencyKey);
		ApplicationView view = this.queries.view(submission.application(), locale);
		if (!submission.created()) {
			return ResponseEntity.ok(view);
		}
		return ResponseEntity.created(URI.create("/api/applications/" + view.id())).body(view);
	}

	@GetMapping("/{id}")
	@PreAuthorize("hasAnyAuthority('partners', 'loan-officers', 'senior-officers', 'auditors', 'camunda-admin')")
	@Operation(summary = "Read an application, its status and, once decided, its decision and reasons",
			description = "Reason texts are in Korean when the request says Accept-Language: ko. The answer "
					+ "carries an ETag: a client polling for the decision sends it back as If-None-Match and "
					+ "gets 304 Not Modified, without a body, until the application changes.")
	@ApiResponse(responseCode = "304", description = "unchanged since the ETag sent in If-None-Match")
	ResponseEntity<ApplicationView> get(@PathVariable String id, Authentication caller, Locale locale,
			WebRequest request) {
		ApplicationView view = this.queries.view(this.queries.visibleTo(id, caller), locale);
		String etag = this.etags.of(view);
		if (request.checkNotModified(etag)) {
			return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).build();
		}
		return ResponseEntity.ok().eTag(etag).body(view);
	}

	@GetMapping
	@PreAuthorize("hasAnyAuthority('loan-officers', 'senior-officers', 'auditors', 'camunda-admin')")
	@Operation(summary = "List applications, newest first (staff only)")
	ApplicationPage list(@RequestParam(required = false) @Nullable ApplicationStatus status,
			@RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size, Locale locale) {
		return this.queries.page(status, page, size, locale);
	}

	@PostMapping("/{id}/withdraw")
	@PreAuthorize("hasAnyAuthority('partners', 'loan-officers')")
	@Operation(summary = "Withdraw an application (idempotent)")
	@ApiResponse(responseCode = "409", description = "the application is already approved, declined or expired")
	ApplicationView withdraw(@PathVariable String id, Authentication caller, Locale locale) {
		LoanApplication application = this.queries.visibleTo(id, caller);
		return this.queries.view(this.actions.withdraw(application, caller.getName()), locale);
	}

	@PostMapping(path = "/{id}/information", consumes = "application/json")
	// only the applicant's channel answers: officers decide on what it sends
	@PreAuthorize("hasAuthority('partners')")
	@Operation(summary = "Send the information an officer asked for; the application is assessed again",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
					content = @Content(schema = @Schema(implementation = ProvidedInformation.class))))
	@ApiResponse(responseCode = "409", description = "the application is not waiting for information")
	ApplicationView provideInformation(@PathVariable String id, @RequestBody JsonNode body, Authentication caller,
			Locale locale) {
		ProvidedInformation information = this.reader.read(body, ProvidedInformation.class);
		LoanApplication application = this.queries.visibleTo(id, caller);
		return this.queries.view(this.actions.provideInformation(application, information, caller.getName()), locale);
	}

	@PostMapping("/{id}/offer/accept")
	// the applicant's choice, through their channel
	@PreAuthorize("hasAuthority('partners')")
	@Operation(summary = "Accept the counter-offer: the loan is granted for the amount offered",
			description = "An application approved for less than the amount asked (the DSR limit or the income "
					+ "cap allowed no more) is OFFERED, with its counterOffer, until the applicant accepts it "
					+ "(then APPROVED for the offered amount) or creditflow.decisions.counter-offer-validity "
					+ "passes (EXPIRED). To refuse it, withdraw the application. Accepting an approved "
					+ "application again changes nothing.")
	@ApiResponse(responseCode = "409", description = "the application has no counter-offer waiting")
	ApplicationView acceptOffer(@PathVariable String id, Authentication caller, Locale locale) {
		LoanApplication application = this.queries.visibleTo(id, caller);
		return this.queries.view(this.actions.acceptOffer(application, caller.getName()), locale);
	}

	@PostMapping(path = "/{id}/contest", consumes = "application/json")
	// the applicant's right, exercised through their channel
	@PreAuthorize("hasAuthority('partners')")
	@Operation(summary = "Contest a declined application: assess it again, or have a person review it",
			description = "The applicant's rights on an automated credit decision (Credit Information Act art. 36-2, "
					+ "PIPA art. 37-2). Creates a new application for the same loan with the corrections and a "
					+ "fresh MyData consent; it is assessed again and, unless the rules now approve it (and the "
					+ "applicant asked for REASSESS), decided by an officer who did not decide the contested "
					+ "application, within creditflow.review.contest-deadline before it escalates. The outcome is "
					+ "notified like any decision. The declined application keeps its decision and links to the "
					+ "contest (contestedBy).",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
					content = @Content(schema = @Schema(implementation = ContestRequest.class))))
	@ApiResponse(responseCode = "201", description = "the contest's own application, received")
	@ApiResponse(responseCode = "400", description = "invalid body; every invalid field is listed in errors")
	@ApiResponse(responseCode = "409",
			description = "not declined, past the contest window, contested already, or itself a contest")
	@ApiResponse(responseCode = "422", description = "no consent to read financial data")
	ResponseEntity<ApplicationView> contest(@PathVariable String id, @RequestBody JsonNode body, Authentication caller,
			Locale locale) {
		ContestRequest request = this.reader.read(body, ContestRequest.class);
		LoanApplication contested = this.queries.visibleTo(id, caller);
		ApplicationView view = this.queries.view(this.contests.contest(contested, request, caller.getName()), locale);
		return ResponseEntity.created(URI.create("/api/applications/" + view.id())).body(view);
	}

}
