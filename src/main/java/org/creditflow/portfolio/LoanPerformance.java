package org.creditflow.portfolio;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.creditflow.application.ApplicationStatus;
import org.creditflow.application.FinalDecision;
import org.creditflow.application.LoanApplications;
import org.creditflow.application.LoanRequest;
import org.creditflow.scoring.Assessment;
import org.creditflow.scoring.CreditAssessments;
import org.creditflow.web.ConflictException;
import org.creditflow.web.FieldProblem;
import org.creditflow.web.InvalidRequestException;
import org.creditflow.web.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Monthly reports of the approved loans, and each loan's outcome derived from them. A
 * report for a month already reported is taken as sent again when its figures are the
 * same, and as a correction when they differ; either way the loan's outcome is derived
 * again from all its months in the same transaction.
 */
@Service
class LoanPerformance {

	private static final Logger log = LoggerFactory.getLogger(LoanPerformance.class);

	enum Result {

		CREATED, UNCHANGED, CORRECTED

	}

	/** What a report did, and the loan's outcome after it. */
	record Reported(Result result, MonthlyReport report, LoanOutcome outcome) {
	}

	private final PerformanceRepository repository;

	private final LoanApplications applications;

	private final CreditAssessments assessments;

	private final PortfolioProperties properties;

	private final Clock clock;

	private final TransactionTemplate transaction;

	LoanPerformance(PerformanceRepository repository, LoanApplications applications, CreditAssessments assessments,
			PortfolioProperties properties, Clock clock, PlatformTransactionManager transactions) {
		this.repository = repository;
		this.applications = applications;
		this.assessments = assessments;
		this.properties = properties;
		this.clock = clock;
		this.transaction = new TransactionTemplate(transactions);
	}

	/**
	 * Stores servicing's report of a loan's month.
	 * @throws NotFoundException when there is no such application
	 * @throws ConflictException when the application was not approved (no loan)
	 * @throws InvalidRequestException naming every problem of the report
	 */
	Reported report(String applicationId, PerformanceReport report, String servicer) {
		BookedLoan loan = booked(applicationId);
		YearMonth booked = loan.bookedMonth();
		List<FieldProblem> problems = new ArrayList<>(report.inconsistencies());
		YearMonth month = report.yearMonth();
		YearMonth now = YearMonth.now(this.clock);
		if (month.isBefore(booked)) {
			problems.add(new FieldProblem("month", "is before the loan was booked (" + booked + ")"));
		}
		else if (month.isAfter(now) && !this.properties.acceptFutureMonths()) {
			problems.add(new FieldProblem("month", "is after the current month (" + now + ")"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidRequestException(problems);
		}
		MonthlyReport received = new MonthlyReport(applicationId, month, report.daysPastDue(), report.status(),
				report.balance(), servicer, OffsetDateTime.now(this.clock), 1);
		return this.transaction.execute((status) -> store(loan, received));
	}

	/** The approved loans, oldest first, a page at a time, as servicing takes them on. */
	List<BookEntry> book(int offset, int limit) {
		return this.applications.approved(offset, limit).stream().map((decision) -> {
			String id = decision.applicationId();
			LoanRequest requested = this.applications.get(id).loan();
			long amount = (decision.creditLimit() != null) ? decision.creditLimit() : requested.amount();
			return new BookEntry(id, month(decision), amount, decision.annualRate(), requested.termMonths(),
					decision.grade(), this.assessments.latest(id).map(Assessment::pd).orElse(null));
		}).toList();
	}

	/** The loan's months as reported, with its outcome; empty before its first report. */
	Optional<LoanHistory> history(String applicationId) {
		YearMonth booked = booked(applicationId).bookedMonth();
		return this.repository.outcome(applicationId)
			.map((outcome) -> new LoanHistory(applicationId, booked, outcome, this.repository.reports(applicationId)));
	}

	/**
	 * Derives again, at start-up, the flags of loans derived under another bad
	 * definition, so a changed definition holds for every loan, not only for those
	 * reported since.
	 */
	@EventListener(ApplicationReadyEvent.class)
	void deriveUnderTheCurrentDefinition() {
		BadDefinition definition = this.properties.bad().definition();
		List<String> stale = this.repository.derivedUnderAnotherDefinition(definition.code());
		for (String applicationId : stale) {
			BookedLoan loan = booked(applicationId);
			this.transaction.executeWithoutResult((status) -> {
				this.repository.lockLoan(applicationId);
				derive(loan);
			});
		}
		if (!stale.isEmpty()) {
			log.info("Derived the bad flag of {} loans again under the definition {}", stale.size(), definition.code());
		}
	}

	private Reported store(BookedLoan loan, MonthlyReport received) {
		String applicationId = received.applicationId();
		this.repository.lockLoan(applicationId);
		Optional<MonthlyReport> earlier = this.repository.find(applicationId, received.month());
		Result result;
		MonthlyReport stored;
		if (earlier.isEmpty()) {
			stored = received;
			this.repository.insert(stored);
			result = Result.CREATED;
		}
		else if (earlier.get().sameFiguresAs(received)) {
			stored = earlier.get();
			result = Result.UNCHANGED;
		}
		else {
			stored = new MonthlyReport(applicationId, received.month(), received.daysPastDue(), received.status(),
					received.balance(), received.reportedBy(), received.reportedAt(), earlier.get().revision() + 1);
			this.repository.update(stored);
			result = Result.CORRECTED;
		}
		return new Reported(result, stored, derive(loan));
	}

	private LoanOutcome derive(BookedLoan loan) {
		LoanOutcome outcome = this.properties.bad()
			.definition()
			.outcome(loan.applicationId(), loan.bookedMonth(), this.repository.reports(loan.applicationId()));
		this.repository.save(loan, outcome, OffsetDateTime.now(this.clock));
		return outcome;
	}

	/** The month of the decision, Korean time: the loan's booking month. */
	private YearMonth month(FinalDecision decision) {
		return YearMonth.from(decision.decidedAt().atZoneSameInstant(this.clock.getZone()));
	}

	/** The approved loan, as it was decided. */
	private BookedLoan booked(String applicationId) {
		if (this.applications.find(applicationId).isEmpty()) {
			throw new NotFoundException("No application " + applicationId);
		}
		FinalDecision decision = this.applications.decision(applicationId)
			.filter((decided) -> decided.outcome() == ApplicationStatus.APPROVED)
			.orElseThrow(() -> new ConflictException(
					"Application " + applicationId + " was not approved: there is no loan to report on"));
		YearMonth month = month(decision);
		Optional<Assessment> assessment = this.assessments.latest(applicationId);
		return new BookedLoan(applicationId, month, decision.grade(), assessment.map(Assessment::segment).orElse(null),
				assessment.map(Assessment::pd).orElse(null), decision.rulesetVersion(),
				assessment.map((assessed) -> assessed.rulesetRole().name()).orElse(null),
				assessment.map(Assessment::band).orElse(null), decision.decidedBy());
	}

}
