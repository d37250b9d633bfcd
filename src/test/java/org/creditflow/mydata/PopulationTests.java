package org.creditflow.mydata;

import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

/**
 * The population the lending history and the simulator draw from holds what
 * {@code docs/credit-model.md} says of it.
 */
class PopulationTests {

	private static final int SIZE = 100_000;

	@Test
	void shouldHaveAboutFourPercentBadDrawnFromTheTruePd() {
		double bad = share(new Population(0.6), (applicant) -> applicant.bad() ? 1 : 0);
		double meanPd = share(new Population(0.6), SyntheticApplicant::truePd);

		assertThat(bad).isCloseTo(0.04, within(0.005));
		// the outcomes are drawn from the PD: their rate matches the mean PD within noise
		assertThat(bad).isCloseTo(meanPd, within(3 * Math.sqrt(meanPd * (1 - meanPd) / SIZE)));
	}

	@Test
	void shouldMakeAQuarterThinFilersScoredInTheMiddleByTheBureau() {
		Population population = new Population(0.6);
		SplittableRandom seeds = new SplittableRandom(3);
		int thin = 0;
		int thinBetween700And800 = 0;
		int dormant = 0;
		for (int i = 0; i < SIZE; i++) {
			SyntheticApplicant applicant = population.draw(seeds.split());
			if (applicant.thinFile()) {
				thin++;
				int bureau = applicant.financial().bureauScore();
				thinBetween700And800 += (bureau >= 700 && bureau < 800) ? 1 : 0;
				dormant += (applicant.financial().monthsSinceFirstCreditLine() > 0) ? 1 : 0;
				// the bureaus' definition: no card used in two years and no loan in three
				assertThat(applicant.financial().monthsSinceCardUse()).isGreaterThanOrEqualTo(24);
				assertThat(applicant.financial().monthsSinceLoan()).isGreaterThanOrEqualTo(36);
			}
		}
		assertThat(thin / (double) SIZE).isBetween(0.22, 0.30);
		assertThat(thinBetween700And800 / (double) thin).isGreaterThan(0.85);
		assertThat(dormant / (double) thin).as("thin files that once had credit").isBetween(0.2, 0.4);
	}

	@Test
	void shouldLetTelecomDataRevealAsMuchAsTheSignalSays() {
		ToDoubleFunction<SyntheticApplicant> lateBills = (applicant) -> applicant.telecom().billedMonths()
				- applicant.telecom().onTimePaymentMonths();

		double noSignal = correlation(new Population(0), lateBills);
		double strongSignal = correlation(new Population(0.9), lateBills);

		assertThat(noSignal).isCloseTo(0, within(0.01));
		assertThat(strongSignal).isGreaterThan(0.08);
	}

	@Test
	void shouldLeaveSomeDataMissingAsLendersSeeIt() {
		Population population = new Population(0.6);
		SplittableRandom seeds = new SplittableRandom(5);
		int noTelecom = 0;
		int noFinancial = 0;
		for (int i = 0; i < SIZE; i++) {
			SyntheticApplicant applicant = population.draw(seeds.split());
			noTelecom += (applicant.telecomSeen() == null) ? 1 : 0;
			noFinancial += (applicant.financialSeen() == null) ? 1 : 0;
		}
		assertThat(noTelecom / (double) SIZE).isBetween(0.09, 0.14);
		assertThat(noFinancial / (double) SIZE).isBetween(0.005, 0.02);
	}

	@Test
	void shouldDrawTheSameApplicantFromTheSameSeed() {
		Population population = new Population(0.6);

		assertThat(population.draw(new SplittableRandom(42))).isEqualTo(population.draw(new SplittableRandom(42)));
		assertThat(population.draw(new SplittableRandom(42), 33).age()).isEqualTo(33);
	}

	@Test
	void shouldRefuseATelecomSignalOutsideZeroToOne() {
		assertThatIllegalArgumentException().isThrownBy(() -> new Population(1.5)).withMessageContaining("1.5");
	}

	private static double share(Population population, ToDoubleFunction<SyntheticApplicant> value) {
		SplittableRandom seeds = new SplittableRandom(1);
		double sum = 0;
		for (int i = 0; i < SIZE; i++) {
			sum += value.applyAsDouble(population.draw(seeds.split()));
		}
		return sum / SIZE;
	}

	/** Pearson correlation between a characteristic and the outcome. */
	private static double correlation(Population population, ToDoubleFunction<SyntheticApplicant> value) {
		SplittableRandom seeds = new SplittableRandom(7);
		double sx = 0;
		double sy = 0;
		double sxx = 0;
		double syy = 0;
		double sxy = 0;
		for (int i = 0; i < SIZE; i++) {
			SyntheticApplicant applicant = population.draw(seeds.split());
			double x = value.applyAsDouble(applicant);
			double y = applicant.bad() ? 1 : 0;
			sx += x;
			sy += y;
			sxx += x * x;
			syy += y * y;
			sxy += x * y;
		}
		double cov = sxy / SIZE - (sx / SIZE) * (sy / SIZE);
		return cov / Math.sqrt((sxx / SIZE - Math.pow(sx / SIZE, 2)) * (syy / SIZE - Math.pow(sy / SIZE, 2)));
	}

}
