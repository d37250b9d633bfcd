package org.creditflow.scorecard;

import java.util.List;

import org.springframework.lang.Nullable;

/**
 * A characteristic cut into bins on the training rows, with each bin's weight of evidence
 * and the characteristic's information value; it places any row in its bin.
 */
final class BinnedCharacteristic {

	private final ScorecardSpec.Characteristic characteristic;

	private final List<Bin> bins;

	private final double[] woe;

	private final double informationValue;

	@Nullable
	private final double[] numbers;

	@Nullable
	private final String[] codes;

	BinnedCharacteristic(ScorecardSpec.Characteristic characteristic, LabelledData data, int[] trainRows,
			double minBinShare) {
		this.characteristic = characteristic;
		this.numbers = data.numeric.get(characteristic.name());
		this.codes = data.categorical.get(characteristic.name());
		this.bins = (this.numbers != null) ? NumericBinning.bin(this.numbers, data.bad, trainRows, minBinShare)
				: CategoricalBinning.bin(this.codes, data.bad, trainRows, minBinShare);
		long goods = this.bins.stream().mapToLong(Bin::goods).sum();
		long bads = this.bins.stream().mapToLong(Bin::bads).sum();
		this.woe = new double[this.bins.size()];
		double iv = 0;
		for (int i = 0; i < this.bins.size(); i++) {
			Bin bin = this.bins.get(i);
			this.woe[i] = WeightOfEvidence.of(bin.goods(), bin.bads(), goods, bads);
			iv += WeightOfEvidence.informationValue(bin.goods(), bin.bads(), goods, bads);
		}
		this.informationValue = iv;
	}

	String name() {
		return this.characteristic.name();
	}

	@Nullable
	String reasonCode() {
		return this.characteristic.reasonCode();
	}

	ScorecardSpec.Type type() {
		return this.characteristic.type();
	}

	List<Bin> bins() {
		return this.bins;
	}

	double woe(int bin) {
		return this.woe[bin];
	}

	double informationValue() {
		return this.informationValue;
	}

	/**
	 * The bin of a row; -1 when none holds it (a code or a missing value the training
	 * rows never had), which scores as average (weight of evidence 0).
	 */
	int binOf(int row) {
		for (int i = 0; i < this.bins.size(); i++) {
			Bin bin = this.bins.get(i);
			if (this.numbers != null) {
				double value = this.numbers[row];
				if (Double.isNaN(value) ? bin.missing() : bin.contains(value)) {
					return i;
				}
			}
			else {
				String code = this.codes[row];
				if ((code == null) ? bin.missing() : bin.categories().contains(code)) {
					return i;
				}
			}
		}
		return -1;
	}

	double woeOf(int row) {
		int bin = binOf(row);
		return (bin < 0) ? 0 : this.woe[bin];
	}

}
