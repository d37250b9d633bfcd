package org.creditflow.mydata;

/**
 * The kinds of applicant the built-in simulator produces. The last digit of the phone
 * number picks one, so a tester can reach each on purpose.
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
