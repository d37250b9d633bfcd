/**
 * The audit trail: decision records sealed into a keyed chain in each decision's own
 * transaction, anchored outside the database, checked against the decisions they record;
 * the auditors' timeline, search, replay, exports and pages.
 */
@NonNullApi
package org.creditflow.audit;

import org.springframework.lang.NonNullApi;
