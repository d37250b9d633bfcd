/*
 * creditflow load script: submits N applications concurrently through the API and waits for
 * each to reach a final decision; reports applications per second and the p50/p99 latency from
 * submission to final decision. Both come from the service's own timestamps (submittedAt and
 * decision.decidedAt), so how often the script polls does not change the figures.
 *
 *   java scripts/LoadTest.java [--url http://localhost:8080] [--applications 200]
 *        [--concurrency 16] [--warmup 100] [--user partner] [--password partner] [--mode creditflow]
 *
 * --mode bare drives the bare engine instead (a service started with the profile bare-engine):
 * the same process with every delegate a no-op, started and followed through
 * /api/bare-engine/instances with the same sign-in, half ending approved and half declined,
 * so its figures are the engine's own floor for creditflow's. The last line, starting with
 * "summary:", carries the figures for scripts/load-benchmark.sh.
 *
 * Several nodes: --url http://node-a:8080,http://node-b:8080 spreads the clients over them,
 * as a load balancer would; a client whose node stops answering moves to the next one and
 * sends its request again (with the same Idempotency-Key).
 *
 * The applicants are personas the built-in MyData simulator decides without an officer
 * (demo numbers, middle block 1000 to 1999, ending in 0/1: prime, approved; 4: late phone bills, declined; 6: in arrears,
 * declined), so every application reaches a final status on its own. Needs only a JDK 17.
 */

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public class LoadTest {

	private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");

	private static final Pattern STATUS = Pattern.compile("\"status\"\\s*:\\s*\"([A-Z_]+)\"");

	private static final Pattern SUBMITTED = Pattern.compile("\"submittedAt\"\\s*:\\s*\"([^\"]+)\"");

	private static final Pattern DECIDED = Pattern.compile("\"decidedAt\"\\s*:\\s*\"([^\"]+)\"");

	private static final List<String> FINAL = List.of("APPROVED", "DECLINED", "WITHDRAWN", "EXPIRED");

	/** A channel app checks about four times a second; polling faster only loads the service. */
	private static final long POLL_MILLIS = 250;

	/** Every answer 500 to 599 the script met, the 503s included; a healthy run shows none. */
	private static final java.util.concurrent.atomic.AtomicInteger SERVER_ERRORS = new java.util.concurrent.atomic.AtomicInteger();

	/** creditflow's applications, or the bare engine's instances. */
	private static boolean bare;

	/** Answers 503 (busy) the script met and retried; a healthy run shows none. */
	private static final java.util.concurrent.atomic.AtomicInteger BUSY = new java.util.concurrent.atomic.AtomicInteger();

	/** Requests a node did not answer at all (it died), sent again to the next node. */
	private static final java.util.concurrent.atomic.AtomicInteger UNANSWERED = new java.util.concurrent.atomic.AtomicInteger();

	/** Polls answered 304 Not Modified (the application had not changed since the last one). */
	private static final java.util.concurrent.atomic.AtomicInteger NOT_MODIFIED = new java.util.concurrent.atomic.AtomicInteger();

	private static final char[] AUTO_DECIDED_PERSONAS = { '0', '1', '4', '6' };

	public static void main(String[] args) throws Exception {
		Map<String, String> options = options(args);
		List<String> urls = List.of(options.getOrDefault("url", "http://localhost:8080").split(","));
		int applications = Integer.parseInt(options.getOrDefault("applications", "200"));
		int concurrency = Integer.parseInt(options.getOrDefault("concurrency", "16"));
		String mode = options.getOrDefault("mode", "creditflow");
		if (!List.of("creditflow", "bare").contains(mode)) {
			throw new IllegalArgumentException("--mode is creditflow or bare, not " + mode);
		}
		bare = mode.equals("bare");
		String auth = "Basic " + Base64.getEncoder()
			.encodeToString((options.getOrDefault("user", "partner") + ":" + options.getOrDefault("password", "partner"))
				.getBytes(StandardCharsets.UTF_8));
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
		long run = System.nanoTime() % 100_000_000L;

		int warmup = Integer.parseInt(options.getOrDefault("warmup", "100"));
		if (warmup > 0) {
			measure(http, urls, auth, run + 1, warmup, concurrency);
		}
		BUSY.set(0);
		SERVER_ERRORS.set(0);
		UNANSWERED.set(0);
		NOT_MODIFIED.set(0);
		Result result = measure(http, urls, auth, run, applications, concurrency);
		List<Long> latencies = result.latencies();
		double seconds = result.seconds();
		Map<String, Integer> outcomes = result.outcomes();
		List<Long> sorted = new ArrayList<>(latencies);
		Collections.sort(sorted);
		System.out.printf("applications:   %d (%s, concurrency %d, %d node(s)) %s%n", applications, mode, concurrency,
				urls.size(), outcomes);
		System.out.printf("duration:       %.1f s (first submission to last decision)%n", seconds);
		System.out.printf("throughput:     %.1f applications/s to a final decision%n", applications / seconds);
		System.out.printf("latency p50:    %d ms%n", percentile(sorted, 50) / 1_000_000);
		System.out.printf("latency p99:    %d ms%n", percentile(sorted, 99) / 1_000_000);
		System.out.printf("latency max:    %d ms%n", sorted.get(sorted.size() - 1) / 1_000_000);
		System.out.printf("busy answers:   %d (503, retried)%n", BUSY.get());
		System.out.printf("5xx answers:    %d (the 503s included)%n", SERVER_ERRORS.get());
		System.out.printf("not modified:   %d polls answered 304 without a body%n", NOT_MODIFIED.get());
		System.out.printf("unanswered:     %d (no answer from a node, sent again to the next)%n", UNANSWERED.get());
		System.out.printf("last decision:  %s%n", java.time.Instant.ofEpochSecond(result.lastDecision() / 1_000_000,
				result.lastDecision() % 1_000_000 * 1000));
		System.out.printf("summary: mode=%s clients=%d throughput=%.1f p50=%d p99=%d 5xx=%d%n", mode, concurrency,
				applications / seconds, percentile(sorted, 50) / 1_000_000, percentile(sorted, 99) / 1_000_000,
				SERVER_ERRORS.get());
	}

	record Result(List<Long> latencies, double seconds, Map<String, Integer> outcomes, long lastDecision) {
	}

	/**
	 * Submits the applications from {@code concurrency} clients, each waiting for its
	 * application's decision before sending the next. The first call warms the service up
	 * (JIT, pools, caches) and its figures are not reported.
	 */
	private static Result measure(HttpClient http, List<String> urls, String auth, long run, int applications,
			int concurrency) throws Exception {
		List<long[]> spans = Collections.synchronizedList(new ArrayList<>());
		Map<String, Integer> outcomes = new ConcurrentHashMap<>();
		ExecutorService pool = Executors.newFixedThreadPool(concurrency);
		List<Future<?>> work = new ArrayList<>();
		for (int i = 0; i < applications; i++) {
			int n = i;
			work.add(pool.submit(() -> {
				Node node = new Node(urls, n % urls.size());
				String decided = awaitFinal(http, node, auth, submit(http, node, auth, run, n));
				spans.add(new long[] { micros(match(SUBMITTED, decided)), micros(match(DECIDED, decided)) });
				outcomes.merge(match(STATUS, decided), 1, Integer::sum);
				return null;
			}));
		}
		for (Future<?> future : work) {
			future.get();
		}
		pool.shutdown();
		long first = spans.stream().mapToLong((span) -> span[0]).min().orElseThrow();
		long last = spans.stream().mapToLong((span) -> span[1]).max().orElseThrow();
		double seconds = (last - first) / 1e6;
		List<Long> latencies = spans.stream().map((span) -> (span[1] - span[0]) * 1000).toList();

		return new Result(latencies, seconds, outcomes, last);
	}

	/** The node a client talks to, and the next one when it stops answering. */
	static final class Node {

		private final List<String> urls;

		private int current;

		Node(List<String> urls, int first) {
			this.urls = urls;
			this.current = first;
		}

		String url() {
			return this.urls.get(this.current);
		}

		/** Sends the request to this node, or to the next ones while none answers. */
		HttpResponse<String> send(HttpClient http, java.util.function.Function<String, HttpRequest> request)
				throws Exception {
			long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
			while (true) {
				try {
					return http.send(request.apply(url()), HttpResponse.BodyHandlers.ofString());
				}
				catch (java.io.IOException ex) {
					if (System.nanoTime() > deadline) {
						throw ex;
					}
					UNANSWERED.incrementAndGet();
					this.current = (this.current + 1) % this.urls.size();
					Thread.sleep(POLL_MILLIS);
				}
			}
		}

	}

	private static String submit(HttpClient http, Node node, String auth, long run, int n) throws Exception {
		if (bare) {
			return startBare(http, node, auth, n);
		}
		String phone = String.format("010-%04d-%03d%c", 1000 + (run + n / 1000) % 1000, n % 1000,
				AUTO_DECIDED_PERSONAS[n % AUTO_DECIDED_PERSONAS.length]);
		String body = """
				{"applicant": {"name": "부하시험", "birthDate": "1988-03-15", "phone": "%s",
				  "employmentType": "SALARIED", "annualIncome": 52000000},
				 "loan": {"product": "PERSONAL_CREDIT", "amount": 15000000, "termMonths": 36, "purpose": "LIVING"},
				 "consent": {"financialData": true, "telecomData": true, "grantedAt": "%s"}}"""
			.formatted(phone, java.time.OffsetDateTime.now().minusMinutes(5));
		// the Idempotency-Key makes it safe to send again when the service answers 503 (busy) or
		// a node does not answer at all
		java.util.function.Function<String, HttpRequest> request = (url) -> HttpRequest
			.newBuilder(URI.create(url + "/api/applications"))
			.header("Authorization", auth)
			.header("Content-Type", "application/json")
			.header("Idempotency-Key", "load-" + run + "-" + n)
			.timeout(Duration.ofSeconds(30))
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		for (int attempt = 1;; attempt++) {
			HttpResponse<String> response = node.send(http, request);
			if (response.statusCode() == 201 || response.statusCode() == 200) {
				return match(ID, response.body());
			}
			if (response.statusCode() >= 500) {
				SERVER_ERRORS.incrementAndGet();
			}
			if (response.statusCode() != 503 || attempt == 5) {
				throw new IllegalStateException("Submission answered " + response.statusCode() + ": " + response.body());
			}
			BUSY.incrementAndGet();
			Thread.sleep(1000);
		}
	}

	/** The bare engine's instance: half approved, half declined, like the personas. */
	private static String startBare(HttpClient http, Node node, String auth, int n) throws Exception {
		String band = (n % 2 == 0) ? "APPROVE" : "DECLINE";
		java.util.function.Function<String, HttpRequest> request = (url) -> HttpRequest
			.newBuilder(URI.create(url + "/api/bare-engine/instances?band=" + band))
			.header("Authorization", auth)
			.timeout(Duration.ofSeconds(30))
			.POST(HttpRequest.BodyPublishers.noBody())
			.build();
		// no idempotency here: an instance whose start answered 503 was rolled back
		for (int attempt = 1;; attempt++) {
			HttpResponse<String> response = node.send(http, request);
			if (response.statusCode() == 201) {
				return match(ID, response.body());
			}
			if (response.statusCode() >= 500) {
				SERVER_ERRORS.incrementAndGet();
			}
			if (response.statusCode() != 503 || attempt == 5) {
				throw new IllegalStateException("Start answered " + response.statusCode() + ": " + response.body());
			}
			BUSY.incrementAndGet();
			Thread.sleep(1000);
		}
	}

	private static String awaitFinal(HttpClient http, Node node, String auth, String id) throws Exception {
		// the answer's ETag sent back as If-None-Match: an unchanged application answers 304
		// without a body, as a partner's poller would do it
		String[] etag = { null };
		java.util.function.Function<String, HttpRequest> poll = (url) -> {
			HttpRequest.Builder request = HttpRequest
				.newBuilder(URI.create(url + (bare ? "/api/bare-engine/instances/" : "/api/applications/") + id))
				.header("Authorization", auth)
				.timeout(Duration.ofSeconds(30));
			if (etag[0] != null) {
				request.header("If-None-Match", etag[0]);
			}
			return request.build();
		};
		long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
		while (System.nanoTime() < deadline) {
			HttpResponse<String> response = node.send(http, poll);
			if (response.statusCode() >= 500) {
				// counted, and asked again at the next poll
				SERVER_ERRORS.incrementAndGet();
				if (response.statusCode() == 503) {
					BUSY.incrementAndGet();
				}
			}
			else if (response.statusCode() == 304) {
				NOT_MODIFIED.incrementAndGet();
			}
			else if (FINAL.contains(match(STATUS, response.body()))) {
				return response.body();
			}
			else if ("OFFERED".equals(match(STATUS, response.body()))) {
				// approved for less than asked: the applicant's app accepts the counter-offer
				node.send(http, (url) -> HttpRequest.newBuilder(URI.create(url + "/api/applications/" + id + "/offer/accept"))
					.header("Authorization", auth)
					.timeout(Duration.ofSeconds(30))
					.POST(HttpRequest.BodyPublishers.noBody())
					.build());
			}
			else {
				etag[0] = response.headers().firstValue("ETag").orElse(null);
			}
			Thread.sleep(POLL_MILLIS);
		}
		throw new IllegalStateException("Application " + id + " not decided within 5 minutes");
	}

	private static long micros(String timestamp) {
		java.time.Instant instant = java.time.OffsetDateTime.parse(timestamp).toInstant();
		return instant.getEpochSecond() * 1_000_000L + instant.getNano() / 1000;
	}

	private static long percentile(List<Long> sorted, int percent) {
		return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(percent / 100.0 * sorted.size()) - 1));
	}

	private static String match(Pattern pattern, String text) {
		Matcher matcher = pattern.matcher(text);
		if (!matcher.find()) {
			throw new IllegalStateException("Unexpected answer: " + text);
		}
		return matcher.group(1);
	}

	private static Map<String, String> options(String[] args) {
		Map<String, String> options = new ConcurrentHashMap<>();
		for (int i = 0; i + 1 < args.length; i += 2) {
			options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
		}
		return options;
	}

}
