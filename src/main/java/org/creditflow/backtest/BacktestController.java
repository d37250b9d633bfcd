package org.creditflow.backtest;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.OffsetDateTime;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import org.creditflow.backtest.BacktestRun.Status;
import org.creditflow.web.ConflictException;
import org.creditflow.web.NotFoundException;
import org.creditflow.web.StrictJsonReader;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.lang.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The risk team's door to backtests inside the service: request one on the recorded
 * assessments or on an uploaded lending history, follow it, and read its report,
 * decisions and summary. Runs wait and run on this node's bounded queue, never on a web
 * thread.
 */
@RestController
@RequestMapping(path = "/api/backtests", produces = "application/json")
@Tag(name = "Backtests")
@SecurityRequirement(name = "basic")
class BacktestController {

	/** Who may backtest: the risk team, and the administrators as on the rulesets API. */
	static final String RISK_TEAM = "hasAnyAuthority('risk-analysts', 'risk-managers', 'camunda-admin')";

	/**
	 * OpenAPI has one operation per path and method, so both ways to request a backtest
	 * share their description.
	 */
	private static final String REQUEST_SUMMARY = "Request a backtest on the recorded assessments (JSON body) or on a"
			+ " lending history (CSV body)";

	private static final String REQUEST_DESCRIPTION = "With application/json the body names the rulesets and the"
			+ " period of recorded assessments. With text/csv the body is a lending history (the format of the"
			+ " history command, up to creditflow.backtests.max-upload) and the query names the rulesets. Everything"
			+ " is checked first (rulesets found and compiled, the period holds assessments, the file's every row);"
			+ " then the run is queued and the answer comes at once: follow it at Location.";

	private final BacktestPlanner planner;

	private final BacktestRuns runs;

	private final BacktestQueue queue;

	private final StrictJsonReader reader;

	BacktestController(BacktestPlanner planner, BacktestRuns runs, BacktestQueue queue, StrictJsonReader reader) {
		this.planner = planner;
		this.runs = runs;
		this.queue = queue;
		this.reader = reader;
	}

	@PostMapping(consumes = "application/json")
	@PreAuthorize(RISK_TEAM)
	@Operation(summary = REQUEST_SUMMARY, description = REQUEST_DESCRIPTION,
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
					content = @Content(schema = @Schema(implementation = BacktestRequest.class))))
	@ApiResponse(responseCode = "202", description = "accepted; the run is queued")
	@ApiResponse(responseCode = "400", description = "every problem with the request is listed in errors")
	@ApiResponse(responseCode = "429", description = "this node's backtest queue is full; try again after Retry-After")
	ResponseEntity<BacktestRunView> requestOnRecorded(@RequestBody JsonNode body, Authentication caller) {
		BacktestRequest request = this.reader.read(body, BacktestRequest.class);
		BacktestQueue.Place place = this.queue.reserve();
		try {
			return accepted(this.runs.accept(this.planner.recorded(request), caller.getName(), place));
		}
		finally {
			place.release();
		}
	}

	@PostMapping(consumes = "text/csv")
	@PreAuthorize(RISK_TEAM)
	@Operation(summary = REQUEST_SUMMARY, description = REQUEST_DESCRIPTION,
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
					content = @Content(mediaType = "text/csv", schema = @Schema(type = "string"))))
	@ApiResponse(responseCode = "202", description = "accepted; the run is queued")
	@ApiResponse(responseCode = "400",
			description = "every problem is listed in errors: rulesets by name, the file's by row and column")
	@ApiResponse(responseCode = "413", description = "the file is larger than creditflow.backtests.max-upload")
	@ApiResponse(responseCode = "429", description = "this node's backtest queue is full; try again after Retry-After")
	ResponseEntity<BacktestRunView> requestOnUpload(@Parameter(
			description = "with a CSV body: active, candidate (the rules folder as it is now) or a version") @RequestParam(
					required = false) @Nullable String ruleset,
			@Parameter(description = "with a CSV body: the ruleset to compare with, named the same way") @RequestParam(
					required = false) @Nullable String baseline,
			InputStream body, Authentication caller) throws IOException {
		BacktestQueue.Place place = this.queue.reserve();
		Path upload = null;
		BacktestRun accepted = null;
		try {
			upload = Files.createTempFile("backtest-upload-", ".csv");
			Files.copy(body, upload, StandardCopyOption.REPLACE_EXISTING);
			accepted = this.runs.accept(this.planner.upload(ruleset, baseline, upload), caller.getName(), place);
			return accepted(accepted);
		}
		finally {
			place.release();
			if (accepted == null && upload != null) {
				Files.deleteIfExists(upload);
			}
		}
	}

	@GetMapping
	@PreAuthorize(RISK_TEAM)
	@Operation(summary = "The latest 50 backtests, newest first (without their summaries)")
	List<BacktestRunView> list() {
		OffsetDateTime now = this.runs.now();
		return this.runs.latest().stream().map((run) -> BacktestRunView.of(run, now, null)).toList();
	}

	@GetMapping("/{id}")
	@PreAuthorize(RISK_TEAM)
	@Operation(summary = "A backtest: its status, progress and, once done, its summary and links to its results",
			description = "A run whose node stopped answering for more than two minutes reads INTERRUPTED.")
	@ApiResponse(responseCode = "404", description = "no such backtest")
	BacktestRunView get(@PathVariable String id) {
		BacktestRun run = find(id);
		return BacktestRunView.of(run, this.runs.now(), this.runs.summary(id).orElse(null));
	}

	@GetMapping(path = "/{id}/report", produces = "text/html;charset=UTF-8")
	@PreAuthorize(RISK_TEAM)
	@Operation(summary = "The backtest's report: one self-contained HTML page with tables and charts")
	@ApiResponse(responseCode = "409", description = "the run is not done")
	ResponseEntity<String> report(@PathVariable String id) {
		done(id);
		return ResponseEntity.ok()
			.header("Content-Security-Policy", ReportPage.CONTENT_SECURITY_POLICY)
			.body(this.runs.report(id).orElseThrow(() -> notFound(id)));
	}

	@GetMapping(path = "/{id}/summary", produces = "application/json")
	@PreAuthorize(RISK_TEAM)
	@Operation(summary = "The backtest's summary.json: the figures behind the report")
	@ApiResponse(responseCode = "409", description = "the run is not done")
	String summary(@PathVariable String id) {
		done(id);
		return this.runs.summary(id).orElseThrow(() -> notFound(id));
	}

	@GetMapping(path = "/{id}/decisions", produces = "text/csv")
	@PreAuthorize(RISK_TEAM)
	@Operation(summary = "The backtest's decisions.csv: one line per row with what each ruleset decided")
	@ApiResponse(responseCode = "409", description = "the run is not done")
	void decisions(@PathVariable String id, HttpServletResponse response) throws IOException {
		done(id);
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment().filename(BacktestFiles.DECISIONS).build().toString());
		this.runs.writeDecisions(id, response.getOutputStream());
	}

	private ResponseEntity<BacktestRunView> accepted(BacktestRun run) {
		BacktestRunView view = BacktestRunView.of(run, this.runs.now(), null);
		return ResponseEntity.accepted().location(URI.create(view.links().self())).body(view);
	}

	private BacktestRun find(String id) {
		return this.runs.find(id).orElseThrow(() -> notFound(id));
	}

	/** The run, when it is done; 404 or 409 otherwise. */
	private void done(String id) {
		Status status = find(id).statusAt(this.runs.now());
		if (status != Status.DONE) {
			throw new ConflictException("Backtest " + id + " is " + status + ": its results exist once it is DONE.");
		}
	}

	private static NotFoundException notFound(String id) {
		return new NotFoundException("There is no backtest " + id + ".");
	}

}
