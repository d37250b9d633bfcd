package org.creditflow.scoring;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The rulesets in service as the database holds them ({@code ruleset_in_service}), for
 * every node: one champion and at most one challenger. Only an activation changes them,
 * and each is published as {@link RulesetActivated} in its transaction. Nodes pick a
 * change up by {@link RulesetSync}.
 */
@Service
public class RulesetsInService {

	/**
	 * A row of {@code ruleset_in_service}.
	 *
	 * @param share percent of new applications (100 for the champion)
	 */
	public record Row(RulesetRole role, String version, int share, @Nullable String releaseId, String activatedBy,
			OffsetDateTime activatedAt) {
	}

	/**
	 * What to put into service.
	 *
	 * @param share for a challenger, its share in percent; 0 ends the challenge
	 */
	public record Activation(String version, RulesetRole role, int share, @Nullable String releaseId, String actor,
			String why, boolean rollback) {
	}

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	RulesetsInService(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.events = events;
		this.clock = clock;
	}

	public Optional<Row> champion() {
		return row(RulesetRole.CHAMPION);
	}

	public Optional<Row> challenger() {
		return row(RulesetRole.CHALLENGER);
	}

	/**
	 * Puts a stored version into service in the caller's transaction. A champion that was
	 * the challenger ends the challenge (it was promoted); a challenger with share 0 ends
	 * it too.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public RulesetActivated activate(Activation activation) {
		// one activation at a time across nodes: both rows are read under lock
		this.jdbc.sql("select role from ruleset_in_service for update").query(String.class).list();
		Optional<Row> champion = champion();
		Optional<Row> challenger = challenger();
		OffsetDateTime now = OffsetDateTime.now(this.clock);
		String previous;
		if (activation.role() == RulesetRole.CHAMPION) {
			previous = champion.map(Row::version).orElse(null);
			write(RulesetRole.CHAMPION, activation.version(), 100, activation, now);
			if (challenger.isPresent() && challenger.get().version().equals(activation.version())) {
				delete(RulesetRole.CHALLENGER);
			}
		}
		else {
			previous = challenger.map(Row::version).orElse(null);
			if (activation.share() == 0) {
				delete(RulesetRole.CHALLENGER);
			}
			else {
				write(RulesetRole.CHALLENGER, activation.version(), activation.share(), activation, now);
			}
		}
		RulesetActivated activated = new RulesetActivated(activation.version(), activation.role(),
				(activation.role() == RulesetRole.CHAMPION) ? 100 : activation.share(), previous,
				activation.releaseId(), activation.actor(), activation.why(), activation.rollback(), now);
		this.events.publishEvent(activated);
		return activated;
	}

	private void write(RulesetRole role, String version, int share, Activation activation, OffsetDateTime now) {
		delete(role);
		this.jdbc.sql("""
				insert into ruleset_in_service (role, version, share, release_id, activated_by, activated_at)
				values (:role, :version, :share, :releaseId, :by, :at)""")
			.param("role", role.name())
			.param("version", version)
			.param("share", share)
			.param("releaseId", activation.releaseId(), java.sql.Types.VARCHAR)
			.param("by", activation.actor())
			.param("at", now)
			.update();
	}

	private void delete(RulesetRole role) {
		this.jdbc.sql("delete from ruleset_in_service where role = :role").param("role", role.name()).update();
	}

	private Optional<Row> row(RulesetRole role) {
		return this.jdbc.sql("select * from ruleset_in_service where role = :role")
			.param("role", role.name())
			.query((rs, n) -> new Row(RulesetRole.valueOf(rs.getString("role")), rs.getString("version"),
					rs.getInt("share"), rs.getString("release_id"), rs.getString("activated_by"),
					rs.getObject("activated_at", OffsetDateTime.class)))
			.optional();
	}

}
