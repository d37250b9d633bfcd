/**
 * The fact model the credit rules in {@code rules/} reason about, besides the MyData
 * profiles ({@code org.creditflow.mydata.FinancialProfile} and {@code TelecomProfile}).
 * Field by field it is documented for the risk team in {@code rules/README.md}.
 */
@NonNullApi
package org.creditflow.scoring.facts;

import org.springframework.lang.NonNullApi;
