/**
 * Who may do what: Spring Security over every door, one user store (the Camunda identity
 * service) shared by the API, Tasklist and Cockpit, groups as roles, the Camunda
 * authorizations those groups get, and the demo users of the default profile.
 */
@NonNullApi
package org.creditflow.identity;

import org.springframework.lang.NonNullApi;
