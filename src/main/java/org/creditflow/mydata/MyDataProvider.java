package org.creditflow.mydata;

import org.creditflow.application.Applicant;

/**
 * Where MyData comes from. A provider answers with the profile or throws; retrying is the
 * process's business, not the provider's.
 */
interface MyDataProvider {

	/** Recorded on every snapshot this provider's data went into. */
	String name();

	FinancialProfile fetchFinancial(Applicant applicant);

	TelecomProfile fetchTelecom(Applicant applicant);

}
