/**
 * Human review of referred applications in Camunda Tasklist: the officer's decision,
 * checked on the server whatever the browser sent, the four-eyes second approval, the SLA
 * escalation to senior officers and the deadline for more information.
 */
@NonNullApi
package org.creditflow.review;

import org.springframework.lang.NonNullApi;
