/**
 * Ruleset releases: how a ruleset goes into service. One risk analyst submits a version
 * (the rules folder as it is now, an uploaded zip, or an earlier version to roll back to)
 * with a rationale and an effective date; the {@code ruleset-release} process validates
 * it, measures its impact against the ruleset in service, asks a risk manager other than
 * the submitter to approve it in Tasklist, and activates it at the effective date on
 * every node, as champion or as a challenger deciding a share of new applications.
 */
@NonNullApi
package org.creditflow.release;

import org.springframework.lang.NonNullApi;
