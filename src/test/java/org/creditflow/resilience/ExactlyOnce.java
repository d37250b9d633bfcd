package org.creditflow.resilience;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import org.creditflow.resilience.Submissions.Acknowledged;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a crash must not do to applications a client was told about: lose one, or make
 * anything of it twice. Each check names the applications that fail it.
 */
final class ExactlyOnce {

	private static final Set<String> FINAL = Set.of("APPROVED", "DECLINED");

	private ExactlyOnce() {
	}

	static void assertNothingLostNorDoubled(int submitted, Map<String, Acknowledged> acknowledged,
			StoredOutcomes stored) {
		assertThat(acknowledged).as("submissions answered").hasSize(submitted);
		assertThat(acknowledged.values()
			.stream()
			.filter((ack) -> !ack.applicationId().equals(stored.applicationByKey().get(ack.key())))
			.map(Acknowledged::applicationId)).as("acknowledged, but not stored under their Idempotency-Key").isEmpty();
		Set<String> answered = acknowledged.values()
			.stream()
			.map(Acknowledged::applicationId)
			.collect(Collectors.toSet());
		assertThat(stored.statusByApplication().keySet()).as("stored applications (no more, no fewer)")
			.containsExactlyInAnyOrderElementsOf(answered);

		assertThat(idsWhere(answered, (id) -> stored.processInstances().getOrDefault(id, 0L) != 1))
			.as("applications without exactly one process instance")
			.isEmpty();
		assertThat(idsWhere(answered, (id) -> stored.records("ASSESSMENT", id) != 1))
			.as("applications without exactly one ASSESSMENT record")
			.isEmpty();
		assertThat(idsWhere(answered, (id) -> stored.loanDecisions().getOrDefault(id, 0L) != decisions(stored, id)))
			.as("applications with a loan_decision count other than one when decided, none in review")
			.isEmpty();
		assertThat(idsWhere(answered, (id) -> stored.records("FINAL_DECISION", id) != decisions(stored, id)))
			.as("applications with a FINAL_DECISION record count other than one when decided, none in review")
			.isEmpty();
		assertThat(stored.chain()).as("decision record numbers: 1, 2, 3, ... with no gap or repeat")
			.isEqualTo(LongStream.rangeClosed(1, stored.chain().size()).boxed().toList());
		assertThat(stored.chainHead()).as("the chain head's last number").isEqualTo(stored.chain().size());
	}

	private static long decisions(StoredOutcomes stored, String applicationId) {
		return FINAL.contains(stored.statusByApplication().get(applicationId)) ? 1 : 0;
	}

	private static List<String> idsWhere(Set<String> ids, Predicate<String> failing) {
		return ids.stream().filter(failing).sorted().toList();
	}

}
