package org.creditflow.release;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.creditflow.web.ConflictException;
import org.creditflow.web.ForbiddenException;
import org.creditflow.web.NotFoundException;

import org.springframework.stereotype.Service;

/**
 * A risk manager's decision through the API: completes the release's approval task as
 * that user, exactly as Tasklist would, so the same four-eyes check
 * ({@link ReleaseApprovalListener}) decides; refused earlier, with the reason, when it
 * would refuse.
 */
@Service
class ReleaseDecisions {

	private final ReleaseRepository releases;

	private final TaskService tasks;

	private final IdentityService identity;

	ReleaseDecisions(ReleaseRepository releases, TaskService tasks, IdentityService identity) {
		this.releases = releases;
		this.tasks = tasks;
		this.identity = identity;
	}

	Release decide(String releaseId, String decision, String comment, String userId, List<String> groups) {
		Release release = this.releases.find(releaseId)
			.orElseThrow(() -> new NotFoundException("No release " + releaseId));
		String refusal = ReleaseApprovalListener.FourEyes.refusal(release, userId, groups);
		if (refusal != null) {
			throw new ForbiddenException(refusal);
		}
		Task task = this.tasks.createTaskQuery()
			.processInstanceBusinessKey(releaseId)
			.taskDefinitionKey(ReleaseProcess.APPROVAL_TASK)
			.singleResult();
		if (task == null) {
			throw new ConflictException("Release " + releaseId + " is " + release.status() + ", not awaiting approval");
		}
		this.identity.setAuthentication(userId, groups);
		try {
			this.tasks.complete(task.getId(),
					Map.of(ReleaseProcess.DECISION, decision, ReleaseProcess.COMMENT, comment));
		}
		finally {
			this.identity.clearAuthentication();
		}
		return this.releases.find(releaseId).orElseThrow();
	}

}
