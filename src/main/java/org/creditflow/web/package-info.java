/**
 * What every HTTP API of creditflow shares: reading request bodies strictly and answering
 * every failure as {@code application/problem+json} that names each invalid field.
 */
@NonNullApi
package org.creditflow.web;

import org.springframework.lang.NonNullApi;
