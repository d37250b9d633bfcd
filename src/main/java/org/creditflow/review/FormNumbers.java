package org.creditflow.review;

import java.math.BigDecimal;
import java.util.List;

import org.springframework.lang.Nullable;

/**
 * Reads the numbers an officer typed into a review form, which arrive as JSON numbers or
 * text. Only short, plain numbers are read: a value like {@code 1E+999999999} is refused
 * before anything computes with it or prints it, so it cannot cost memory or time.
 */
final class FormNumbers {

	/** Longer than any amount or rate an officer could mean. */
	private static final int MAX_LENGTH = 20;

	/** Amounts are KRW up to the largest loan the intake accepts. */
	static final long MAX_AMOUNT = 10_000_000_000L;

	/**
	 * What {@code approved_rate numeric(5, 2)} keeps, so the rate checked is the rate
	 * stored.
	 */
	static final int RATE_DECIMALS = 2;

	private FormNumbers() {
	}

	/**
	 * A whole number of KRW, or {@code fallback} when the field was left empty; null
	 * (with the problem noted) when it is not one.
	 */
	@Nullable
	static Long amount(String field, @Nullable Object value, @Nullable Long fallback, List<String> problems) {
		if (isEmpty(value)) {
			return fallback;
		}
		BigDecimal number = read(field, value, problems);
		if (number == null) {
			return null;
		}
		if (number.signum() <= 0 || number.stripTrailingZeros().scale() > 0
				|| number.compareTo(BigDecimal.valueOf(MAX_AMOUNT)) > 0) {
			problems.add(field + " must be a whole number of KRW from 1 to " + MAX_AMOUNT);
			return null;
		}
		return number.longValueExact();
	}

	/**
	 * A whole number of KRW that may be 0 (repayments of no debt); null when the field
	 * was left empty, or (with the problem noted) is not one.
	 */
	@Nullable
	static Long owed(String field, @Nullable Object value, List<String> problems) {
		if (isEmpty(value)) {
			return null;
		}
		BigDecimal number = read(field, value, problems);
		if (number == null) {
			return null;
		}
		if (number.signum() < 0 || number.stripTrailingZeros().scale() > 0
				|| number.compareTo(BigDecimal.valueOf(MAX_AMOUNT)) > 0) {
			problems.add(field + " must be a whole number of KRW from 0 to " + MAX_AMOUNT);
			return null;
		}
		return number.longValueExact();
	}

	/**
	 * An annual rate in percent with at most two decimals, or {@code fallback} when the
	 * field was left empty; null (with the problem noted) when it is not one.
	 */
	@Nullable
	static BigDecimal rate(String field, @Nullable Object value, @Nullable BigDecimal fallback, List<String> problems) {
		if (isEmpty(value)) {
			return fallback;
		}
		BigDecimal number = read(field, value, problems);
		if (number == null) {
			return null;
		}
		BigDecimal rate = number.stripTrailingZeros();
		if (rate.scale() > RATE_DECIMALS || rate.precision() - rate.scale() > 3) {
			problems
				.add(field + " must be a percentage below 1000 with at most " + RATE_DECIMALS + " decimals, like 7.9");
			return null;
		}
		return rate;
	}

	private static boolean isEmpty(@Nullable Object value) {
		return value == null || (value instanceof String text && text.isBlank());
	}

	@Nullable
	private static BigDecimal read(String field, Object value, List<String> problems) {
		if (value instanceof Double || value instanceof Float) {
			double number = ((Number) value).doubleValue();
			if (Double.isFinite(number)) {
				return BigDecimal.valueOf(number);
			}
		}
		else if (value instanceof Long || value instanceof Integer || value instanceof Short) {
			return BigDecimal.valueOf(((Number) value).longValue());
		}
		else if (value instanceof String text && text.strip().length() <= MAX_LENGTH
				&& text.strip().matches("[+-]?\\d+(\\.\\d+)?")) {
			return new BigDecimal(text.strip());
		}
		problems.add(field + " must be a plain number: digits and at most one decimal point, no more than " + MAX_LENGTH
				+ " characters");
		return null;
	}

}
