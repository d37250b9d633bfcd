package org.creditflow.review;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskService;
import org.creditflow.web.BufferedRequest;

import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A task completion carries the task's form and nothing else. Camunda lets whoever may
 * complete a task send any variables with it; here a completion (Camunda's REST API and
 * Tasklist's own: {@code complete} and {@code submit-form}) may only carry the fields of
 * the task's deployed Camunda Form, each a plain value (text, number, yes/no). The
 * variables the server sets (the assessment, who reviewed, whether four eyes are needed,
 * the terms) cannot ride along: such a request is refused with 400 naming every field,
 * before the engine sees it. (Setting variables any other way needs a permission no
 * officer has, see {@code CamundaAuthorizations}.)
 */
@Configuration(proxyBeanMethods = false)
class TaskFormSubmissions {

	/** Value types a form field can have; Object, Json, Xml, File and Bytes cannot. */
	private static final Set<String> PLAIN_TYPES = Set.of("string", "integer", "long", "short", "double", "boolean",
			"null");

	@Bean
	FilterRegistrationBean<OncePerRequestFilter> taskFormSubmissionFilter(TaskService tasks, FormService forms,
			ObjectMapper json) {
		FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(
				new FormFieldsFilter(tasks, forms, json));
		registration.addUrlPatterns(TaskCompletionLock.TASK_APIS);
		// after sign-in, before the completion lock
		registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 5);
		return registration;
	}

	static final class FormFieldsFilter extends OncePerRequestFilter {

		private final TaskService tasks;

		private final FormService forms;

		private final ObjectMapper json;

		FormFieldsFilter(TaskService tasks, FormService forms, ObjectMapper json) {
			this.tasks = tasks;
			this.forms = forms;
			this.json = json;
		}

		@Override
		protected boolean shouldNotFilter(HttpServletRequest request) {
			return !"POST".equals(request.getMethod())
					|| !TaskCompletionLock.COMPLETION.matcher(TaskCompletionLock.path(request)).matches();
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			Matcher completion = TaskCompletionLock.COMPLETION.matcher(TaskCompletionLock.path(request));
			completion.matches();
			String taskId = completion.group(1);
			byte[] body = request.getInputStream().readAllBytes();
			List<String> problems = problems(taskId, body);
			if (!problems.isEmpty()) {
				TaskCompletionLock.problem(response, HttpServletResponse.SC_BAD_REQUEST,
						"The form cannot be saved: " + String.join("; ", problems) + ".");
				return;
			}
			chain.doFilter(new BufferedRequest(request, body), response);
		}

		private List<String> problems(String taskId, byte[] body) {
			JsonNode variables;
			try {
				variables = (body.length == 0) ? null : this.json.readTree(body).get("variables");
			}
			catch (IOException ex) {
				// not JSON: the engine's API refuses it in its own words
				return List.of();
			}
			if (variables == null || !variables.isObject() || variables.isEmpty()) {
				return List.of();
			}
			Set<String> fields = formFields(taskId);
			if (fields == null) {
				// no such task for this user: the engine says so
				return List.of();
			}
			List<String> problems = new ArrayList<>();
			for (Iterator<Map.Entry<String, JsonNode>> it = variables.fields(); it.hasNext();) {
				Map.Entry<String, JsonNode> variable = it.next();
				String name = variable.getKey();
				JsonNode value = variable.getValue();
				if (!fields.contains(name)) {
					problems.add("'" + shorten(name) + "' is not a field of this form (it has "
							+ String.join(", ", fields) + "); the server sets everything else");
				}
				else if (!isPlain(value)) {
					problems.add("'" + name + "' must be a plain value (text, a number or yes/no)");
				}
			}
			return problems;
		}

		private static boolean isPlain(JsonNode variable) {
			if (!variable.isObject()) {
				return false;
			}
			JsonNode type = variable.get("type");
			JsonNode value = variable.get("value");
			JsonNode info = variable.get("valueInfo");
			return (type == null || type.isNull() || PLAIN_TYPES.contains(type.asText().toLowerCase(Locale.ROOT)))
					&& (value == null || value.isValueNode()) && (info == null || info.isNull() || info.isEmpty());
		}

		/** The keys of the task's deployed form; null when the task cannot be found. */
		private Set<String> formFields(String taskId) {
			try {
				if (this.tasks.createTaskQuery().taskId(taskId).count() == 0) {
					return null;
				}
				Set<String> keys = new LinkedHashSet<>();
				try (InputStream form = this.forms.getDeployedTaskForm(taskId)) {
					collectKeys(this.json.readTree(form), keys);
				}
				return keys;
			}
			catch (ProcessEngineException | IOException ex) {
				if (this.tasks.createTaskQuery().taskId(taskId).count() == 0) {
					// completed by someone else since the check above: the engine says so
					return null;
				}
				// a task without a deployed form takes no variables at all
				return Set.of();
			}
		}

		private static void collectKeys(JsonNode node, Set<String> keys) {
			JsonNode components = node.get("components");
			if (components == null) {
				return;
			}
			for (JsonNode component : components) {
				if (component.hasNonNull("key")) {
					keys.add(component.get("key").asText());
				}
				collectKeys(component, keys);
			}
		}

		private static String shorten(String name) {
			return (name.length() > 60) ? name.substring(0, 60) + "..." : name;
		}

	}

}
