package org.creditflow.identity;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.batch.RestartProcessInstancesBatchCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteExternalTaskCmd;
import org.camunda.bpm.engine.impl.cmd.DelegateTaskCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteDeploymentCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteProcessDefinitionsByIdsCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteProcessDefinitionsByKeyCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteProcessInstancesCmd;
import org.camunda.bpm.engine.impl.cmd.DeployCmd;
import org.camunda.bpm.engine.impl.cmd.HandleExternalTaskBpmnErrorCmd;
import org.camunda.bpm.engine.impl.cmd.HandleExternalTaskFailureCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskBpmnErrorCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskEscalationCmd;
import org.camunda.bpm.engine.impl.cmd.ModifyProcessInstanceAsyncCmd;
import org.camunda.bpm.engine.impl.cmd.ModifyProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.ProcessInstanceModificationBatchCmd;
import org.camunda.bpm.engine.impl.cmd.ProcessInstanceModificationCmd;
import org.camunda.bpm.engine.impl.cmd.ResolveTaskCmd;
import org.camunda.bpm.engine.impl.cmd.RestartProcessInstancesCmd;
import org.camunda.bpm.engine.impl.cmd.SetProcessDefinitionVersionCmd;
import org.camunda.bpm.engine.impl.cmd.batch.DeleteProcessInstanceBatchCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.migration.MigrateProcessInstanceCmd;
import org.camunda.bpm.engine.impl.migration.batch.MigrateProcessInstanceBatchCmd;
import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.camunda.bpm.spring.boot.starter.configuration.Ordering;
import org.camunda.bpm.spring.boot.starter.util.SpringBootProcessEnginePlugin;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * What no person may do through the engine's doors ({@code /engine-rest}, Tasklist,
 * Cockpit, Admin), whatever their Camunda authorizations, administrators included: deploy
 * or delete processes (they come only from {@code processes/}, deployed by the service at
 * start), and end, skip or bypass a step of a running process (BPMN errors and
 * escalations thrown from a task, delegating and resolving tasks, cancelling, modifying,
 * restarting or migrating instances), and finishing a MyData external task, which only
 * the service does from its workers' reports. A loan application moves only by its own
 * process: decided by the rules or a checked review, withdrawn by the applicant, expired
 * by a deadline.
 *
 * <p>
 * A command counts as a person's when the engine runs it for an authenticated user, which
 * the REST API and the webapps always set; the service's own steps and the job executor
 * run without one. Camunda's administrators skip every authorization check, so this
 * cannot be a grant that is withheld; it is a command interceptor ahead of the engine's
 * own.
 */
@Component
@Order(Ordering.DEFAULT_ORDER)
class EngineCommandGuard extends SpringBootProcessEnginePlugin {

	private static final String MYDATA_TASKS = "MyData tasks are finished by the service from its workers' reports "
			+ "(/api/mydata-work), which store the snapshot with them";

	/** Each refused command, with what to do instead. */
	static final Map<Class<?>, String> REFUSED = Map.ofEntries(
			refuse(DeployCmd.class,
					"processes are deployed by the service from its processes/ folder at start, never by a person"),
			refuse(DeleteDeploymentCmd.class, "deployed processes are kept; a new version comes with a release"),
			refuse(DeleteProcessDefinitionsByIdsCmd.class, "process definitions are kept"),
			refuse(DeleteProcessDefinitionsByKeyCmd.class, "process definitions are kept"),
			refuse(HandleTaskBpmnErrorCmd.class, "a task is finished with its form, never with a BPMN error"),
			refuse(HandleTaskEscalationCmd.class, "a task is finished with its form, never with an escalation"),
			refuse(DelegateTaskCmd.class, "tasks are not delegated here; a senior officer reassigns them"),
			refuse(ResolveTaskCmd.class, "tasks are not delegated here, so there is nothing to resolve"),
			refuse(DeleteProcessInstanceCmd.class,
					"withdraw the application instead (POST /api/applications/{id}/withdraw)"),
			refuse(DeleteProcessInstancesCmd.class, "withdraw the applications instead"),
			refuse(DeleteProcessInstanceBatchCmd.class, "withdraw the applications instead"),
			refuse(ModifyProcessInstanceCmd.class, "a process instance moves only by its own steps"),
			refuse(ModifyProcessInstanceAsyncCmd.class, "a process instance moves only by its own steps"),
			refuse(ProcessInstanceModificationCmd.class, "a process instance moves only by its own steps"),
			refuse(ProcessInstanceModificationBatchCmd.class, "a process instance moves only by its own steps"),
			refuse(RestartProcessInstancesCmd.class, "an ended process is not restarted"),
			refuse(RestartProcessInstancesBatchCmd.class, "an ended process is not restarted"),
			refuse(MigrateProcessInstanceCmd.class, "process instances stay on the version they started on"),
			refuse(MigrateProcessInstanceBatchCmd.class, "process instances stay on the version they started on"),
			refuse(SetProcessDefinitionVersionCmd.class, "process instances stay on the version they started on"),
			refuse(CompleteExternalTaskCmd.class, MYDATA_TASKS),
			refuse(HandleExternalTaskFailureCmd.class, MYDATA_TASKS),
			refuse(HandleExternalTaskBpmnErrorCmd.class, MYDATA_TASKS));

	@Override
	public void preInit(SpringProcessEngineConfiguration configuration) {
		CommandInterceptor guard = new Guard(configuration);
		configuration.setCustomPreCommandInterceptorsTxRequired(
				with(configuration.getCustomPreCommandInterceptorsTxRequired(), guard));
		configuration.setCustomPreCommandInterceptorsTxRequiresNew(
				with(configuration.getCustomPreCommandInterceptorsTxRequiresNew(), new Guard(configuration)));
	}

	private static List<CommandInterceptor> with(List<CommandInterceptor> interceptors, CommandInterceptor guard) {
		List<CommandInterceptor> all = new ArrayList<>();
		all.add(guard);
		if (interceptors != null) {
			all.addAll(interceptors);
		}
		return all;
	}

	private static Map.Entry<Class<?>, String> refuse(Class<?> command, String why) {
		return Map.entry(command, why);
	}

	/** Refuses the listed commands when a person runs them. */
	static final class Guard extends CommandInterceptor {

		private final SpringProcessEngineConfiguration configuration;

		Guard(SpringProcessEngineConfiguration configuration) {
			this.configuration = configuration;
		}

		@Override
		public <T> T execute(Command<T> command) {
			String why = refusal(command);
			if (why != null) {
				IdentityService identity = this.configuration.getIdentityService();
				if (identity.getCurrentAuthentication() != null
						&& identity.getCurrentAuthentication().getUserId() != null) {
					throw new AuthorizationException(
							"Refused for " + identity.getCurrentAuthentication().getUserId() + ": " + why + ".");
				}
			}
			return this.next.execute(command);
		}

		private static String refusal(Command<?> command) {
			for (Map.Entry<Class<?>, String> refused : REFUSED.entrySet()) {
				if (refused.getKey().isInstance(command)) {
					return refused.getValue();
				}
			}
			return null;
		}

	}

}
