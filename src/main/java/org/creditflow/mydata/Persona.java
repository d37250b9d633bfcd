package org.creditflow.mydata;

/**
 * The kinds of applicant the built-in simulator produces for demo numbers. The last digit
 * of the phone number picks one, so a tester can reach each on purpose.
 */
enum Persona {

	/**
	 * long, clean credit history, high bureau score, good telecom record: digits 0 and 1
	 */
	PRIME,
	/** no credit history, but years of phone bills paid on time: digits 2 and 3 */
	THIN_FILE_GOOD_TELECOM,
	/** no credit history, short tenure, late and unpaid phone bills: digit 4 */
	THIN_FILE_BAD_TELECOM,
	/** repayments already take most of the income, cards maxed out: digit 5 */
	OVER_INDEBTED,
	/** in arrears today, low bureau score: digit 6 */
	DELINQUENT,
	/**
	 * an ordinary file with a few blemishes, for an officer to judge: digits 7, 8 and 9
	 */
	AVERAGE;

	/**
	 * Whether the number is one of the simulator's demo numbers: a middle block starting
	 * with 0 or 1 ({@code 010-1234-5670}), which Korean carriers do not issue. Any other
	 * number is a person drawn from the population.
	 */
	static boolean isDemoNumber(String phone) {
		String digits = phone.replaceAll("[^0-9]", "");
		return digits.length() < 8 || digits.charAt(digits.length() - 8) <= '1';
	}

	static Persona forPhone(String phone) {
		return switch (phone.charAt(phone.length() - 1)) {
			case '0', '1' -> PRIME;
			case '2', '3' -> THIN_FILE_GOOD_TELECOM;
			case '4' -> THIN_FILE_BAD_TELECOM;
			case '5' -> OVER_INDEBTED;
			case '6' -> DELINQUENT;
			default -> AVERAGE;
		};
	}

}
