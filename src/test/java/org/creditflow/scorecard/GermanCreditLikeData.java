package org.creditflow.scorecard;

import java.util.List;
import java.util.SplittableRandom;

/**
 * A labelled data set in the shape of the UCI German credit data (Hofmann, 1994): the
 * same 20 columns, the same coded categories ({@code A11} to {@code A14} for the checking
 * account, {@code A40} to {@code A410} for the purpose, ...) in about the published
 * shares, some of them numbers used as codes ({@code installment_commitment} 1 to 4), and
 * about 30 % bad; the original's class 2 (bad) is {@code bad} 1 here. The rows are drawn,
 * not copied, with a known risk: each code and number adds to the log-odds of bad as the
 * tables below say, so a scorecard fitted on them must find that order. Some cells are
 * missing, as {@code NA} (age) or empty (savings); a purpose, retraining, is rare enough
 * to need pooling, and two columns (telephone, residence) carry no risk at all.
 */
final class GermanCreditLikeData {

	static final List<String> COLUMNS = List.of("checking_status", "duration", "credit_history", "purpose",
			"credit_amount", "savings_status", "employment", "installment_commitment", "personal_status",
			"other_parties", "residence_since", "property_magnitude", "age", "other_payment_plans", "housing",
			"existing_credits", "job", "num_dependents", "own_telephone", "foreign_worker", "bad");

	/**
	 * A coded column: its codes, their shares and what each adds to the log-odds of bad.
	 */
	private record Coded(String[] codes, double[] shares, double[] logOdds) {

		int draw(SplittableRandom random) {
			return index(random, this.shares);
		}

	}

	static final Coded CHECKING = new Coded(new String[] { "A11", "A12", "A13", "A14" },
			new double[] { 0.27, 0.26, 0.07, 0.40 }, new double[] { 0.9, 0.45, -0.3, -1.0 });

	static final Coded HISTORY = new Coded(new String[] { "A30", "A31", "A32", "A33", "A34" },
			new double[] { 0.04, 0.05, 0.53, 0.09, 0.29 }, new double[] { 0.9, 0.8, 0, -0.1, -0.7 });

	/** Retraining (A48) and others (A410) are rare; vacation (A47) never comes up. */
	static final Coded PURPOSE = new Coded(
			new String[] { "A40", "A41", "A42", "A43", "A44", "A45", "A46", "A48", "A49", "A410" },
			new double[] { 0.23, 0.10, 0.18, 0.28, 0.012, 0.022, 0.05, 0.009, 0.097, 0.02 },
			new double[] { 0.35, -0.7, 0, -0.35, 0.1, 0.3, 0.5, -0.5, 0.1, 0.3 });

	/** A65: unknown or no savings account. */
	static final Coded SAVINGS = new Coded(new String[] { "A61", "A62", "A63", "A64", "A65" },
			new double[] { 0.60, 0.10, 0.06, 0.05, 0.19 }, new double[] { 0.3, 0.1, -0.3, -0.6, -0.5 });

	static final Coded EMPLOYMENT = new Coded(new String[] { "A71", "A72", "A73", "A74", "A75" },
			new double[] { 0.06, 0.17, 0.34, 0.17, 0.26 }, new double[] { 0.3, 0.35, 0, -0.35, -0.15 });

	static final Coded INSTALMENT = new Coded(new String[] { "1", "2", "3", "4" },
			new double[] { 0.14, 0.23, 0.16, 0.47 }, new double[] { -0.3, -0.1, 0, 0.2 });

	static final Coded PERSONAL = new Coded(new String[] { "A91", "A92", "A93", "A94" },
			new double[] { 0.05, 0.31, 0.55, 0.09 }, new double[] { 0.3, 0.2, -0.1, 0 });

	static final Coded PARTIES = new Coded(new String[] { "A101", "A102", "A103" }, new double[] { 0.91, 0.04, 0.05 },
			new double[] { 0, 0.3, -0.5 });

	static final Coded PROPERTY = new Coded(new String[] { "A121", "A122", "A123", "A124" },
			new double[] { 0.28, 0.23, 0.33, 0.16 }, new double[] { -0.3, 0, 0, 0.4 });

	static final Coded PLANS = new Coded(new String[] { "A141", "A142", "A143" }, new double[] { 0.14, 0.05, 0.81 },
			new double[] { 0.4, 0.4, -0.1 });

	static final Coded HOUSING = new Coded(new String[] { "A151", "A152", "A153" }, new double[] { 0.18, 0.71, 0.11 },
			new double[] { 0.3, -0.15, 0.3 });

	static final Coded CREDITS = new Coded(new String[] { "1", "2", "3", "4" }, new double[] { 0.63, 0.33, 0.03, 0.01 },
			new double[] { 0, -0.1, -0.1, 0 });

	static final Coded JOB = new Coded(new String[] { "A171", "A172", "A173", "A174" },
			new double[] { 0.02, 0.20, 0.63, 0.15 }, new double[] { 0, 0, 0, 0.1 });

	static final Coded TELEPHONE = new Coded(new String[] { "A191", "A192" }, new double[] { 0.6, 0.4 },
			new double[] { 0, 0 });

	static final Coded FOREIGN = new Coded(new String[] { "A201", "A202" }, new double[] { 0.96, 0.04 },
			new double[] { 0, -0.6 });

	static final int[] DURATIONS = { 6, 9, 12, 15, 18, 21, 24, 30, 36, 42, 48, 60 };

	static final double[] DURATION_SHARES = { 0.08, 0.05, 0.19, 0.06, 0.12, 0.03, 0.19, 0.04, 0.09, 0.01, 0.06, 0.08 };

	/** Sets the bad rate near the original's 30 %. */
	static final double INTERCEPT = -0.95;

	private GermanCreditLikeData() {
	}

	/** A header and {@code rows} rows; the same seed gives the same text. */
	static String csv(int rows, long seed) {
		SplittableRandom random = new SplittableRandom(seed);
		StringBuilder text = new StringBuilder(String.join(",", COLUMNS)).append('\n');
		for (int row = 0; row < rows; row++) {
			text.append(row(random.split())).append('\n');
		}
		return text.toString();
	}

	private static String row(SplittableRandom random) {
		double logOdds = INTERCEPT;
		StringBuilder cells = new StringBuilder();
		logOdds += coded(CHECKING, random, cells);
		int duration = DURATIONS[index(random, DURATION_SHARES)];
		logOdds += 0.03 * (duration - 20);
		cells.append(duration).append(',');
		logOdds += coded(HISTORY, random, cells);
		logOdds += coded(PURPOSE, random, cells);
		long amount = Math.round(Math.exp(7.7 + 0.6 * random.nextGaussian()) * Math.pow(duration / 20.0, 0.7));
		logOdds += 0.15 * Math.log(amount / 2500.0);
		cells.append(amount).append(',');
		int savings = SAVINGS.draw(random);
		boolean savingsUnknown = random.nextDouble() < 0.04;
		logOdds += savingsUnknown ? 0.4 : SAVINGS.logOdds()[savings];
		cells.append(savingsUnknown ? "" : SAVINGS.codes()[savings]).append(',');
		logOdds += coded(EMPLOYMENT, random, cells);
		logOdds += coded(INSTALMENT, random, cells);
		logOdds += coded(PERSONAL, random, cells);
		logOdds += coded(PARTIES, random, cells);
		cells.append(1 + random.nextInt(4)).append(',');
		logOdds += coded(PROPERTY, random, cells);
		int age = (int) Math.min(75, 19 + Math.floor(-16 * Math.log(1 - random.nextDouble())));
		logOdds += 0.03 * (35 - Math.min(age, 55));
		cells.append((random.nextDouble() < 0.03) ? "NA" : Integer.toString(age)).append(',');
		logOdds += coded(PLANS, random, cells);
		logOdds += coded(HOUSING, random, cells);
		logOdds += coded(CREDITS, random, cells);
		logOdds += coded(JOB, random, cells);
		cells.append((random.nextDouble() < 0.16) ? 2 : 1).append(',');
		logOdds += coded(TELEPHONE, random, cells);
		logOdds += coded(FOREIGN, random, cells);
		cells.append((random.nextDouble() < 1 / (1 + Math.exp(-logOdds))) ? 1 : 0);
		return cells.toString();
	}

	/** An index drawn with the given shares (the last takes what the others leave). */
	private static int index(SplittableRandom random, double[] shares) {
		double u = random.nextDouble();
		for (int i = 0; i < shares.length - 1; i++) {
			u -= shares[i];
			if (u < 0) {
				return i;
			}
		}
		return shares.length - 1;
	}

	private static double coded(Coded column, SplittableRandom random, StringBuilder cells) {
		int code = column.draw(random);
		cells.append(column.codes()[code]).append(',');
		return column.logOdds()[code];
	}

}
