package org.creditflow.application;

import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What other modules may read of an application: the applicant, the request and the
 * consent their steps work on.
 */
@Service
@Transactional(readOnly = true)
public class LoanApplications {

	private final LoanApplicationRepository applications;

	LoanApplications(LoanApplicationRepository applications) {
		this.applications = applications;
	}

	public Optional<LoanApplication> find(String id) {
		return this.applications.findById(id);
	}

	/**
	 * The application a process step works on; it exists, since intake stores it before
	 * the process starts.
	 */
	public LoanApplication get(String id) {
		return find(id).orElseThrow(() -> new IllegalStateException("No loan application " + id));
	}

}
