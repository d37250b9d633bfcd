package org.creditflow.application;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.function.Supplier;

import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.creditflow.application.LoanProcess.Variables;
import org.creditflow.web.ConflictException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What an applicant's channel can do to an application after submitting it: withdraw it,
 * send the information an officer asked for, or accept a counter-offer. Each reaches the
 * process as a message.
 */
@Service
class ApplicantActions {

	private static final Logger log = LoggerFactory.getLogger(ApplicantActions.class);

	/** A message can race a job of the same instance; the engine then asks to retry. */
	private static final int ATTEMPTS = 3;

	private final LoanApplicationRepository applications;

	private final InformationResponseRepository responses;

	private final RuntimeService runtime;

	private final TransactionTemplate transaction;

	private final Clock clock;

	ApplicantActions(LoanApplicationRepository applications, InformationResponseRepository responses,
			RuntimeService runtime, TransactionTemplate transaction, Clock clock) {
		this.applications = applications;
		this.responses = responses;
		this.runtime = runtime;
		this.transaction = transaction;
		this.clock = clock;
	}

	/**
	 * Withdraws the application; withdrawing a withdrawn one again changes nothing.
	 * @throws ConflictException once the application has another final status
	 */
	LoanApplication withdraw(LoanApplication application, String user) {
		if (application.status() == ApplicationStatus.WITHDRAWN) {
			return application;
		}
		requireOpen(application, "withdrawn");
		correlate(application, LoanProcess.MESSAGE_WITHDRAWN,
				() -> this.runtime.createMessageCorrelation(LoanProcess.MESSAGE_WITHDRAWN)
					.processInstanceBusinessKey(application.id())
					.setVariable(Variables.WITHDRAWN_BY, user)
					.correlateWithResult());
		log.info("Application {} withdrawn by {}", application.id(), user);
		return this.applications.findById(application.id()).orElseThrow();
	}

	/**
	 * Accepts the counter-offer the application waits on: the loan is granted for the
	 * offered amount. Accepting an application approved already changes nothing.
	 * @throws ConflictException when the application has no counter-offer waiting
	 */
	LoanApplication acceptOffer(LoanApplication application, String user) {
		if (application.status() == ApplicationStatus.APPROVED) {
			return application;
		}
		if (application.status() != ApplicationStatus.OFFERED) {
			throw new ConflictException("Application " + application.id() + " is " + application.status()
					+ " and has no counter-offer to accept.");
		}
		correlate(application, LoanProcess.MESSAGE_COUNTER_OFFER_ACCEPTED,
				() -> this.runtime.createMessageCorrelation(LoanProcess.MESSAGE_COUNTER_OFFER_ACCEPTED)
					.processInstanceBusinessKey(application.id())
					.setVariable(Variables.OFFER_ACCEPTED_BY, user)
					.correlateWithResult());
		log.info("Counter-offer of application {} accepted by {}", application.id(), user);
		return this.applications.findById(application.id()).orElseThrow();
	}

	/**
	 * Hands the information an officer asked for to the waiting process, which assesses
	 * the application again with it, and records who answered (they may not decide the
	 * review that follows).
	 * @throws ConflictException when the application is not waiting for information
	 */
	LoanApplication provideInformation(LoanApplication application, ProvidedInformation information, String user) {
		requireOpen(application, "updated");
		correlate(application, LoanProcess.MESSAGE_INFORMATION_PROVIDED, () -> {
			OffsetDateTime now = OffsetDateTime.now(this.clock);
			this.responses.insert(application.id(), information, user, now);
			if (information.annualIncome() != null || information.employmentType() != null) {
				this.applications.updateIncome(application.id(),
						(information.annualIncome() != null) ? information.annualIncome()
								: application.applicant().annualIncome(),
						(information.employmentType() != null) ? information.employmentType()
								: application.applicant().employmentType(),
						now);
			}
			return this.runtime.createMessageCorrelation(LoanProcess.MESSAGE_INFORMATION_PROVIDED)
				.processInstanceBusinessKey(application.id())
				.setVariable(Variables.PROVIDED_INFORMATION, information.message())
				.correlateWithResult();
		});
		log.info("Information for application {} provided by {}", application.id(), user);
		return this.applications.findById(application.id()).orElseThrow();
	}

	private void requireOpen(LoanApplication application, String verb) {
		if (application.status().isFinal()) {
			throw new ConflictException("Application " + application.id() + " is " + application.status()
					+ " and can no longer be " + verb + ".");
		}
	}

	private void correlate(LoanApplication application, String message, Supplier<?> step) {
		for (int attempt = 1;; attempt++) {
			try {
				this.transaction.execute((status) -> step.get());
				return;
			}
			catch (OptimisticLockingException ex) {
				if (attempt == ATTEMPTS) {
					throw new ConflictException("Application " + application.id()
							+ " is being processed right now; please try again in a moment.");
				}
			}
			catch (MismatchingMessageCorrelationException ex) {
				ApplicationStatus now = this.applications.findById(application.id())
					.map(LoanApplication::status)
					.orElse(application.status());
				throw new ConflictException(
						"Application " + application.id() + " is " + now + " and does not accept " + message + " now.");
			}
		}
	}

}
