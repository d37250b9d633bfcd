package org.creditflow.application;

import java.net.URI;
import java.util.Set;

import io.swagger.v3.oas.annotations.Hidden;
import org.creditflow.application.BareEngine.Instance;
import org.creditflow.web.InvalidRequestException;
import org.creditflow.web.NotFoundException;

import org.springframework.context.annotation.Profile;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The bare engine's door for the load benchmark
 * ({@code scripts/LoadTest.java --mode bare}): the same sign-in and roles as submitting
 * and reading an application. Exists only with the profile {@value BareEngine#PROFILE}.
 */
@RestController
@Profile(BareEngine.PROFILE)
@RequestMapping(path = "/api/bare-engine/instances", produces = "application/json")
@Hidden
class BareEngineController {

	private static final Set<String> AUTOMATIC_BANDS = Set.of(LoanProcess.Bands.APPROVE, LoanProcess.Bands.DECLINE);

	record Started(String id, String status) {
	}

	private final BareEngine engine;

	BareEngineController(BareEngine engine) {
		this.engine = engine;
	}

	@PostMapping
	@PreAuthorize("hasAnyAuthority('partners', 'loan-officers')")
	ResponseEntity<Started> start(@RequestParam(defaultValue = LoanProcess.Bands.APPROVE) String band) {
		if (!AUTOMATIC_BANDS.contains(band)) {
			throw new InvalidRequestException("band", "APPROVE or DECLINE: the bare engine has no officer");
		}
		String id = this.engine.start(band);
		return ResponseEntity.created(URI.create("/api/bare-engine/instances/" + id)).body(new Started(id, "RUNNING"));
	}

	@GetMapping("/{id}")
	@PreAuthorize("hasAnyAuthority('partners', 'loan-officers', 'senior-officers', 'auditors', 'camunda-admin')")
	Instance get(@PathVariable String id) {
		return this.engine.find(id).orElseThrow(() -> new NotFoundException("No bare engine instance " + id));
	}

}
