package org.creditflow.callback;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.IntSupplier;

import com.sun.net.httpserver.HttpServer;

/**
 * A partner's server on loopback: records every notification it receives and answers with
 * the status the test chose.
 */
public final class PartnerServer implements AutoCloseable {

	private final HttpServer server;

	private final List<Received> received = new CopyOnWriteArrayList<>();

	private PartnerServer(IntSupplier answer) {
		try {
			this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.server.createContext("/decisions", (exchange) -> {
			String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
			this.received.add(new Received(exchange.getRequestMethod(),
					Map.of(Signature.SIGNATURE_HEADER,
							header(exchange.getRequestHeaders().getFirst(Signature.SIGNATURE_HEADER)),
							Signature.TIMESTAMP_HEADER,
							header(exchange.getRequestHeaders().getFirst(Signature.TIMESTAMP_HEADER)),
							Signature.DELIVERY_HEADER,
							header(exchange.getRequestHeaders().getFirst(Signature.DELIVERY_HEADER))),
					body));
			exchange.sendResponseHeaders(answer.getAsInt(), -1);
			exchange.close();
		});
		this.server.start();
	}

	/** Answers every notification with this status. */
	public static PartnerServer answering(int status) {
		return new PartnerServer(() -> status);
	}

	/** Answers with these statuses in turn, then with the last one. */
	public static PartnerServer answering(int... statuses) {
		int[] next = { 0 };
		return new PartnerServer(() -> statuses[Math.min(next[0]++, statuses.length - 1)]);
	}

	public String url() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + "/decisions";
	}

	public List<Received> received() {
		return List.copyOf(this.received);
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

	private static String header(String value) {
		return (value != null) ? value : "";
	}

	public record Received(String method, Map<String, String> headers, String body) {
	}

}
