package org.creditflow.scorecard;

import java.util.List;

import org.springframework.lang.Nullable;

/**
 * One bin of a characteristic: a range of a numeric one ({@code from} inclusive,
 * {@code to} exclusive, null for open ends), a set of categories of a categorical one, or
 * the missing values; with its goods and bads.
 */
record Bin(String label, @Nullable Double from, @Nullable Double to, List<String> categories, boolean missing,
		long goods, long bads) {

	Bin {
		categories = List.copyOf(categories);
	}

	static Bin range(@Nullable Double from, @Nullable Double to, long goods, long bads) {
		return new Bin(rangeLabel(from, to), from, to, List.of(), false, goods, bads);
	}

	static Bin missing(long goods, long bads) {
		return new Bin("missing", null, null, List.of(), true, goods, bads);
	}

	long count() {
		return this.goods + this.bads;
	}

	double badRate() {
		return (count() == 0) ? 0 : this.bads / (double) count();
	}

	/** This range and the next one as one bin. */
	Bin mergeWith(Bin next) {
		return range(this.from, next.to, this.goods + next.goods, this.bads + next.bads);
	}

	boolean contains(double value) {
		return !this.missing && (this.from == null || value >= this.from) && (this.to == null || value < this.to);
	}

	private static String rangeLabel(@Nullable Double from, @Nullable Double to) {
		if (from == null && to == null) {
			return "all";
		}
		if (from == null) {
			return "< " + number(to);
		}
		return (to == null) ? ">= " + number(from) : "[" + number(from) + ", " + number(to) + ")";
	}

	private static String number(double value) {
		return (value == Math.rint(value) && Math.abs(value) < 1e15) ? Long.toString((long) value)
				: Double.toString(value);
	}

}
