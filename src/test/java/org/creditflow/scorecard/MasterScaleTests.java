package org.creditflow.scorecard;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The master scale as the policy file writes it: grades A to E from four bounds, a PD on
 * a bound in the grade below it, and every bound that cannot be used named by its key.
 */
class MasterScaleTests {

	private static final String SCALE = """
			grade.A.pd.max=1.0
			grade.B.pd.max=2.0
			grade.C.pd.max=4.0
			grade.D.pd.max=8.0
			""";

	@Test
	void shouldReadTheGradesOfThePolicyFile() throws IOException {
		Properties policy = new Properties();
		try (Reader reader = Files.newBufferedReader(Path.of("rules/policy.properties"), StandardCharsets.UTF_8)) {
			policy.load(reader);
		}

		MasterScale scale = MasterScale.of(policy, "rules/policy.properties");

		assertThat(scale.grades()).extracting(MasterScale.Grade::name).containsExactly("A", "B", "C", "D", "E");
		assertThat(scale.grades().get(0)).isEqualTo(grade("A", "0", "1.0"));
		assertThat(scale.grades().get(3)).isEqualTo(grade("D", "4.0", "8.0"));
		assertThat(scale.grades().get(4)).isEqualTo(grade("E", "8.0", "100"));
	}

	@Test
	void shouldPutAPdOnABoundInTheSaferGrade() {
		MasterScale scale = scale(SCALE);

		assertThat(scale.gradeOf(0)).isEqualTo("A");
		assertThat(scale.gradeOf(0.01)).isEqualTo("A");
		assertThat(scale.gradeOf(Math.nextUp(0.01))).isEqualTo("B");
		assertThat(scale.gradeOf(0.02)).isEqualTo("B");
		assertThat(scale.gradeOf(0.04)).isEqualTo("C");
		assertThat(scale.gradeOf(0.0400001)).isEqualTo("D");
		assertThat(scale.gradeOf(0.08)).isEqualTo("D");
		assertThat(scale.gradeOf(Math.nextUp(0.08))).isEqualTo("E");
		assertThat(scale.gradeOf(1)).isEqualTo("E");
	}

	@Test
	void shouldCompareBoundsAsThePolicyWritesThem() {
		// 7 % is not 0.07 * 100 in binary (7.000000000000001): a PD of 0.07 is still
		// grade B
		MasterScale scale = scale("grade.A.pd.max=3\ngrade.B.pd.max=7\n");

		assertThat(scale.gradeOf(0.07)).isEqualTo("B");
		assertThat(scale.gradeOf(0.0700001)).isEqualTo("C");
	}

	@Test
	void shouldHaveNoGradesWithoutMasterScaleKeys() {
		MasterScale scale = scale("score.base=600\ngrade.A=800\n");

		assertThat(scale.isEmpty()).isTrue();
		assertThat(scale.grades()).isEmpty();
		assertThatIllegalStateException().isThrownBy(() -> scale.gradeOf(0.05)).withMessageContaining("grade.A.pd.max");
	}

	@Test
	void shouldNameTheKeyOfEveryBoundThatCannotBeUsed() {
		assertProblem("grade.A.pd.max=1.0\ngrade.B.pd.max=two\n", "policy: grade.B.pd.max must be a PD in percent");
		assertProblem("grade.A.pd.max=0\n", "grade.A.pd.max must be above 0 and below 100 (a PD in percent), not 0");
		assertProblem("grade.A.pd.max=1\ngrade.B.pd.max=100\n", "grade.B.pd.max must be above 0 and below 100");
		assertProblem("grade.A.pd.max=2.0\ngrade.B.pd.max=2\n", "grade.B.pd.max must be above grade.A.pd.max (2.0)");
		assertProblem("grade.A.pd.max=2.0\ngrade.B.pd.max=1.5\n", "grade.B.pd.max must be above grade.A.pd.max");
		assertProblem("grade.A.pd.max=1\ngrade.C.pd.max=4\n", "grade.C.pd.max does not continue the master scale");
		assertProblem("grade.B.pd.max=2\n", "grade.B.pd.max does not continue the master scale");
		assertProblem("grade.A.pd.max=1\ngrade.a.pd.max=1\n", "grade.a.pd.max does not continue");
	}

	@Test
	void shouldRefuseAPdThatIsNotAProbability() {
		MasterScale scale = scale(SCALE);

		assertThatIllegalArgumentException().isThrownBy(() -> scale.gradeOf(2.5)).withMessageContaining("0 to 1");
		assertThatIllegalArgumentException().isThrownBy(() -> scale.gradeOf(Double.NaN));
	}

	private static void assertProblem(String policy, String message) {
		assertThatIllegalArgumentException().isThrownBy(() -> scale(policy)).withMessageContaining(message);
	}

	private static MasterScale scale(String text) {
		Properties policy = new Properties();
		try {
			policy.load(new StringReader(text));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		return MasterScale.of(policy, "policy");
	}

	private static MasterScale.Grade grade(String name, String from, String to) {
		return new MasterScale.Grade(name, new BigDecimal(from), new BigDecimal(to));
	}

}
