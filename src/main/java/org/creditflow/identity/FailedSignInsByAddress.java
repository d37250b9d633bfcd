package org.creditflow.identity;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Failed sign-ins per client address. Camunda locks an account after failures, which also
 * lets anyone lock a partner out by guessing; counting per address stops one address from
 * guessing (and re-locking) for a while, before any password is checked
 * ({@link SignInThrottleFilter}). Kept in memory on each node: a restart or another node
 * starts counting afresh, which bounds a guesser per node, not per cluster.
 */
@Component
class FailedSignInsByAddress {

	private static final Logger log = LoggerFactory.getLogger(FailedSignInsByAddress.class);

	/**
	 * Beyond this many addresses, new ones go uncounted until old ones expire: memory
	 * stays bounded whatever addresses a guesser uses. Camunda's per-account lock still
	 * holds for them.
	 */
	static final int MOST_ADDRESSES_TRACKED = 100_000;

	private record Tally(Instant windowStart, int failures, Instant blockedUntil) {
	}

	private final Map<String, Tally> byAddress = new ConcurrentHashMap<>();

	private final SignInProperties.PerAddress limits;

	private final Clock clock;

	@Autowired
	FailedSignInsByAddress(SignInProperties properties, Clock clock) {
		this(properties.perAddress(), clock);
	}

	FailedSignInsByAddress(SignInProperties.PerAddress limits, Clock clock) {
		this.limits = limits;
		this.clock = clock;
	}

	@EventListener
	void onFailedSignIn(AuthenticationFailureBadCredentialsEvent event) {
		if (event.getAuthentication().getDetails() instanceof WebAuthenticationDetails details
				&& details.getRemoteAddress() != null) {
			recordFailure(details.getRemoteAddress());
		}
	}

	void recordFailure(String address) {
		Instant now = this.clock.instant();
		if (this.byAddress.size() >= MOST_ADDRESSES_TRACKED) {
			this.byAddress.values().removeIf((tally) -> isOver(tally, now));
			if (this.byAddress.size() >= MOST_ADDRESSES_TRACKED) {
				return;
			}
		}
		Tally tally = this.byAddress.compute(key(address), (key, before) -> {
			boolean newWindow = before == null || !now.isBefore(before.windowStart().plus(this.limits.window()));
			Instant windowStart = newWindow ? now : before.windowStart();
			int failures = newWindow ? 1 : before.failures() + 1;
			Instant blockedUntil = (before != null) ? before.blockedUntil() : Instant.MIN;
			if (failures >= this.limits.maxFailures()) {
				blockedUntil = now.plus(this.limits.blockedFor());
			}
			return new Tally(windowStart, failures, blockedUntil);
		});
		if (tally.failures() == this.limits.maxFailures()) {
			log.warn("{} failed sign-ins from {} within {}: it may not sign in for {}", tally.failures(), address,
					this.limits.window(), this.limits.blockedFor());
		}
	}

	/** How much longer this address may not sign in; empty when it may. */
	Optional<Duration> blockedFor(String address) {
		Tally tally = this.byAddress.get(key(address));
		Instant now = this.clock.instant();
		if (tally == null || !now.isBefore(tally.blockedUntil())) {
			return Optional.empty();
		}
		return Optional.of(Duration.between(now, tally.blockedUntil()));
	}

	private boolean isOver(Tally tally, Instant now) {
		return !now.isBefore(tally.windowStart().plus(this.limits.window())) && !now.isBefore(tally.blockedUntil());
	}

	/**
	 * An IPv6 client usually holds a whole /64 and can pick any address in it: count the
	 * /64.
	 */
	static String key(String address) {
		if (address.indexOf(':') < 0) {
			return address;
		}
		try {
			// a literal address: no name lookup happens
			byte[] bytes = InetAddress.getByName(address).getAddress();
			return (bytes.length == 16) ? HexFormat.of().formatHex(bytes, 0, 8) + "::/64" : address;
		}
		catch (UnknownHostException ex) {
			return address;
		}
	}

}
