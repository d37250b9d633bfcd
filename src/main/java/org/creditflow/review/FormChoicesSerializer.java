package org.creditflow.review;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.impl.variable.serializer.AbstractObjectValueSerializer;

/**
 * Stores {@link FormChoices} task variables as JSON ({@code application/json}), the one
 * object format Tasklist parses for a Camunda form's {@code valuesKey}. Camunda's own
 * JSON format comes with Spin, which is more than a list of options needs (and whose JSON
 * artifact Operaton 1.0.3 does not publish), so this serializer writes the one type it
 * knows, and refuses every other: an object named by a client is never instantiated.
 */
class FormChoicesSerializer extends AbstractObjectValueSerializer {

	static final String NAME = "creditflow-form-choices";

	static final String JSON = "application/json";

	private final ObjectMapper json = new ObjectMapper();

	FormChoicesSerializer() {
		super(JSON);
	}

	@Override
	public String getName() {
		return NAME;
	}

	@Override
	protected boolean canSerializeValue(Object value) {
		return value instanceof FormChoices;
	}

	@Override
	protected String getTypeNameForDeserialized(Object deserializedObject) {
		return FormChoices.class.getName();
	}

	@Override
	protected byte[] serializeToByteArray(Object deserializedObject) throws Exception {
		return this.json.writeValueAsBytes(deserializedObject);
	}

	@Override
	protected Object deserializeFromByteArray(byte[] object, String objectTypeName) throws Exception {
		if (!FormChoices.class.getName().equals(objectTypeName)) {
			throw new IllegalArgumentException(
					"Only " + FormChoices.class.getName() + " is read as " + JSON + " here, not " + objectTypeName);
		}
		return this.json.readValue(object, FormChoices.class);
	}

	@Override
	protected boolean isSerializationTextBased() {
		return true;
	}

}
