package org.creditflow.application;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.RuntimeService;
import org.creditflow.application.LoanProcess.Variables;
import org.creditflow.web.ConflictException;
import org.creditflow.web.UnprocessableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Takes in a new application: stores it and starts its process in one transaction, so an
 * application either exists with its process or not at all. An {@code Idempotency-Key}
 * makes a retried request return the application the first one created.
 */
@Service
class ApplicationIntake {

	private static final Logger log = LoggerFactory.getLogger(ApplicationIntake.class);

	/** The outcome of a submission: {@code created} is false for a replayed key. */
	record Submission(LoanApplication application, boolean created) {
	}

	private final LoanApplicationRepository applications;

	private final IdempotencyKeys keys;

	private final RuntimeService runtime;

	private final TransactionTemplate transaction;

	private final ObjectMapper json;

	private final Clock clock;

	ApplicationIntake(LoanApplicationRepository applications, IdempotencyKeys keys, RuntimeService runtime,
			TransactionTemplate transaction, ObjectMapper json, Clock clock) {
		this.applications = applications;
		this.keys = keys;
		this.runtime = runtime;
		this.transaction = transaction;
		this.json = json;
		this.clock = clock;
	}

	Submission submit(NewApplication request, String clientId, @Nullable String idempotencyKey) {
		if (!request.consent().financialData()) {
			throw new UnprocessableException("consent.financialData",
					"consent to read financial data is required: no credit assessment is possible without it");
		}
		if (idempotencyKey == null) {
			return new Submission(create(request, clientId, null, null), true);
		}
		String hash = hash(request);
		Optional<Submission> replay = replay(clientId, idempotencyKey, hash);
		if (replay.isPresent()) {
			return replay.get();
		}
		try {
			return new Submission(create(request, clientId, idempotencyKey, hash), true);
		}
		catch (DuplicateKeyException ex) {
			// a concurrent request with the same key committed first: answer with its
			// application
			return replay(clientId, idempotencyKey, hash).orElseThrow(() -> ex);
		}
	}

	private Optional<Submission> replay(String clientId, String key, String hash) {
		return this.keys.find(clientId, key).map((entry) -> {
			if (!entry.requestHash().equals(hash)) {
				throw new ConflictException("Idempotency-Key '" + key
						+ "' was already used with a different request body for application " + entry.applicationId());
			}
			return new Submission(this.applications.findById(entry.applicationId()).orElseThrow(), false);
		});
	}

	private LoanApplication create(NewApplication request, String clientId, @Nullable String key,
			@Nullable String hash) {
		OffsetDateTime now = OffsetDateTime.now(this.clock);
		LoanApplication application = new LoanApplication(UUID.randomUUID().toString(), ApplicationStatus.RECEIVED,
				request.toApplicant(), request.toLoanRequest(), request.toConsent(), clientId, now, now);
		return this.transaction.execute((status) -> {
			this.applications.insert(application);
			if (key != null) {
				this.keys.insert(clientId, key, hash, application.id(), now);
			}
			startProcess(application, null);
			log.info("Application {} received from {}", application.id(), clientId);
			return application;
		});
	}

	/**
	 * Starts the application's process, in the caller's transaction, which also stores
	 * the application.
	 * @param contest what the applicant asked for if the application contests a decision
	 */
	void startProcess(LoanApplication application, @Nullable ContestKind contest) {
		this.runtime.startProcessInstanceByKey(LoanProcess.KEY, application.id(),
				Map.of(Variables.REQUESTED_AMOUNT, application.loan().amount(), Variables.FINANCIAL_CONSENT,
						application.consent().financialData(), Variables.TELECOM_CONSENT,
						application.consent().telecomData(), Variables.CONTEST,
						(contest != null) ? contest.name() : LoanProcess.NOT_CONTESTED));
	}

	private String hash(NewApplication request) {
		try {
			byte[] canonical = this.json.writeValueAsBytes(request);
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
		}
		catch (JsonProcessingException | NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
