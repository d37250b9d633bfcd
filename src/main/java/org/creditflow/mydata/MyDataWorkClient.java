package org.creditflow.mydata;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import org.creditflow.mydata.MyDataUnavailableException.Reason;
import org.creditflow.mydata.MyDataWork.Order;
import org.creditflow.mydata.MyDataWork.Report;

import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;

/**
 * A worker's calls to the service's {@code /api/mydata-work}
 * ({@link MyDataWorkController}), signed in as the worker's account.
 */
class MyDataWorkClient {

	private final RestClient http;

	private final String workerId;

	MyDataWorkClient(URI serviceUrl, String user, String password, String workerId, Duration timeout) {
		JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory();
		requests.setReadTimeout(timeout);
		this.http = RestClient.builder()
			.requestFactory(requests)
			.baseUrl(serviceUrl + "/api/mydata-work")
			.defaultHeaders((headers) -> headers.setBasicAuth(user, password))
			.defaultHeader("Accept", MediaType.APPLICATION_JSON_VALUE)
			.build();
		this.workerId = workerId;
	}

	/**
	 * What to fetch for the task; empty when there is nothing to (204: the service
	 * completed it).
	 */
	Optional<Order> order(String taskId) {
		return Optional.ofNullable(this.http.post()
			.uri("/{taskId}/order", taskId)
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("workerId", this.workerId))
			.retrieve()
			.toEntity(Order.class)
			.getBody());
	}

	Report answer(String taskId, String provider, String payload) {
		return report(taskId, "answer", Map.of("workerId", this.workerId, "provider", provider, "payload", payload));
	}

	Report failure(String taskId, String provider, Reason reason, String message) {
		return report(taskId, "failure",
				Map.of("workerId", this.workerId, "provider", provider, "reason", reason, "message", message));
	}

	/**
	 * Sends the report; once more when it lost a race with another change of the same
	 * application (409, rolled back whole), which a second try usually wins.
	 */
	private Report report(String taskId, String what, Map<String, Object> body) {
		try {
			return send(taskId, what, body);
		}
		catch (HttpClientErrorException.Conflict ex) {
			return send(taskId, what, body);
		}
	}

	private Report send(String taskId, String what, Map<String, Object> body) {
		return this.http.post()
			.uri("/{taskId}/{what}", taskId, what)
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.retrieve()
			.body(Report.class);
	}

}
