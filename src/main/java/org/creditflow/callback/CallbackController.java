package org.creditflow.callback;

import java.net.URI;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.creditflow.application.LoanApplications;
import org.creditflow.web.FieldProblem;
import org.creditflow.web.InvalidRequestException;
import org.creditflow.web.NotFoundException;
import org.creditflow.web.StrictJsonReader;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * A partner's decision callback, and the notifications an application caused.
 */
@RestController
@Tag(name = "Callbacks", description = "Be told when an application is decided instead of polling for it")
class CallbackController {

	private final PartnerCallbacks callbacks;

	private final CallbackUrls urls;

	private final Notifications notifications;

	private final LoanApplications applications;

	private final StrictJsonReader reader;

	CallbackController(PartnerCallbacks callbacks, CallbackUrls urls, Notifications notifications,
			LoanApplications applications, StrictJsonReader reader) {
		this.callbacks = callbacks;
		this.urls = urls;
		this.notifications = notifications;
		this.applications = applications;
		this.reader = reader;
	}

	@PutMapping(path = "/api/callbacks", consumes = "application/json")
	@PreAuthorize("hasAuthority('partners')")
	@Operation(summary = "Register the callback URL, or change it",
			description = "Every final status (approved, declined, withdrawn, expired) of an application this "
					+ "partner submitted is then POSTed there, signed: X-Creditflow-Signature is sha256=HMAC-SHA256 "
					+ "(secret, X-Creditflow-Timestamp + '.' + body). The first registration answers 201 with the "
					+ "secret, shown only then; a change of URL keeps it.",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
					content = @Content(schema = @Schema(implementation = CallbackRequest.class))))
	@ApiResponse(responseCode = "201", description = "registered; the answer holds the signing secret")
	@ApiResponse(responseCode = "200", description = "the URL changed; the secret stays")
	@ApiResponse(responseCode = "400", description = "not an HTTPS URL to a public address; every problem named")
	@ApiResponse(responseCode = "503", description = "callbacks are not set up on this service")
	ResponseEntity<CallbackView> register(@RequestBody JsonNode body, Authentication caller) {
		CallbackRequest request = this.reader.read(body, CallbackRequest.class);
		List<FieldProblem> problems = this.urls.problems(request.url())
			.stream()
			.map((problem) -> new FieldProblem("url", problem))
			.toList();
		if (!problems.isEmpty()) {
			throw new InvalidRequestException(problems);
		}
		PartnerCallbacks.Saved saved = this.callbacks.save(caller.getName(), request.url());
		CallbackView view = CallbackView.of(saved.callback(), saved.created());
		return saved.created() ? ResponseEntity.created(URI.create("/api/callbacks")).body(view)
				: ResponseEntity.ok(view);
	}

	@GetMapping("/api/callbacks")
	@PreAuthorize("hasAuthority('partners')")
	@Operation(summary = "The registered callback (without its secret)")
	@ApiResponse(responseCode = "404", description = "none registered")
	CallbackView get(Authentication caller) {
		return CallbackView.of(registered(caller), false);
	}

	@PostMapping("/api/callbacks/secret")
	@PreAuthorize("hasAuthority('partners')")
	@Operation(summary = "Replace the signing secret",
			description = "The answer holds the new secret, shown only then; notifications sent from now on are "
					+ "signed with it, retries of earlier ones included.")
	@ApiResponse(responseCode = "404", description = "none registered")
	CallbackView rotateSecret(Authentication caller) {
		return this.callbacks.rotateSecret(caller.getName())
			.map((callback) -> CallbackView.of(callback, true))
			.orElseThrow(CallbackController::noneRegistered);
	}

	@DeleteMapping("/api/callbacks")
	@PreAuthorize("hasAuthority('partners')")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Remove the callback; notifications not yet sent are skipped")
	@ApiResponse(responseCode = "404", description = "none registered")
	void delete(Authentication caller) {
		if (!this.callbacks.delete(caller.getName())) {
			throw noneRegistered();
		}
	}

	@GetMapping("/api/applications/{id}/notifications")
	@PreAuthorize("hasAnyAuthority('partners', 'loan-officers', 'senior-officers', 'auditors', 'camunda-admin')")
	@Operation(summary = "The notifications of an application's final status, with every failed attempt",
			description = "Empty when its partner had no callback registered when it was decided.")
	List<Notification> notifications(@PathVariable String id, Authentication caller) {
		return this.notifications.of(this.applications.visibleTo(id, caller).id());
	}

	private PartnerCallback registered(Authentication caller) {
		return this.callbacks.find(caller.getName()).orElseThrow(CallbackController::noneRegistered);
	}

	private static NotFoundException noneRegistered() {
		return new NotFoundException("No callback registered; register one with PUT /api/callbacks");
	}

}
