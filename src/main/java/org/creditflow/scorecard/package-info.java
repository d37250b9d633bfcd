/**
 * Scorecard development, as a risk team's model developers do it: fine then coarse
 * binning with monotone weight of evidence, information value per characteristic,
 * logistic regression on the weights of evidence, points scaled by PDO. It reads any
 * labelled data set, not only creditflow's own lending history.
 */
@NonNullApi
package org.creditflow.scorecard;

import org.springframework.lang.NonNullApi;
