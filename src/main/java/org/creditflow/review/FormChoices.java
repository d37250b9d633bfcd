package org.creditflow.review;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The options of a select in a Camunda form, given to the form as a task variable its
 * {@code valuesKey} names, so the options come from the server (the ruleset's reason
 * codes) instead of being copied into the form. Written as the JSON array the form reads
 * by {@link FormChoicesSerializer}.
 *
 * @param choices the options in the order shown
 */
record FormChoices(@JsonValue List<Choice> choices) {

	@JsonCreator
	FormChoices {
		choices = List.copyOf(choices);
	}

	/**
	 * One option.
	 *
	 * @param label what the officer reads
	 * @param value what the form submits
	 */
	record Choice(String label, String value) {
	}

}
