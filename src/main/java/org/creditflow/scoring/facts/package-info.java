/**
 * The fact model the credit rules in {@code rules/} reason about, besides the MyData
 * profiles ({@code org.creditflow.mydata.FinancialProfile} and {@code TelecomProfile}).
 * Field by field it is documented for the risk team in {@code rules/README.md}. Part of
 * the scoring module's API: backtests and scorecards name the facts' properties too.
 */
@NonNullApi
@NamedInterface("facts")
package org.creditflow.scoring.facts;

import org.springframework.lang.NonNullApi;
import org.springframework.modulith.NamedInterface;
