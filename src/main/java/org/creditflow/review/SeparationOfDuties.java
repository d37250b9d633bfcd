package org.creditflow.review;

import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Who may not decide an application's review, whatever Camunda's task authorizations
 * allowed: anyone outside the review's groups (a task can be assigned or delegated to any
 * user), and anyone on the applicant's side of the application: who submitted it, who
 * answered its requests for information.
 */
final class SeparationOfDuties {

	private SeparationOfDuties() {
	}

	static void check(TaskActor actor, Set<String> deciders, Collection<String> applicantSide, List<String> problems) {
		if (actor.groups().stream().noneMatch(deciders::contains)) {
			problems.add("only members of " + String.join(" or ", deciders.stream().sorted().toList())
					+ " may decide this task");
		}
		if (applicantSide.contains(actor.userId())) {
			problems.add("you submitted this application or answered its request for information, "
					+ "so another officer must decide it (separation of duties)");
		}
	}

}
