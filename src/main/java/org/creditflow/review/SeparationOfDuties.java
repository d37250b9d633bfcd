package org.creditflow.review;

import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Who may not decide an application's review, whatever Camunda's task authorizations
 * allowed: anyone outside the review's groups (a task can be assigned or delegated to any
 * user), anyone on the applicant's side of the application: who submitted it, who
 * answered its requests for information, and, when the application contests a decline,
 * the officers who decided that decline (the applicant asked for another person).
 */
final class SeparationOfDuties {

	private SeparationOfDuties() {
	}

	static void check(TaskActor actor, Set<String> deciders, Collection<String> applicantSide,
			Collection<String> formerDeciders, List<String> problems) {
		if (actor.groups().stream().noneMatch(deciders::contains)) {
			problems.add("only members of " + String.join(" or ", deciders.stream().sorted().toList())
					+ " may decide this task");
		}
		if (applicantSide.contains(actor.userId())) {
			problems.add("you submitted this application or answered its request for information, "
					+ "so another officer must decide it (separation of duties)");
		}
		if (formerDeciders.contains(actor.userId())) {
			problems.add("you decided the application this one contests, so another officer must decide the contest "
					+ "(the applicant's right to a review by another person)");
		}
	}

}
