package org.creditflow.mydata;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.creditflow.mydata.MyDataUnavailableException.Reason;
import org.creditflow.mydata.MyDataWork.Order;
import org.creditflow.mydata.MyDataWork.Report;
import org.creditflow.web.StrictJsonReader;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The MyData workers' door ({@code mydata-workers} only): for each external task a worker
 * locked through {@code /engine-rest/external-task/fetchAndLock}, what to fetch, and what
 * came of it ({@link MyDataWork}).
 */
@RestController
@RequestMapping(path = "/api/mydata-work/{taskId}", produces = "application/json", consumes = "application/json")
@Tag(name = "MyData workers")
@SecurityRequirement(name = "basic")
@PreAuthorize("hasAuthority('mydata-workers')")
class MyDataWorkController {

	/** A worker's id as it locked the task: its user id, {@code @}, then its own part. */
	record Worker(@NotBlank @Size(max = 255) String workerId) {
	}

	/**
	 * @param provider the provider the worker asked, recorded on the snapshot
	 * @param payload the provider's answer exactly as received
	 */
	record Answer(@NotBlank @Size(max = 255) String workerId, @NotBlank @Size(max = 100) String provider,
			@NotBlank String payload) {
	}

	/**
	 * @param message why, without personal data: it becomes the incident's message
	 */
	record Failure(@NotBlank @Size(max = 255) String workerId, @NotBlank @Size(max = 100) String provider,
			@NotNull Reason reason, @NotBlank @Size(max = 1000) String message) {
	}

	private final MyDataWork work;

	private final StrictJsonReader reader;

	MyDataWorkController(MyDataWork work, StrictJsonReader reader) {
		this.work = work;
		this.reader = reader;
	}

	@PostMapping("/order")
	@Operation(summary = "What to fetch for a locked MyData task",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
					content = @Content(schema = @Schema(implementation = Worker.class))))
	@ApiResponse(responseCode = "200", description = "the person whose profile to fetch from the task's source")
	@ApiResponse(responseCode = "204",
			description = "nothing to fetch (no consent, or already stored); " + "the task is completed")
	@ApiResponse(responseCode = "409", description = "the task is not locked by this worker (any more)")
	ResponseEntity<Order> order(@PathVariable String taskId, @RequestBody JsonNode body, Authentication caller) {
		Worker worker = this.reader.read(body, Worker.class);
		return this.work.order(taskId, worker.workerId(), caller.getName())
			.map(ResponseEntity::ok)
			.orElseGet(() -> ResponseEntity.noContent().build());
	}

	@PostMapping("/answer")
	@Operation(summary = "The provider's answer to a locked MyData task",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
					content = @Content(schema = @Schema(implementation = Answer.class))))
	@ApiResponse(responseCode = "200", description = "STORED, or what became of an answer that is not a profile")
	@ApiResponse(responseCode = "409", description = "the task is not locked by this worker (any more)")
	Report answer(@PathVariable String taskId, @RequestBody JsonNode body, Authentication caller) {
		Answer answer = this.reader.read(body, Answer.class);
		return this.work.answered(taskId, answer.workerId(), caller.getName(), answer.provider(), answer.payload());
	}

	@PostMapping("/failure")
	@Operation(summary = "A failed attempt at a locked MyData task",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
					content = @Content(schema = @Schema(implementation = Failure.class))))
	@ApiResponse(responseCode = "200",
			description = "RETRY (with when), or after the last attempt MISSING or " + "INCIDENT")
	@ApiResponse(responseCode = "409", description = "the task is not locked by this worker (any more)")
	Report failure(@PathVariable String taskId, @RequestBody JsonNode body, Authentication caller) {
		Failure failure = this.reader.read(body, Failure.class);
		return this.work.failed(taskId, failure.workerId(), caller.getName(), failure.provider(), failure.reason(),
				failure.message());
	}

}
