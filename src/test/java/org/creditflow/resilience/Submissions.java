package org.creditflow.resilience;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntFunction;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import static org.awaitility.Awaitility.await;

/**
 * Partner clients submitting applications as a well-behaved channel app does: each
 * application with an {@code Idempotency-Key} of its own, sent again with the same key
 * and body until a node answers, whatever became of the node that had the request. A
 * client keeps to one node and moves to the next when its node stops answering, as a load
 * balancer would move it.
 */
final class Submissions {

	/** A submission a node answered 201 (created) or 200 (created before). */
	record Acknowledged(String key, String applicationId, int status, URI node, Instant at) {
	}

	private static final ObjectMapper JSON = new ObjectMapper();

	/** How long a client waits before sending again; a dead node refuses at once. */
	private static final Duration AGAIN_AFTER = Duration.ofMillis(250);

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(2))
		.build();

	private final String authorization = "Basic "
			+ Base64.getEncoder().encodeToString("partner:partner".getBytes(StandardCharsets.UTF_8));

	private final String run = UUID.randomUUID().toString().substring(0, 8);

	private final Map<String, Acknowledged> acknowledged = new ConcurrentHashMap<>();

	private final List<URI> nodes;

	private final ExecutorService clients;

	private final List<CompletableFuture<Void>> work = new ArrayList<>();

	private volatile boolean stopped;

	private Submissions(List<URI> nodes, int clients) {
		this.nodes = nodes;
		this.clients = Executors.newFixedThreadPool(clients);
	}

	/**
	 * Starts {@code clients} clients sending {@code applications} applications between
	 * them, the {@code n}-th with the body {@code bodies} makes for {@code n}; client
	 * {@code c} starts on node {@code c} (modulo the number of nodes).
	 */
	static Submissions start(int applications, int clients, List<URI> nodes, IntFunction<ObjectNode> bodies) {
		Submissions submissions = new Submissions(nodes, clients);
		nodes.forEach(submissions::signInOnce);
		for (int client = 0; client < clients; client++) {
			int first = client;
			submissions.work.add(CompletableFuture.runAsync(() -> {
				int node = first % nodes.size();
				for (int n = first; n < applications && !submissions.stopped; n += clients) {
					node = submissions.submitUntilAnswered(submissions.run + "-" + n, bodies.apply(n).toString(), node);
				}
			}, submissions.clients));
		}
		submissions.clients.shutdown();
		return submissions;
	}

	/** Every submission answered so far, by key. */
	Map<String, Acknowledged> acknowledged() {
		return Map.copyOf(this.acknowledged);
	}

	void awaitAcknowledged(int count, Duration atMost) {
		await().atMost(atMost)
			.until(() -> this.acknowledged.size() >= count
					|| this.work.stream().anyMatch(CompletableFuture::isCompletedExceptionally));
		this.work.stream()
			.filter(CompletableFuture::isCompletedExceptionally)
			.findAny()
			.ifPresent(CompletableFuture::join);
	}

	/** Waits until every submission was answered, and returns them by key. */
	Map<String, Acknowledged> awaitAll(Duration atMost) throws InterruptedException {
		try {
			CompletableFuture.allOf(this.work.toArray(CompletableFuture[]::new))
				.get(atMost.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException ex) {
			stop();
			throw new AssertionError(
					"submissions unanswered after " + atMost + "; answered: " + this.acknowledged.size(), ex);
		}
		catch (ExecutionException ex) {
			throw new AssertionError("a client failed", ex.getCause());
		}
		return acknowledged();
	}

	/** Stops sending, when a test ends early. */
	void stop() {
		this.stopped = true;
		this.clients.shutdownNow();
	}

	/**
	 * @return the node the client sends its next submission to
	 */
	private int submitUntilAnswered(String key, String body, int node) {
		int current = node;
		while (!this.stopped) {
			URI url = this.nodes.get(current);
			Optional<HttpResponse<String>> answer = send(url, key, body);
			if (answer.isEmpty()) {
				// no answer: the node is gone or going; the request may or may not have
				// been
				// committed, and the same key makes sending it again safe
				current = (current + 1) % this.nodes.size();
			}
			else if (answer.get().statusCode() == 201 || answer.get().statusCode() == 200) {
				this.acknowledged.put(key,
						new Acknowledged(key, id(answer.get().body()), answer.get().statusCode(), url, Instant.now()));
				return current;
			}
			else if (answer.get().statusCode() != 503) {
				throw new IllegalStateException(
						"Submission " + key + " answered " + answer.get().statusCode() + ": " + answer.get().body());
			}
			pause();
		}
		return current;
	}

	/**
	 * One call as the partner before the run: a node checks a password with a
	 * deliberately slow hash the first time only, and on a busy machine the first
	 * submissions would otherwise queue behind that check long enough to send every
	 * client to another node.
	 */
	private void signInOnce(URI node) {
		HttpRequest request = HttpRequest.newBuilder(node.resolve("/api/applications/" + this.run))
			.header("Authorization", this.authorization)
			.timeout(Duration.ofSeconds(60))
			.GET()
			.build();
		try {
			this.http.send(request, HttpResponse.BodyHandlers.discarding());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Node " + node + " does not answer", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new CompletionException(ex);
		}
	}

	private Optional<HttpResponse<String>> send(URI node, String key, String body) {
		HttpRequest request = HttpRequest.newBuilder(node.resolve("/api/applications"))
			.header("Authorization", this.authorization)
			.header("Content-Type", "application/json")
			.header("Idempotency-Key", key)
			.timeout(Duration.ofSeconds(20))
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		try {
			return Optional.of(this.http.send(request, HttpResponse.BodyHandlers.ofString()));
		}
		catch (IOException ex) {
			return Optional.empty();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new CompletionException(ex);
		}
	}

	private static String id(String application) {
		try {
			return JSON.readTree(application).get("id").asText();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void pause() {
		try {
			Thread.sleep(AGAIN_AFTER.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new CompletionException(ex);
		}
	}

}
