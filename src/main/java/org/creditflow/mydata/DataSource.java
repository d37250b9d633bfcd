package org.creditflow.mydata;

/**
 * The two kinds of MyData an application is judged on.
 */
public enum DataSource {

	/** bank accounts, loans, cards and the credit bureau (금융 마이데이터) */
	FINANCIAL,
	/** phone-bill payments, tenure, device instalments (통신 마이데이터) */
	TELECOM

}
