package org.creditflow.mydata;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.creditflow.mydata.FinancialProfile.Account;
import org.creditflow.mydata.FinancialProfile.AccountType;
import org.creditflow.mydata.FinancialProfile.Card;
import org.creditflow.mydata.FinancialProfile.ExistingLoan;
import org.creditflow.mydata.FinancialProfile.LenderType;

/**
 * A deterministic stand-in for the MyData providers: the same person always gets the same
 * profile. People with a demo number ({@link Persona#isDemoNumber}) get the profile of
 * the {@link Persona} the number's last digit selects, for the walk-through and the fault
 * paths; everyone else is drawn from the {@link Population} the lending history comes
 * from, so the service's applicants look like that history. Details are seeded by name,
 * birth date and phone. Like a real provider it knows only who the person is, not what
 * they declared: the income it shows is the income they earn.
 */
class MyDataSimulator {

	static final String NAME = "creditflow-simulator";

	/** How much telecom data reveals unless configured otherwise. */
	static final double TELECOM_SIGNAL = 0.6;

	private static final String[] CARRIERS = { "SKT", "KT", "LGU+", "MVNO" };

	private final Population population;

	MyDataSimulator() {
		this(new Population(TELECOM_SIGNAL));
	}

	MyDataSimulator(Population population) {
		this.population = population;
	}

	FinancialProfile fetchFinancial(ProfileRequest person) {
		if (!Persona.isDemoNumber(person.phone())) {
			return drawn(person).financial();
		}
		SplittableRandom random = seeded(person, "financial");
		Persona persona = Persona.forPhone(person.phone());
		long monthlyIncome = monthlyIncome(persona, random);
		return switch (persona) {
			case PRIME -> new FinancialProfile(accounts(random, 2, 3_000_000, 30_000_000), monthlyIncome,
					loans(random, random.nextInt(0, 2), LenderType.BANK, monthlyIncome, 3, 8),
					cards(random, random.nextInt(1, 4), 10, 35), 0, 0, false, random.nextInt(0, 2),
					random.nextInt(60, 241), random.nextInt(820, 961));
			case THIN_FILE_GOOD_TELECOM -> new FinancialProfile(accounts(random, 1, 2_000_000, 6_000_000),
					monthlyIncome, List.of(), List.of(), 0, 0, false, random.nextInt(0, 2), 0, random.nextInt(740, 791),
					FinancialProfile.NEVER, FinancialProfile.NEVER);
			case THIN_FILE_BAD_TELECOM -> new FinancialProfile(accounts(random, 1, 0, 1_000_000), monthlyIncome,
					List.of(), List.of(), 0, 0, false, random.nextInt(1, 4), 0, random.nextInt(520, 601),
					FinancialProfile.NEVER, FinancialProfile.NEVER);
			case OVER_INDEBTED -> new FinancialProfile(accounts(random, 1, 100_000, 2_000_000), monthlyIncome,
					overIndebtedLoans(random, monthlyIncome), cards(random, random.nextInt(2, 5), 85, 100), 0, 0, false,
					random.nextInt(3, 7), random.nextInt(36, 181), random.nextInt(640, 721));
			case DELINQUENT -> new FinancialProfile(accounts(random, 1, 0, 500_000), monthlyIncome,
					loans(random, random.nextInt(1, 4), LenderType.CAPITAL, monthlyIncome, 8, 15),
					cards(random, random.nextInt(1, 4), 70, 100), random.nextInt(1, 4), random.nextInt(0, 2), true,
					random.nextInt(2, 6), random.nextInt(24, 121), random.nextInt(350, 501));
			case AVERAGE -> new FinancialProfile(accounts(random, 2, 1_000_000, 10_000_000), monthlyIncome,
					loans(random, 1, LenderType.BANK, monthlyIncome, 4, 8), cards(random, 2, 60, 70), 0, 0, false,
					random.nextInt(1, 3), random.nextInt(24, 60), random.nextInt(660, 700));
		};
	}

	TelecomProfile fetchTelecom(ProfileRequest person) {
		if (!Persona.isDemoNumber(person.phone())) {
			return drawn(person).telecom();
		}
		SplittableRandom random = seeded(person, "telecom");
		String carrier = CARRIERS[random.nextInt(CARRIERS.length)];
		return switch (Persona.forPhone(person.phone())) {
			case PRIME ->
				new TelecomProfile(carrier, true, random.nextInt(60, 181), 24, 0, 0, random.nextLong(55_000, 110_001),
						random.nextLong(0, 900_001), 0, 0, random.nextLong(0, 30_001), random.nextBoolean());
			case THIN_FILE_GOOD_TELECOM -> new TelecomProfile(carrier, true, random.nextInt(36, 121),
					random.nextInt(23, 25), 0, 0, random.nextLong(45_000, 90_001), random.nextLong(200_000, 1_200_001),
					0, 0, random.nextLong(0, 50_001), random.nextBoolean());
			case THIN_FILE_BAD_TELECOM -> {
				int tenure = random.nextInt(6, 19);
				int billed = Math.min(24, tenure);
				yield new TelecomProfile(carrier, true, tenure, billed * random.nextInt(50, 76) / 100,
						random.nextLong(120_000, 450_001), random.nextInt(1, 4), random.nextLong(70_000, 140_001),
						random.nextLong(400_000, 1_400_001), random.nextInt(1, 3), random.nextInt(1, 4),
						random.nextLong(150_000, 400_001), false);
			}
			case OVER_INDEBTED -> new TelecomProfile(carrier, true, random.nextInt(24, 97), random.nextInt(20, 25), 0,
					0, random.nextLong(60_000, 130_001), random.nextLong(300_000, 1_500_001), 0, 0,
					random.nextLong(50_000, 200_001), random.nextBoolean());
			case DELINQUENT -> new TelecomProfile(carrier, true, random.nextInt(12, 61), random.nextInt(14, 21),
					random.nextLong(60_000, 150_001), 1, random.nextLong(60_000, 120_001),
					random.nextLong(300_000, 1_000_001), random.nextInt(0, 2), random.nextInt(0, 3),
					random.nextLong(100_000, 300_001), false);
			// tenure below four years: with four, the best-scored of these files reached
			// grade C and
			// were approved, and this persona is the file an officer must judge
			// (PersonaDecisionTests)
			case AVERAGE -> new TelecomProfile(carrier, true, random.nextInt(24, 48), random.nextInt(22, 24), 0, 0,
					random.nextLong(50_000, 100_001), random.nextLong(0, 800_001), 0, 0, random.nextLong(0, 80_001),
					random.nextBoolean());
		};
	}

	/** The person as the population holds them: one draw for both sources. */
	SyntheticApplicant drawn(ProfileRequest person) {
		int age = Math.max(18, Period.between(person.birthDate(), LocalDate.now()).getYears());
		return this.population.draw(seeded(person, "population"), age);
	}

	/** Average monthly income seen in deposits, in whole thousands of won. */
	private static long monthlyIncome(Persona persona, SplittableRandom random) {
		long income = switch (persona) {
			case PRIME -> random.nextLong(3_800_000, 6_500_001);
			case THIN_FILE_GOOD_TELECOM -> random.nextLong(2_600_000, 3_600_001);
			case THIN_FILE_BAD_TELECOM -> random.nextLong(1_900_000, 2_600_001);
			case OVER_INDEBTED -> random.nextLong(3_000_000, 4_500_001);
			case DELINQUENT -> random.nextLong(2_200_000, 3_400_001);
			case AVERAGE -> random.nextLong(3_600_000, 4_600_001);
		};
		return round(income);
	}

	private static List<Account> accounts(SplittableRandom random, int count, long min, long max) {
		List<Account> accounts = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			accounts.add(new Account((i == 0) ? AccountType.DEPOSIT : AccountType.SAVINGS,
					round(random.nextLong(min, max + 1))));
		}
		return accounts;
	}

	/**
	 * Loans whose repayments together take between minPercent and maxPercent of income.
	 */
	private static List<ExistingLoan> loans(SplittableRandom random, int count, LenderType lender, long monthlyIncome,
			int minPercent, int maxPercent) {
		List<ExistingLoan> loans = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			long repayment = percentOf(monthlyIncome, random.nextInt(minPercent, maxPercent + 1)) / count;
			loans.add(new ExistingLoan((i == 0) ? LenderType.BANK : lender, round(repayment * 30), round(repayment)));
		}
		return loans;
	}

	/** Repayments of 45 to 60 % of income, spread over banks and costlier lenders. */
	private static List<ExistingLoan> overIndebtedLoans(SplittableRandom random, long monthlyIncome) {
		LenderType[] lenders = { LenderType.BANK, LenderType.CARD_COMPANY, LenderType.CAPITAL, LenderType.SAVINGS_BANK,
				LenderType.P2P };
		int count = random.nextInt(3, 6);
		long total = percentOf(monthlyIncome, random.nextInt(45, 61));
		List<ExistingLoan> loans = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			long repayment = total / count;
			loans.add(new ExistingLoan(lenders[i], round(repayment * 24), round(repayment)));
		}
		return loans;
	}

	private static List<Card> cards(SplittableRandom random, int count, int minUsedPercent, int maxUsedPercent) {
		List<Card> cards = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			long limit = random.nextLong(3, 21) * 1_000_000;
			cards.add(new Card(limit, round(percentOf(limit, random.nextInt(minUsedPercent, maxUsedPercent + 1)))));
		}
		return cards;
	}

	private static long percentOf(long amount, int percent) {
		return amount * percent / 100;
	}

	/** Whole thousands of won, as statements show them. */
	private static long round(long amount) {
		return amount / 1000 * 1000;
	}

	static SplittableRandom seeded(ProfileRequest person, String source) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
				.digest((source + '|' + person.name() + '|' + person.birthDate() + '|' + person.phone())
					.getBytes(StandardCharsets.UTF_8));
			long seed = 0;
			for (int i = 0; i < 8; i++) {
				seed = (seed << 8) | (digest[i] & 0xff);
			}
			return new SplittableRandom(seed);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
