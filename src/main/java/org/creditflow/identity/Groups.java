package org.creditflow.identity;

import java.util.List;

/**
 * The user groups of the Camunda identity store; each group is a role, and a user's
 * groups become their Spring Security authorities under the same names.
 */
public final class Groups {

	public static final String LOAN_OFFICERS = "loan-officers";

	public static final String SENIOR_OFFICERS = "senior-officers";

	public static final String RISK_ANALYSTS = "risk-analysts";

	public static final String RISK_MANAGERS = "risk-managers";

	public static final String AUDITORS = "auditors";

	/** API clients: the bank's app and partner apps that submit applications. */
	public static final String PARTNERS = "partners";

	/**
	 * Machine accounts of the MyData workers
	 * ({@code java -jar creditflow.jar mydata-worker}): they may lock MyData external
	 * tasks and report on them, and nothing else.
	 */
	public static final String MYDATA_WORKERS = "mydata-workers";

	/**
	 * Machine accounts of loan servicing: they report the approved loans' monthly status
	 * ({@code /api/loans/...}), and nothing else.
	 */
	public static final String SERVICERS = "servicers";

	/** Operators and administrators, with every Camunda permission. */
	public static final String ADMINS = "camunda-admin";

	public static final List<String> ALL = List.of(LOAN_OFFICERS, SENIOR_OFFICERS, RISK_ANALYSTS, RISK_MANAGERS,
			AUDITORS, PARTNERS, MYDATA_WORKERS, SERVICERS, ADMINS);

	private Groups() {
	}

}
