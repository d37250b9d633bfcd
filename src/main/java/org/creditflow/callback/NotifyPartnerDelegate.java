package org.creditflow.callback;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.creditflow.application.ApplicationStatus;
import org.creditflow.application.LoanApplication;
import org.creditflow.application.LoanApplications;

import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;

/**
 * "Notify partner": sends the application's final status to the partner's callback,
 * signed ({@link Signature}). Only a 2xx answer counts as delivered; anything else, a
 * redirect included, fails the job, which the engine retries by
 * {@code creditflow.callbacks.retry-cycle} and turns into an incident after the last
 * attempt. The body says what happened and where to read the rest, not the decision's
 * reasons: those stay behind the partner's authenticated {@code GET}, so a URL mistyped
 * by the partner receives nothing about an applicant.
 */
@Component("notifyPartnerDelegate")
class NotifyPartnerDelegate implements JavaDelegate {

	private final LoanApplications applications;

	private final PartnerCallbacks callbacks;

	private final CallbackUrls urls;

	private final ObjectMapper json;

	private final Clock clock;

	private final RestClient http;

	NotifyPartnerDelegate(LoanApplications applications, PartnerCallbacks callbacks, CallbackUrls urls,
			CallbackProperties properties, ObjectMapper json, Clock clock) {
		this.applications = applications;
		this.callbacks = callbacks;
		this.urls = urls;
		this.json = json;
		this.clock = clock;
		JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(HttpClient.newBuilder()
			.connectTimeout(properties.connectTimeout())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build());
		requests.setReadTimeout(properties.readTimeout());
		this.http = RestClient.builder().requestFactory(requests).build();
	}

	@Override
	public void execute(DelegateExecution execution) throws JsonProcessingException {
		// who is told what comes from the application's record, never from the instance's
		// variables: an instance started by hand (an administrator may start processes)
		// can at most repeat a true notification to the application's own partner
		// an offer's notification says the application waits for the applicant, and only
		// while it still does: answered, the decision that follows has its own
		boolean offer = ApplicationStatus.OFFERED.name().equals(execution.getVariable(NotificationVariables.STATUS));
		Optional<LoanApplication> application = Optional.ofNullable(execution.getProcessBusinessKey())
			.flatMap(this.applications::find)
			.filter((found) -> offer ? found.status() == ApplicationStatus.OFFERED : found.status().isFinal());
		if (application.isEmpty()) {
			execution.setVariable(NotificationVariables.SKIPPED, "no application " + execution.getProcessBusinessKey()
					+ (offer ? " waiting on a counter-offer" : " with a final status"));
			return;
		}
		String partner = application.get().submittedBy();
		execution.setVariable(NotificationVariables.PARTNER, partner);
		execution.setVariable(NotificationVariables.STATUS, application.get().status().name());
		execution.setVariable(NotificationVariables.DECIDED_AT, application.get().updatedAt().toString());
		Optional<PartnerCallback> callback = this.callbacks.find(partner);
		if (callback.isEmpty()) {
			execution.setVariable(NotificationVariables.SKIPPED, "the partner removed its callback");
			return;
		}
		URI url = this.urls.checked(callback.get().url());
		execution.setVariable(NotificationVariables.URL, url.toString());
		String body = body(execution);
		long timestamp = this.clock.instant().getEpochSecond();
		try {
			int status = this.http.post()
				.uri(url)
				.contentType(MediaType.APPLICATION_JSON)
				.header(Signature.TIMESTAMP_HEADER, Long.toString(timestamp))
				.header(Signature.SIGNATURE_HEADER, Signature.sign(callback.get().secret(), timestamp, body))
				.header(Signature.DELIVERY_HEADER, execution.getProcessInstanceId())
				.body(body)
				.retrieve()
				.toBodilessEntity()
				.getStatusCode()
				.value();
			if (status / 100 != 2) {
				throw new CallbackRefusedException("The partner's server answered " + status + " (only 2xx accepts)");
			}
			execution.setVariable(NotificationVariables.RESPONSE_STATUS, status);
		}
		catch (RestClientResponseException ex) {
			throw new CallbackRefusedException("The partner's server answered " + ex.getStatusCode().value(), ex);
		}
		catch (RestClientException ex) {
			throw new CallbackRefusedException("The partner's server could not be reached at " + url + ": "
					+ ex.getMostSpecificCause().getMessage(), ex);
		}
	}

	private String body(DelegateExecution execution) throws JsonProcessingException {
		String applicationId = execution.getProcessBusinessKey();
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("event", ApplicationStatus.OFFERED.name().equals(execution.getVariable(NotificationVariables.STATUS))
				? "application.offered" : "application.decided");
		body.put("applicationId", applicationId);
		body.put("status", execution.getVariable(NotificationVariables.STATUS));
		body.put("decidedAt", execution.getVariable(NotificationVariables.DECIDED_AT));
		body.put("links", Map.of("application", "/api/applications/" + applicationId));
		return this.json.writeValueAsString(body);
	}

}
