package org.creditflow.mydata;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.creditflow.application.EmploymentType;
import org.creditflow.application.LoanPurpose;
import org.creditflow.mydata.FinancialProfile.Account;
import org.creditflow.mydata.FinancialProfile.AccountType;
import org.creditflow.mydata.FinancialProfile.Card;
import org.creditflow.mydata.FinancialProfile.ExistingLoan;
import org.creditflow.mydata.FinancialProfile.LenderType;

/**
 * The synthetic population of applicants, written down in {@code docs/credit-model.md}
 * step by step, so that what a scorecard or a backtest finds can be checked against the
 * truth. Every applicant has a latent creditworthiness; their bank and telecom data are
 * drawn conditionally on it, their probability of default is a known function of it, and
 * the telecom signal says how much their phone-bill behaviour reveals of it (0: nothing,
 * 1: as much as it can).
 * <p>
 * Draws use only {@link SplittableRandom} and {@link StrictMath}, so a seed gives the
 * same applicants on every machine and Java version.
 */
public final class Population {

	/** Intercept of the log-odds of default, set for about 4 % bad overall. */
	static final double PD_INTERCEPT = -3.75;

	/** How steeply the log-odds of default fall with creditworthiness. */
	static final double PD_SLOPE = 1.15;

	/** Thin filers are somewhat riskier on average, not uniformly bad. */
	static final double THIN_FILE_MEAN = -0.15;

	private static final String[] CARRIERS = { "SKT", "KT", "LGU+", "MVNO" };

	private static final double[] CARRIER_SHARES = { 0.40, 0.25, 0.20, 0.15 };

	private static final int[] TERMS = { 12, 24, 36, 48, 60 };

	private static final double[] TERM_SHARES = { 0.15, 0.20, 0.35, 0.10, 0.20 };

	private static final LoanPurpose[] PURPOSES = { LoanPurpose.LIVING, LoanPurpose.DEBT_CONSOLIDATION,
			LoanPurpose.HOUSING, LoanPurpose.EDUCATION, LoanPurpose.MEDICAL, LoanPurpose.BUSINESS, LoanPurpose.OTHER };

	private static final double[] PURPOSE_SHARES = { 0.45, 0.15, 0.10, 0.08, 0.07, 0.08, 0.07 };

	private final double telecomSignal;

	/**
	 * @param telecomSignal the correlation between the telecom behaviour and
	 * creditworthiness, 0 to 1
	 */
	public Population(double telecomSignal) {
		if (!(telecomSignal >= 0 && telecomSignal <= 1)) {
			throw new IllegalArgumentException("The telecom signal must be between 0 and 1, not " + telecomSignal);
		}
		this.telecomSignal = telecomSignal;
	}

	public double telecomSignal() {
		return this.telecomSignal;
	}

	/** An applicant of any age, as they come to a lender. */
	public SyntheticApplicant draw(SplittableRandom random) {
		return draw(random, age(random));
	}

	/**
	 * An applicant of the given age, as the MyData simulator draws the person it was
	 * asked about.
	 */
	public SyntheticApplicant draw(SplittableRandom random, int age) {
		boolean thin = random.nextDouble() < thinFileShare(age);
		boolean neverHadCredit = thin && random.nextDouble() < 0.7;
		double creditworthiness = (thin ? THIN_FILE_MEAN : 0) + normal(random);
		double pd = probabilityOfDefault(creditworthiness);
		EmploymentType employment = employment(random, age);
		long monthlyIncome = monthlyIncome(random, employment, age, creditworthiness);
		FinancialProfile financial = thin ? thinFile(random, age, monthlyIncome, neverHadCredit, creditworthiness)
				: fullFile(random, age, monthlyIncome, employment, creditworthiness);
		TelecomProfile telecom = telecom(random, age, this.telecomSignal * creditworthiness
				+ StrictMath.sqrt(1 - this.telecomSignal * this.telecomSignal) * normal(random));
		long declared = roundTo(monthlyIncome * 12 * (1 + StrictMath.max(0, 0.03 + 0.05 * normal(random))), 100_000);
		long amount = StrictMath.max(1_000_000, StrictMath.min(100_000_000,
				roundTo(declared * 0.35 * StrictMath.exp(0.5 * normal(random)), 1_000_000)));
		int term = TERMS[pick(random, TERM_SHARES)];
		LoanPurpose purpose = PURPOSES[pick(random, PURPOSE_SHARES)];
		boolean financialAvailable = random.nextDouble() >= 0.01;
		boolean telecomConsented = random.nextDouble() < 0.90;
		boolean telecomAvailable = random.nextDouble() >= 0.02;
		boolean bad = random.nextDouble() < pd;
		return new SyntheticApplicant(creditworthiness, age, employment, declared, amount, term, purpose,
				financialAvailable, telecomConsented, telecomAvailable, financial, telecom, financial.thinFile(), pd,
				bad);
	}

	/** The true probability of default within 12 months. */
	static double probabilityOfDefault(double creditworthiness) {
		return logistic(PD_INTERCEPT - PD_SLOPE * creditworthiness);
	}

	/** 30 % in their twenties, 35 % 30 to 44, 35 % 45 to 69, a few minors who try. */
	private static int age(SplittableRandom random) {
		double u = random.nextDouble();
		if (u < 0.005) {
			return 18;
		}
		if (u < 0.30) {
			return random.nextInt(19, 30);
		}
		return (u < 0.65) ? random.nextInt(30, 45) : random.nextInt(45, 70);
	}

	/** Thin files are mostly the young: about a quarter of all applicants. */
	private static double thinFileShare(int age) {
		return (age < 30) ? 0.55 : (age < 45) ? 0.15 : 0.12;
	}

	private static EmploymentType employment(SplittableRandom random, int age) {
		double u = random.nextDouble();
		if (age < 24 && u < 0.35) {
			return EmploymentType.STUDENT;
		}
		if (age >= 60 && u < 0.40) {
			return EmploymentType.RETIRED;
		}
		double v = random.nextDouble();
		return (v < 0.75) ? EmploymentType.SALARIED
				: (v < 0.93) ? EmploymentType.SELF_EMPLOYED : EmploymentType.UNEMPLOYED;
	}

	/** Log-normal around the employment's median, peaking in the mid-forties. */
	private static long monthlyIncome(SplittableRandom random, EmploymentType employment, int age,
			double creditworthiness) {
		double median = switch (employment) {
			case SALARIED -> 3_300_000;
			case SELF_EMPLOYED -> 3_000_000;
			case STUDENT -> 900_000;
			case RETIRED -> 1_600_000;
			case UNEMPLOYED -> 600_000;
		};
		double peak = (age - 45) / 25.0;
		double log = StrictMath.log(median) + 0.25 * (1 - peak * peak) + 0.12 * creditworthiness
				+ 0.35 * normal(random);
		return roundTo(StrictMath.exp(log), 1000);
	}

	private static FinancialProfile fullFile(SplittableRandom random, int age, long monthlyIncome,
			EmploymentType employment, double z) {
		long seen = (random.nextDouble() < incomeSeenShare(employment)) ? monthlyIncome : 0;
		List<Card> cards = new ArrayList<>();
		int cardCount = 1 + StrictMath.min(5, poisson(random, 1.2));
		double utilization = logistic(-0.3 - 0.9 * z + 0.8 * normal(random));
		for (int i = 0; i < cardCount; i++) {
			long limit = random.nextLong(2, 21) * 1_000_000;
			cards.add(new Card(limit, roundTo(limit * utilization, 1000)));
		}
		List<ExistingLoan> loans = new ArrayList<>();
		int loanCount = StrictMath.min(6, poisson(random, 0.9 + 0.5 * StrictMath.max(0, -z)));
		double nonBankShare = logistic(-1.4 - 0.9 * z);
		for (int i = 0; i < loanCount; i++) {
			boolean nonBank = random.nextDouble() < nonBankShare;
			double share = 0.02 + 0.07 * random.nextDouble() + (nonBank ? 0.02 : 0);
			long repayment = roundTo(monthlyIncome * share, 1000);
			LenderType lender = nonBank ? LenderType.values()[random.nextInt(1, LenderType.values().length)]
					: LenderType.BANK;
			loans.add(new ExistingLoan(lender, repayment * random.nextInt(18, 49), repayment));
		}
		int shortTerm = poisson(random, StrictMath.exp(-2.3 - 1.1 * z));
		int longTerm = poisson(random, StrictMath.exp(-3.9 - 1.2 * z));
		boolean active = random.nextDouble() < logistic(-5.0 - 1.6 * z);
		int inquiries = poisson(random, StrictMath.exp(-0.1 - 0.45 * z));
		int history = random.nextInt(6, clamp((age - 19) * 12 + 6, 6, 360) + 1);
		int bureau = (int) StrictMath
			.round(790 + 85 * (0.8 * z + 0.6 * normal(random)) - 35 * shortTerm - 80 * longTerm - (active ? 120 : 0));
		int cardUse = (random.nextDouble() < 0.92) ? 0 : random.nextInt(1, 24);
		int loanUse = !loans.isEmpty() ? 0
				: (random.nextDouble() < 0.4) ? FinancialProfile.NEVER : random.nextInt(1, 36);
		return new FinancialProfile(accounts(random, z), seen, loans, cards, shortTerm, longTerm, active, inquiries,
				history, clamp(bureau, 300, 1000), cardUse, loanUse);
	}

	/**
	 * No credit line ever, or one long dormant. Bureaus score such files in the middle:
	 * most between 700 and 800, saying little about the person.
	 */
	private static FinancialProfile thinFile(SplittableRandom random, int age, long monthlyIncome,
			boolean neverHadCredit, double z) {
		long seen = (random.nextDouble() < 0.6) ? monthlyIncome : 0;
		int bureau = (int) StrictMath.round(745 + 28 * (0.25 * z + 0.97 * normal(random)));
		int inquiries = poisson(random, 0.6);
		if (neverHadCredit) {
			return new FinancialProfile(accounts(random, z), seen, List.of(), List.of(), 0, 0, false, inquiries, 0,
					clamp(bureau, 300, 1000), FinancialProfile.NEVER, FinancialProfile.NEVER);
		}
		List<Card> dormantCards = (random.nextDouble() < 0.5) ? List.of(new Card(random.nextLong(1, 6) * 1_000_000, 0))
				: List.of();
		int maxHistory = StrictMath.max(37, StrictMath.min(360, (age - 19) * 12));
		int history = random.nextInt(36, maxHistory + 1);
		int cardUse = dormantCards.isEmpty() ? FinancialProfile.NEVER
				: random.nextInt(FinancialProfile.THIN_FILE_CARD_MONTHS, StrictMath.max(25, history) + 1);
		int loanUse = random.nextInt(FinancialProfile.THIN_FILE_LOAN_MONTHS, history + 1);
		return new FinancialProfile(accounts(random, z), seen, List.of(), dormantCards, 0, 0, false, inquiries, history,
				clamp(bureau, 300, 1000), cardUse, loanUse);
	}

	private static double incomeSeenShare(EmploymentType employment) {
		return switch (employment) {
			case SALARIED -> 0.92;
			case SELF_EMPLOYED -> 0.55;
			default -> 0.40;
		};
	}

	private static List<Account> accounts(SplittableRandom random, double z) {
		int count = random.nextInt(1, 4);
		List<Account> accounts = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			long balance = roundTo(2_000_000 * StrictMath.exp(0.4 * z + normal(random)) / count, 1000);
			accounts.add(new Account((i == 0) ? AccountType.DEPOSIT : AccountType.SAVINGS, balance));
		}
		return accounts;
	}

	/**
	 * The carrier's view, drawn from the telecom behaviour {@code t}: standard normal,
	 * correlated with creditworthiness by the telecom signal.
	 */
	private static TelecomProfile telecom(SplittableRandom random, int age, double t) {
		String carrier = CARRIERS[pick(random, CARRIER_SHARES)];
		boolean postpaid = random.nextDouble() < 0.97;
		int maxTenure = StrictMath.max(1, StrictMath.min(240, (age - 14) * 12));
		int tenure = clamp((int) StrictMath.round(StrictMath.exp(3.4 + 0.35 * t + 0.7 * normal(random))), 1, maxTenure);
		int billed = StrictMath.min(24, tenure);
		double lateShare = logistic(-3.6 - 1.3 * t);
		int late = 0;
		for (int month = 0; month < billed; month++) {
			late += (random.nextDouble() < lateShare) ? 1 : 0;
		}
		long bill = roundTo(60_000 * StrictMath.exp(0.3 * normal(random)), 1000);
		int overdue = (random.nextDouble() < logistic(-3.4 - 1.4 * t)) ? 1 + StrictMath.min(5, poisson(random, 0.7))
				: 0;
		boolean onInstalments = random.nextDouble() < 0.55;
		long instalments = onInstalments ? roundTo(random.nextLong(100_000, 1_500_001), 1000) : 0;
		int instalmentArrears = (onInstalments && random.nextDouble() < logistic(-3.8 - 1.2 * t))
				? 1 + poisson(random, 0.5) : 0;
		int numberChanges = poisson(random, StrictMath.exp(-2.6 - 0.7 * t));
		long micro = (random.nextDouble() < 0.45)
				? roundTo(40_000 * StrictMath.exp(-0.45 * t + 0.8 * normal(random)), 1000) : 0;
		boolean family = random.nextDouble() < logistic(-0.9 + 0.3 * t);
		return new TelecomProfile(carrier, postpaid, tenure, billed - late, overdue * bill, overdue, bill, instalments,
				instalmentArrears, numberChanges, micro, family);
	}

	/** Standard normal by Box–Muller, from two uniforms. */
	private static double normal(SplittableRandom random) {
		double u = 1 - random.nextDouble();
		double v = random.nextDouble();
		return StrictMath.sqrt(-2 * StrictMath.log(u)) * StrictMath.cos(2 * StrictMath.PI * v);
	}

	/** Knuth's method; the rates here are small. */
	private static int poisson(SplittableRandom random, double rate) {
		double limit = StrictMath.exp(-rate);
		double product = random.nextDouble();
		int count = 0;
		while (product > limit) {
			product *= random.nextDouble();
			count++;
		}
		return count;
	}

	private static int pick(SplittableRandom random, double[] shares) {
		double u = random.nextDouble();
		double cumulative = 0;
		for (int i = 0; i < shares.length - 1; i++) {
			cumulative += shares[i];
			if (u < cumulative) {
				return i;
			}
		}
		return shares.length - 1;
	}

	private static double logistic(double x) {
		return 1 / (1 + StrictMath.exp(-x));
	}

	private static long roundTo(double amount, long unit) {
		return StrictMath.round(amount / unit) * unit;
	}

	private static int clamp(int value, int min, int max) {
		return StrictMath.max(min, StrictMath.min(max, value));
	}

}
