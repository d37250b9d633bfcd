package org.creditflow.scorecard;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;

import org.creditflow.backtest.ScoreDistribution;
import org.creditflow.scorecard.PairedBootstrap.Statistics;
import org.creditflow.scorecard.ScoreComparison.Approval;
import org.creditflow.scorecard.ScoreComparison.Cut;
import org.creditflow.scorecard.ScoreComparison.Estimate;
import org.creditflow.scorecard.ScoreComparison.Group;
import org.creditflow.scorecard.ScoreComparison.Measure;

import org.springframework.lang.Nullable;

/**
 * Compares a candidate scorecard with a baseline on the rows both scored: all the rows of
 * the partition, then each group of them, each with its own paired bootstrap.
 */
final class ScoreComparer {

	/**
	 * @param groupColumn {@code FILE.csv:COLUMN} to group by, null for the baseline's
	 * fitted segments
	 * @param groups the groups to show besides all rows; empty for every one
	 * @param badRate the target bad rate among the approved, null for the default in each
	 * group (the baseline approving half)
	 */
	record Settings(PairedRows.Partition partition, @Nullable String groupColumn, List<String> groups,
			@Nullable Double badRate, int replicates, long seed) {
	}

	private ScoreComparer() {
	}

	static ScoreComparison compare(ScoresFile baseline, ScoresFile candidate, Settings settings) throws IOException {
		PairedRows rows = PairedRows.match(baseline, candidate, settings.partition());
		RowGroups groups = (settings.groupColumn() != null) ? RowGroups.column(settings.groupColumn(), baseline.rows())
				: RowGroups.fittedSegments(baseline);
		ScoreRanks baselineRanks = ScoreRanks.of(rows.baselineScore, baseline.file.toString());
		ScoreRanks candidateRanks = ScoreRanks.of(rows.candidateScore, candidate.file.toString());
		Map<String, List<Integer>> members = new TreeMap<>();
		for (int i = 0; i < rows.size(); i++) {
			members.computeIfAbsent(groups.label[rows.inputRow[i]], (key) -> new ArrayList<>()).add(i);
		}
		List<Group> compared = new ArrayList<>();
		compared.add(group(ScoreComparison.ALL, IntStream.range(0, rows.size()).toArray(), rows, baselineRanks,
				candidateRanks, settings));
		for (String name : shown(members, settings.groups(), groups, settings.partition())) {
			int[] rowsOfGroup = members.get(name).stream().mapToInt(Integer::intValue).toArray();
			compared.add(group(name, rowsOfGroup, rows, baselineRanks, candidateRanks, settings));
		}
		return new ScoreComparison(baseline.file.toString(), candidate.file.toString(), baseline.target,
				settings.partition().label(), groups.source, settings.replicates(), settings.seed(),
				List.copyOf(compared));
	}

	/**
	 * The groups asked for, each of which must hold rows; without a request every group,
	 * unless there is only one (it would repeat all rows).
	 */
	private static List<String> shown(Map<String, List<Integer>> members, List<String> asked, RowGroups groups,
			PairedRows.Partition partition) {
		if (asked.isEmpty()) {
			return (members.size() > 1) ? List.copyOf(members.keySet()) : List.of();
		}
		for (String name : asked) {
			if (!members.containsKey(name)) {
				throw new InvalidComparisonException("No " + partition.label() + " row is in group " + name + " of "
						+ groups.source + "; its groups are " + String.join(", ", members.keySet()));
			}
		}
		return asked.stream().distinct().toList();
	}

	private static Group group(String name, int[] members, PairedRows rows, ScoreRanks baselineRanks,
			ScoreRanks candidateRanks, Settings settings) {
		int[] baseline = IntStream.of(members).map((i) -> baselineRanks.place[i]).toArray();
		int[] candidate = IntStream.of(members).map((i) -> candidateRanks.place[i]).toArray();
		boolean[] bad = new boolean[members.length];
		ScoreDistribution baselineScores = new ScoreDistribution();
		ScoreDistribution candidateScores = new ScoreDistribution();
		for (int i = 0; i < members.length; i++) {
			bad[i] = rows.bad[members[i]];
			baselineScores.add(baseline[i], bad[i]);
			candidateScores.add(candidate[i], bad[i]);
		}
		double target = (settings.badRate() != null) ? settings.badRate()
				: ApprovalAtBadRate.badRateOfBest(baselineScores, ApprovalAtBadRate.DEFAULT_SHARE);
		Statistics point = Statistics.of(baselineScores, candidateScores, target);
		PairedBootstrap bootstrap = PairedBootstrap.run(baseline, candidate, bad, target, settings.replicates(),
				settings.seed());
		Measure gini = new Measure(Estimate.of(point.baselineGini(), bootstrap.interval(Statistics::baselineGini)),
				Estimate.of(point.candidateGini(), bootstrap.interval(Statistics::candidateGini)),
				Estimate.of(point.giniDifference(), bootstrap.interval(Statistics::giniDifference)));
		Measure ks = new Measure(Estimate.of(point.baselineKs(), bootstrap.interval(Statistics::baselineKs)),
				Estimate.of(point.candidateKs(), bootstrap.interval(Statistics::candidateKs)),
				Estimate.of(point.ksDifference(), bootstrap.interval(Statistics::ksDifference)));
		Approval approval = new Approval(target,
				(settings.badRate() != null) ? "--bad-rate"
						: "the bad rate among the baseline's best-scored half of the group",
				cut(ApprovalAtBadRate.at(baselineScores, target), baselineRanks,
						bootstrap.interval(Statistics::baselineApproval)),
				cut(ApprovalAtBadRate.at(candidateScores, target), candidateRanks,
						bootstrap.interval(Statistics::candidateApproval)),
				Estimate.of(point.approvalChange(), bootstrap.interval(Statistics::approvalChange)));
		long bads = baselineScores.bads();
		return new Group(name, members.length, bads, bads / (double) members.length, gini, ks, approval);
	}

	private static Cut cut(ApprovalAtBadRate.Approved approved, ScoreRanks ranks, double[] interval) {
		return new Cut(Estimate.of(approved.rate(), interval), approved.rows(),
				(approved.lowestScore() < 0) ? null : ranks.scoreAt(approved.lowestScore()),
				Estimate.orNull(approved.badRate()));
	}

}
