/**
 * MyData collection: the financial and telecom profiles of an applicant, fetched from a
 * provider only with the applicant's consent and stored once as snapshots with their
 * SHA-256, which is what every assessment reads and what the audit trail shows.
 */
@NonNullApi
package org.creditflow.mydata;

import org.springframework.lang.NonNullApi;
