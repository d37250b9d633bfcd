package org.creditflow.scorecard;

import org.apache.commons.math3.exception.MathIllegalArgumentException;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;

/**
 * Logistic regression of a 0/1 target on a few columns, fitted by maximum likelihood with
 * Newton–Raphson (iteratively reweighted least squares), each step solved with Apache
 * Commons Math. A scorecard has a handful of characteristics, so each step costs one pass
 * over the rows and a small linear solve, whatever the number of rows.
 */
final class LogisticRegression {

	/** Fitted coefficients: the intercept first, then one per column, on the log-odds. */
	record Fit(double[] coefficients, double[] standardErrors, int iterations, double logLikelihood) {

		double intercept() {
			return this.coefficients[0];
		}

		double coefficient(int column) {
			return this.coefficients[column + 1];
		}

		/** The probability of the target for one row's columns. */
		double probability(double[] columns) {
			double logit = this.coefficients[0];
			for (int j = 0; j < columns.length; j++) {
				logit += this.coefficients[j + 1] * columns[j];
			}
			return 1 / (1 + Math.exp(-logit));
		}

	}

	static final int MAX_ITERATIONS = 50;

	/** Stop when no coefficient moves more than this. */
	static final double TOLERANCE = 1e-9;

	private LogisticRegression() {
	}

	/**
	 * @param x the columns of each row (rows × columns)
	 * @param y the target of each row
	 * @param rows the rows to fit on
	 */
	static Fit fit(double[][] x, boolean[] y, int[] rows) {
		int width = x[rows[0]].length + 1;
		double[] beta = new double[width];
		double positives = 0;
		for (int row : rows) {
			positives += y[row] ? 1 : 0;
		}
		// start from the base rate: the first step is then already close for rare targets
		beta[0] = Math.log(positives / (rows.length - positives));
		RealMatrix information = null;
		double logLikelihood = 0;
		for (int iteration = 1; iteration <= MAX_ITERATIONS; iteration++) {
			double[][] hessian = new double[width][width];
			double[] gradient = new double[width];
			logLikelihood = 0;
			double[] row = new double[width];
			for (int r : rows) {
				row[0] = 1;
				System.arraycopy(x[r], 0, row, 1, width - 1);
				double logit = 0;
				for (int j = 0; j < width; j++) {
					logit += beta[j] * row[j];
				}
				double p = 1 / (1 + Math.exp(-logit));
				double target = y[r] ? 1 : 0;
				logLikelihood += y[r] ? Math.log(p) : Math.log(1 - p);
				double weight = p * (1 - p);
				for (int j = 0; j < width; j++) {
					gradient[j] += (target - p) * row[j];
					for (int k = 0; k <= j; k++) {
						hessian[j][k] += weight * row[j] * row[k];
					}
				}
			}
			for (int j = 0; j < width; j++) {
				for (int k = j + 1; k < width; k++) {
					hessian[j][k] = hessian[k][j];
				}
			}
			information = new Array2DRowRealMatrix(hessian, false);
			RealVector step = solve(information, gradient);
			double largest = 0;
			for (int j = 0; j < width; j++) {
				beta[j] += step.getEntry(j);
				largest = Math.max(largest, Math.abs(step.getEntry(j)));
			}
			if (largest < TOLERANCE) {
				return new Fit(beta, standardErrors(information), iteration, logLikelihood);
			}
		}
		throw notConverging();
	}

	private static RealVector solve(RealMatrix information, double[] gradient) {
		try {
			return new CholeskyDecomposition(information).getSolver().solve(new ArrayRealVector(gradient, false));
		}
		catch (MathIllegalArgumentException ex) {
			// the weights of perfectly separated rows vanish and the information with
			// them
			throw notConverging();
		}
	}

	private static IllegalStateException notConverging() {
		return new IllegalStateException("The logistic regression did not converge in " + MAX_ITERATIONS
				+ " iterations: a characteristic may separate goods from bads perfectly, or two may be the same");
	}

	/** Square roots of the diagonal of the inverse information matrix. */
	private static double[] standardErrors(RealMatrix information) {
		RealMatrix covariance = new CholeskyDecomposition(information).getSolver().getInverse();
		double[] errors = new double[covariance.getRowDimension()];
		for (int j = 0; j < errors.length; j++) {
			errors[j] = Math.sqrt(covariance.getEntry(j, j));
		}
		return errors;
	}

}
