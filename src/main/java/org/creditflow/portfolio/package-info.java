/**
 * Portfolio monitoring: what happens to the loans after the decision. Loan servicing
 * reports each approved loan's status once a month ({@code servicers}); each loan's bad
 * flag is derived from its reports under the configured bad definition and kept up to
 * date, as the ground truth the scorecard's predictions are measured against. The risk
 * team reads from it the vintages, the calibration per grade and the officers' overrides,
 * and, before any outcome is known, whether each month's applicants still look like the
 * development sample of the scorecards deciding them (stability).
 */
@NonNullApi
package org.creditflow.portfolio;

import org.springframework.lang.NonNullApi;
