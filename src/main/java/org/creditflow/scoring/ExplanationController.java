package org.creditflow.scoring;

import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.creditflow.application.LoanApplications;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The explanation of an application's automated assessment, for the applicant's channel
 * and for staff.
 */
@RestController
@Tag(name = "Applications")
@SecurityRequirement(name = "basic")
class ExplanationController {

	private final LoanApplications applications;

	private final Explanations explanations;

	ExplanationController(LoanApplications applications, Explanations explanations) {
		this.applications = applications;
		this.explanations = explanations;
	}

	@GetMapping(path = "/api/applications/{id}/explanation", produces = "application/json")
	@PreAuthorize("hasAnyAuthority('partners', 'loan-officers', 'senior-officers', 'auditors', 'camunda-admin')")
	@Operation(summary = "Explain the automated assessment: result, main criteria, data used and their weights",
			description = "What the Credit Information Act lets an applicant ask about an automated credit decision. "
					+ "Texts are in Korean when the request says Accept-Language: ko.")
	Explanation explain(@PathVariable String id, Authentication caller, Locale locale) {
		return this.explanations.explain(this.applications.visibleTo(id, caller), locale);
	}

}
