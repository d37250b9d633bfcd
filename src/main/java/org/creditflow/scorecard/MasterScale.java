package org.creditflow.scorecard;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.lang.Nullable;

/**
 * The master scale: grades as bands of probability of default, from the policy file's
 * {@code grade.A.pd.max}, {@code grade.B.pd.max}, ... (percent within 12 months). A grade
 * holds the PDs above the previous grade's bound up to its own; the grade after the last
 * bound holds all above it. A policy without {@code grade.A.pd.max} has no master scale
 * ({@link #NONE}): a scorecard of a public data set fitted on it has score bands but no
 * grades, rather than grades nobody chose.
 */
final class MasterScale {

	/** The scale of a policy without master scale keys: no grades at all. */
	static final MasterScale NONE = new MasterScale(List.of());

	private static final Pattern KEY = Pattern.compile("grade\\.(.*)\\.pd\\.max");

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	/**
	 * A grade and its band of PDs in percent, as the policy writes them: above
	 * {@code pdFromPercent}, up to and including {@code pdToPercent}.
	 */
	record Grade(String name, BigDecimal pdFromPercent, BigDecimal pdToPercent) {
	}

	private final List<Grade> grades;

	/** Each grade's highest PD as a probability, compared with a row's PD. */
	private final double[] upperBounds;

	private MasterScale(List<Grade> grades) {
		this.grades = List.copyOf(grades);
		this.upperBounds = grades.stream()
			.mapToDouble((grade) -> grade.pdToPercent().movePointLeft(2).doubleValue())
			.toArray();
	}

	/**
	 * The master scale of a policy file.
	 * @param source the file, to name in messages
	 * @throws IllegalArgumentException naming the key, when a bound is not a number, not
	 * above 0 and below 100, not above the previous one, or comes without the ones before
	 */
	static MasterScale of(Properties policy, Object source) {
		List<BigDecimal> bounds = new ArrayList<>();
		for (char grade = 'A'; grade < 'Z' && policy.getProperty(key(grade)) != null; grade++) {
			bounds.add(bound(policy, grade, source, bounds.isEmpty() ? null : bounds.get(bounds.size() - 1)));
		}
		for (String name : policy.stringPropertyNames()) {
			Matcher key = KEY.matcher(name);
			if (key.matches() && !isGradeOf(key.group(1), bounds.size())) {
				throw new IllegalArgumentException(source + ": " + name + " does not continue the master scale: "
						+ "its bounds run grade.A.pd.max, grade.B.pd.max, ... without a gap, up to grade.Y.pd.max"
						+ " (the next grade holds all PDs above the last bound)");
			}
		}
		List<Grade> grades = new ArrayList<>();
		for (int i = 0; i < bounds.size(); i++) {
			grades.add(new Grade(String.valueOf((char) ('A' + i)), (i == 0) ? BigDecimal.ZERO : bounds.get(i - 1),
					bounds.get(i)));
		}
		if (!bounds.isEmpty()) {
			grades.add(new Grade(String.valueOf((char) ('A' + bounds.size())), bounds.get(bounds.size() - 1), HUNDRED));
		}
		return new MasterScale(grades);
	}

	/** The grades from the safest, empty without a master scale. */
	List<Grade> grades() {
		return this.grades;
	}

	boolean isEmpty() {
		return this.grades.isEmpty();
	}

	/**
	 * The grade of a PD given as a probability (0 to 1, as {@code scores.csv} holds it).
	 */
	String gradeOf(double pd) {
		if (isEmpty()) {
			throw new IllegalStateException("The policy has no master scale (grade.A.pd.max, ...)");
		}
		if (!(pd >= 0 && pd <= 1)) {
			throw new IllegalArgumentException("A PD is a probability from 0 to 1, not " + pd);
		}
		int grade = 0;
		while (grade < this.upperBounds.length - 1 && pd > this.upperBounds[grade]) {
			grade++;
		}
		return this.grades.get(grade).name();
	}

	private static BigDecimal bound(Properties policy, char grade, Object source, @Nullable BigDecimal previous) {
		String key = key(grade);
		String value = policy.getProperty(key).strip();
		BigDecimal bound;
		try {
			bound = new BigDecimal(value);
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException(
					source + ": " + key + " must be a PD in percent (such as 2.5), not '" + value + "'");
		}
		if (bound.signum() <= 0 || bound.compareTo(HUNDRED) >= 0) {
			throw new IllegalArgumentException(
					source + ": " + key + " must be above 0 and below 100 (a PD in percent), not " + value);
		}
		if (previous != null && bound.compareTo(previous) <= 0) {
			throw new IllegalArgumentException(source + ": " + key + " must be above " + key((char) (grade - 1)) + " ("
					+ previous.toPlainString() + "), not " + value);
		}
		return bound;
	}

	/** Whether a key's grade is one of the bounds read, A up to the last. */
	private static boolean isGradeOf(String grade, int bounds) {
		return grade.length() == 1 && grade.charAt(0) >= 'A' && grade.charAt(0) < 'A' + bounds;
	}

	private static String key(char grade) {
		return "grade." + grade + ".pd.max";
	}

}
