/**
 * Decision callbacks: a partner channel registers an HTTPS URL and is told, signed and
 * retried by the engine, when an application it submitted reaches its final status,
 * instead of polling for it. Each notification is an instance of the process
 * {@code decision-notification}, so its attempts, retries and incidents are the engine's
 * own history, visible in Cockpit and through
 * {@code /api/applications/{id}/notifications}.
 */
@NonNullApi
package org.creditflow.callback;

import org.springframework.lang.NonNullApi;
