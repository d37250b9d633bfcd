package org.creditflow.application;

/**
 * The contract of {@code processes/loan-application.bpmn}: its key, its messages and the
 * small process variables the steps exchange. Personal data and MyData payloads never
 * become process variables; they stay in the modules' own tables, keyed by the business
 * key, which is the application id.
 */
public final class LoanProcess {

	public static final String KEY = "loan-application";

	/** Correlated when the applicant withdraws; ends the process from any state. */
	public static final String MESSAGE_WITHDRAWN = "ApplicationWithdrawn";

	/**
	 * Correlated when the applicant accepts a counter-offer: an approval for less than
	 * the amount asked.
	 */
	public static final String MESSAGE_COUNTER_OFFER_ACCEPTED = "CounterOfferAccepted";

	/** Correlated when the applicant sends the information an officer asked for. */
	public static final String MESSAGE_INFORMATION_PROVIDED = "InformationProvided";

	/**
	 * The {@link Variables#CONTEST} of an application that contests nothing; a contest's
	 * is its {@link ContestKind}.
	 */
	public static final String NOT_CONTESTED = "NONE";

	public static final class Variables {

		// set at intake
		public static final String REQUESTED_AMOUNT = "requestedAmount";

		/**
		 * {@link LoanProcess#NOT_CONTESTED}, or the {@link ContestKind} of a contest: a
		 * contest reaches an officer unless the rules approve it, and always for
		 * {@code HUMAN_REVIEW}.
		 */
		public static final String CONTEST = "contest";

		public static final String FINANCIAL_CONSENT = "financialConsent";

		public static final String TELECOM_CONSENT = "telecomConsent";

		// set by each assessment
		public static final String BAND = "band";

		public static final String SCORE = "score";

		public static final String GRADE = "grade";

		public static final String SEGMENT = "segment";

		public static final String OFFER_LIMIT = "offerLimit";

		public static final String OFFER_RATE = "offerRate";

		/**
		 * Reason codes of the latest assessment, most important first, comma-separated.
		 */
		public static final String REASON_CODES = "reasonCodes";

		public static final String RULESET_VERSION = "rulesetVersion";

		public static final String ASSESSMENT_ID = "assessmentId";

		// set by the officer in Task_ReviewApplication (checked on the server)
		public static final String REVIEW_DECISION = "reviewDecision";

		public static final String REVIEW_COMMENT = "reviewComment";

		public static final String APPROVED_LIMIT = "approvedLimit";

		public static final String APPROVED_RATE = "approvedRate";

		public static final String DECLINE_REASON = "declineReason";

		public static final String INFORMATION_REQUESTED = "informationRequested";

		// set by the officer approving without bank data: what they verified, and with
		// what
		public static final String VERIFIED_MONTHLY_INCOME = "verifiedMonthlyIncome";

		public static final String VERIFIED_MONTHLY_REPAYMENTS = "verifiedMonthlyRepayments";

		public static final String VERIFICATION_DOCUMENT = "verificationDocument";

		/** The user who completed the review, taken from the authenticated session. */
		public static final String REVIEWED_BY = "reviewedBy";

		public static final String SECOND_APPROVAL_REQUIRED = "secondApprovalRequired";

		// set by the senior officer in Task_SecondApproval
		public static final String SECOND_APPROVAL_DECISION = "secondApprovalDecision";

		public static final String SECOND_APPROVAL_COMMENT = "secondApprovalComment";

		public static final String SECOND_APPROVED_BY = "secondApprovedBy";

		public static final String ESCALATED = "escalated";

		// set by the withdrawal and more-information messages
		public static final String WITHDRAWN_BY = "withdrawnBy";

		public static final String PROVIDED_INFORMATION = "providedInformation";

		// set by the counter-offer's acceptance
		public static final String OFFER_ACCEPTED_BY = "offerAcceptedBy";

		private Variables() {
		}

	}

	/** The values of {@link Variables#BAND}. */
	public static final class Bands {

		public static final String APPROVE = "APPROVE";

		public static final String REFER = "REFER";

		public static final String DECLINE = "DECLINE";

		private Bands() {
		}

	}

	/** The values of {@link Variables#REVIEW_DECISION}. */
	public static final class ReviewDecisions {

		public static final String APPROVE = "APPROVE";

		public static final String DECLINE = "DECLINE";

		public static final String REQUEST_INFORMATION = "REQUEST_INFORMATION";

		private ReviewDecisions() {
		}

	}

	private LoanProcess() {
	}

}
