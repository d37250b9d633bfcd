package org.creditflow.release;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.creditflow.identity.Groups;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Component;

/**
 * Four eyes on {@code Task_ApproveRelease}, checked when the task completes, whatever the
 * door (Tasklist, the engine's REST API, {@code /api/rulesets/releases/{id}/approve}):
 * the one completing it is the signed-in user of the engine, a risk manager, and not who
 * submitted the release. A decision and a comment are required. The decision is recorded
 * with the release and in the audit chain in the task's transaction.
 */
@Component
class ReleaseApprovalListener implements TaskListener {

	static final String SUBMITTER_MAY_NOT_CLAIM = "you submitted this release, so another risk manager must take "
			+ "and decide it (four eyes)";

	private final ReleaseRepository releases;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	ReleaseApprovalListener(ReleaseRepository releases, ApplicationEventPublisher events, Clock clock) {
		this.releases = releases;
		this.events = events;
		this.clock = clock;
	}

	@Override
	public void notify(DelegateTask task) {
		if (TaskListener.EVENTNAME_ASSIGNMENT.equals(task.getEventName())) {
			refuseTheSubmitter(task);
			return;
		}
		Release release = this.releases.find((String) task.getVariable(ReleaseProcess.RELEASE_ID)).orElseThrow();
		Authentication actor = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
		String refusal = FourEyes.refusal(release, (actor != null) ? actor.getUserId() : null,
				(actor != null && actor.getGroupIds() != null) ? actor.getGroupIds() : List.of());
		if (refusal != null) {
			throw new AuthorizationException(refusal);
		}
		List<String> problems = new ArrayList<>();
		Object decision = task.getVariable(ReleaseProcess.DECISION);
		if (!ReleaseProcess.APPROVE.equals(decision) && !ReleaseProcess.REJECT.equals(decision)) {
			problems.add("choose approve or reject");
		}
		Object comment = task.getVariable(ReleaseProcess.COMMENT);
		if (!(comment instanceof String text) || text.isBlank()) {
			problems.add(ReleaseProcess.REJECT.equals(decision) ? "a reason is required to reject a release"
					: "a comment is required");
		}
		if (!problems.isEmpty()) {
			throw new BadUserRequestException(String.join("; ", problems));
		}
		boolean approved = ReleaseProcess.APPROVE.equals(decision);
		OffsetDateTime now = OffsetDateTime.now(this.clock);
		String why = ((String) comment).strip();
		this.releases.decided(release.id(), approved, actor.getUserId(), why, now);
		this.events.publishEvent(ReleaseRecorded.of(approved ? ReleaseRecorded.APPROVED : ReleaseRecorded.REJECTED,
				release, actor.getUserId(), why, now));
	}

	/**
	 * The submitter may not even claim the approval: a risk manager cannot hand a claimed
	 * task back (no TASK_ASSIGN), so a claim by the one person who may never complete it
	 * would block the release until an administrator freed it.
	 */
	private void refuseTheSubmitter(DelegateTask task) {
		Release release = this.releases.find((String) task.getVariable(ReleaseProcess.RELEASE_ID)).orElseThrow();
		if (release.submittedBy().equals(task.getAssignee())) {
			throw new AuthorizationException(
					"you submitted this release, so another risk manager must take and decide " + "it (four eyes)");
		}
	}

	/** Who may decide a release. */
	static final class FourEyes {

		private FourEyes() {
		}

		/** Why the user may not decide the release; null if they may. */
		@Nullable
		static String refusal(Release release, @Nullable String userId, List<String> groups) {
			if (userId == null) {
				return "a release is decided by a signed-in risk manager (Tasklist or the authenticated API)";
			}
			if (!groups.contains(Groups.RISK_MANAGERS)) {
				return "only risk managers may approve or reject a release";
			}
			if (userId.equals(release.submittedBy())) {
				return "you submitted this release, so another risk manager must approve or reject it (four eyes)";
			}
			return null;
		}

	}

}
