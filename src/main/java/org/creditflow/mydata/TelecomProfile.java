package org.creditflow.mydata;

import org.springframework.lang.Nullable;

/**
 * An applicant's telecom MyData: how they pay their phone bill. Amounts are KRW. The
 * fields are documented for the risk team in {@code rules/README.md}.
 *
 * @param carrier SKT, KT, LGU+ or MVNO (알뜰폰)
 * @param postpaid whether the line is billed monthly after use
 * @param monthsOfTenure months with the current carrier
 * @param onTimePaymentMonths months paid on time among the last 24 billed (or fewer, for
 * a shorter tenure)
 * @param unpaidAmount bills due and not paid today
 * @param monthsOverdue how many monthly bills are overdue today
 * @param averageMonthlyBill average bill over the last 6 months
 * @param deviceInstalmentBalance what is left to pay on the handset instalment plan
 * @param deviceInstalmentArrearsMonths instalments overdue today
 * @param numberChanges24m phone number changes in the last 24 months
 * @param microPaymentMonthlyAverage phone micro-payments (소액결제) per month, last 6 months
 * @param familyPlan member of a family bundle
 */
public record TelecomProfile(String carrier, boolean postpaid, int monthsOfTenure, int onTimePaymentMonths,
		long unpaidAmount, int monthsOverdue, long averageMonthlyBill, long deviceInstalmentBalance,
		int deviceInstalmentArrearsMonths, int numberChanges24m, long microPaymentMonthlyAverage, boolean familyPlan) {

	/** Bills needed before the share paid on time says something. */
	public static final int PAYMENT_RECORD_MONTHS = 6;

	/**
	 * Months a payment record exists for: the last 24, or the whole tenure when shorter.
	 */
	public int billedMonths() {
		return Math.min(24, this.monthsOfTenure);
	}

	/** Share of billed months paid on time, 0 to 100 (0 without any bill yet). */
	public int onTimePaymentPercent() {
		return (billedMonths() == 0) ? 0 : this.onTimePaymentMonths * 100 / billedMonths();
	}

	/**
	 * Share of billed months paid on time, 0 to 100, once there are
	 * {@value #PAYMENT_RECORD_MONTHS} bills to judge by; null before that: an
	 * insufficient history, which says nothing either way (a new customer has not been
	 * late, nor shown to pay on time).
	 */
	@Nullable
	public Integer recordedOnTimePercent() {
		return (billedMonths() < PAYMENT_RECORD_MONTHS) ? null : onTimePaymentPercent();
	}

}
