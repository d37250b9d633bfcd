package org.creditflow.web;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.type.LogicalType;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.springframework.stereotype.Component;

/**
 * Turns a JSON body into a request object and reports <em>every</em> problem with it at
 * once: unknown fields, values of the wrong type and Bean Validation failures.
 *
 * <p>
 * Jackson stops at the first field it cannot map, so the reader notes that field, drops
 * it from the tree and reads again until the rest maps; Bean Validation then checks what
 * is left, skipping the fields already reported.
 */
@Component
public class StrictJsonReader {

	private final ObjectMapper mapper;

	private final Validator validator;

	public StrictJsonReader(ObjectMapper objectMapper, Validator validator) {
		ObjectMapper strict = objectMapper.copy()
			.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
			.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
		// "20000000" is text, not an amount: clients must send the JSON type the contract
		// names
		for (LogicalType type : List.of(LogicalType.Integer, LogicalType.Float, LogicalType.Boolean)) {
			strict.coercionConfigFor(type).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
		}
		strict.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
		strict.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
		strict.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
		this.mapper = strict;
		this.validator = validator;
	}

	/**
	 * Reads {@code body} as {@code type}.
	 * @throws InvalidRequestException naming every invalid field when anything is wrong
	 */
	public <T> T read(JsonNode body, Class<T> type) {
		if (!body.isObject()) {
			throw new InvalidRequestException("(body)", "must be a JSON object");
		}
		ObjectNode remaining = body.deepCopy();
		ObjectReader reader = this.mapper.readerFor(type);
		List<FieldProblem> problems = new ArrayList<>();
		T value = null;
		while (value == null) {
			try {
				value = reader.readValue(remaining);
			}
			catch (JsonMappingException ex) {
				String field = fieldPath(ex);
				problems.add(new FieldProblem(field, describe(ex)));
				if (field.isEmpty() || !remove(remaining, ex.getPath())) {
					throw new InvalidRequestException(problems);
				}
			}
			catch (java.io.IOException ex) {
				throw new InvalidRequestException("(body)", "cannot be read: " + ex.getMessage());
			}
		}
		Set<String> reported = problems.stream().map(FieldProblem::field).collect(Collectors.toSet());
		for (ConstraintViolation<T> violation : this.validator.validate(value)) {
			String field = violation.getPropertyPath().toString();
			if (!reported.contains(field)) {
				problems.add(new FieldProblem(field, violation.getMessage()));
			}
		}
		if (!problems.isEmpty()) {
			problems.sort(Comparator.comparing(FieldProblem::field));
			throw new InvalidRequestException(problems);
		}
		return value;
	}

	private static String fieldPath(JsonMappingException ex) {
		return ex.getPath()
			.stream()
			.map((ref) -> (ref.getFieldName() != null) ? ref.getFieldName() : "[" + ref.getIndex() + "]")
			.collect(Collectors.joining("."))
			.replace(".[", "[");
	}

	private static boolean remove(ObjectNode root, List<JsonMappingException.Reference> path) {
		if (path.isEmpty()) {
			return false;
		}
		StringBuilder pointer = new StringBuilder();
		for (JsonMappingException.Reference ref : path.subList(0, path.size() - 1)) {
			pointer.append('/').append((ref.getFieldName() != null) ? ref.getFieldName() : ref.getIndex());
		}
		JsonNode parent = root.at(JsonPointer.compile(pointer.toString()));
		String name = path.get(path.size() - 1).getFieldName();
		if (parent instanceof ObjectNode object && name != null && object.has(name)) {
			object.remove(name);
			return true;
		}
		return false;
	}

	private static String describe(JsonMappingException ex) {
		if (ex instanceof UnrecognizedPropertyException) {
			return "is not a known field";
		}
		if (ex instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
			return expected(mismatch.getTargetType());
		}
		return "has an invalid value";
	}

	private static String expected(Class<?> type) {
		if (type.isEnum()) {
			return "must be one of "
					+ Arrays.stream(type.getEnumConstants()).map(Object::toString).collect(Collectors.joining(", "));
		}
		if (type == LocalDate.class) {
			return "must be a date like 1990-04-12";
		}
		if (type == OffsetDateTime.class) {
			return "must be a date-time with offset like 2026-11-28T10:00:00+09:00";
		}
		if (type == Long.class || type == Integer.class || type == long.class || type == int.class) {
			return "must be a whole number";
		}
		if (type == Boolean.class || type == boolean.class) {
			return "must be true or false";
		}
		if (type == String.class) {
			return "must be text";
		}
		return "must be a JSON object";
	}

}
