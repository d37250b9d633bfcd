package org.creditflow.web;

import java.time.LocalDate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.Valid;
import jakarta.validation.Validation;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import org.junit.jupiter.api.Test;

import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class StrictJsonReaderTests {

	enum Colour {

		RED, GREEN

	}

	record Inner(@NotNull Boolean flag, @NotNull LocalDate day) {
	}

	record Body(@NotBlank String name, @NotNull @Positive Long amount, @NotNull Colour colour,
			@NotNull @Valid Inner inner) {
	}

	private final ObjectMapper mapper = Jackson2ObjectMapperBuilder.json().build();

	private final StrictJsonReader reader = new StrictJsonReader(this.mapper,
			Validation.buildDefaultValidatorFactory().getValidator());

	@Test
	void shouldReadAValidBody() throws Exception {
		Body body = this.reader.read(json("""
				{"name": "김민지", "amount": 5, "colour": "RED", "inner": {"flag": true, "day": "1990-04-12"}}"""),
				Body.class);

		assertThat(body.name()).isEqualTo("김민지");
		assertThat(body.inner().day()).isEqualTo(LocalDate.of(1990, 4, 12));
	}

	@Test
	void shouldNameEveryProblemAtOnce() throws Exception {
		JsonNode body = json("""
				{"name": "", "amount": "five", "colour": "BLUE", "extra": 1,
				 "inner": {"flag": "yes", "day": "1990-13-45"}}""");

		assertThatExceptionOfType(InvalidRequestException.class).isThrownBy(() -> this.reader.read(body, Body.class))
			.satisfies((ex) -> assertThat(ex.problems()).containsExactly(
					new FieldProblem("amount", "must be a whole number"),
					new FieldProblem("colour", "must be one of RED, GREEN"),
					new FieldProblem("extra", "is not a known field"),
					new FieldProblem("inner.day", "must be a date like 1990-04-12"),
					new FieldProblem("inner.flag", "must be true or false"),
					new FieldProblem("name", "must not be blank")));
	}

	@Test
	void shouldReportMissingFieldsAndNestedObjects() throws Exception {
		assertThatExceptionOfType(InvalidRequestException.class)
			.isThrownBy(() -> this.reader.read(json("{\"amount\": 0}"), Body.class))
			.satisfies((ex) -> assertThat(ex.problems()).extracting(FieldProblem::field)
				.containsExactly("amount", "colour", "inner", "name"));
	}

	@Test
	void shouldRefuseFractionsForWholeNumbers() throws Exception {
		assertThatExceptionOfType(InvalidRequestException.class)
			.isThrownBy(() -> this.reader.read(json("""
					{"name": "a", "amount": 12.5, "colour": "RED", "inner": {"flag": true, "day": "1990-04-12"}}"""),
					Body.class))
			.satisfies((ex) -> assertThat(ex.problems())
				.containsExactly(new FieldProblem("amount", "must be a whole number")));
	}

	@Test
	void shouldRefuseABodyThatIsNotAnObject() throws Exception {
		assertThatExceptionOfType(InvalidRequestException.class)
			.isThrownBy(() -> this.reader.read(json("[1, 2]"), Body.class))
			.satisfies((ex) -> assertThat(ex.problems()).extracting(FieldProblem::field).containsExactly("(body)"));
	}

	private JsonNode json(String text) throws Exception {
		return this.mapper.readTree(text);
	}

}
