/*
 * Draws the scorecard report's charts from the figures in the script element
 * "scorecard-data" that ScorecardReport writes, segment by segment in the page's order,
 * into the elements chart-<segment>-<chart>. Bin labels come from a user's CSV and
 * tooltips are HTML in ECharts, so they go through its encodeHTML. ScorecardReport
 * inlines this file into the page without this opening comment.
 */
(function () {
	'use strict';
	const data = JSON.parse(document.getElementById('scorecard-data').textContent);
	const encode = echarts.format.encodeHTML;
	const colours = { train: '#9aa5b1', holdout: '#3d6fb0', goods: '#3d6fb0', bads: '#c8423b',
		share: '#a9c1e2', predicted: '#1f2933', observed: '#e39b2d', diagonal: '#9aa5b1' };
	const percent = (share, digits) => (share == null || share === '-' ? '–'
		: (share * 100).toFixed(digits == null ? 1 : digits) + ' %');
	const percentAxis = (name, extra) => Object.assign({ type: 'value', name: name, min: 0,
		axisLabel: { formatter: (value) => +(value * 100).toFixed(2) + ' %' } }, extra);
	const line = (name, points, extra) => Object.assign({ name: name, type: 'line', showSymbol: false,
		data: points }, extra);
	const withAuc = (name, auc) => (auc == null ? name : name + ' (AUC ' + auc.toFixed(3) + ')');
	const orGap = (value) => (value == null ? '-' : value);
	const draw = (id, option) => {
		const element = document.getElementById(id);
		if (!element) {
			return;
		}
		const chart = echarts.init(element);
		chart.setOption(Object.assign({ animation: false, legend: { top: 0 },
			grid: { left: 64, right: 64, top: 48, bottom: 56 } }, option));
		window.addEventListener('resize', () => chart.resize());
	};
	const rocPoints = (points) => points.map((p) => [p.falsePositiveRate, p.truePositiveRate]);

	const roc = (id, segment) => {
		const series = [];
		if (segment.trainRoc.length) {
			series.push(line(withAuc('Training', segment.fitted.train.auc), rocPoints(segment.trainRoc),
				{ color: colours.train }));
		}
		if (segment.holdoutRoc.length) {
			series.push(line(withAuc('Holdout', segment.fitted.holdout && segment.fitted.holdout.auc),
				rocPoints(segment.holdoutRoc), { color: colours.holdout }));
		}
		series.push(line('Random', [[0, 0], [1, 1]], { color: colours.diagonal, lineStyle: { type: 'dashed' } }));
		draw(id, {
			tooltip: { trigger: 'axis', valueFormatter: (value) => value.toFixed(3) },
			xAxis: percentAxis('Goods flagged', { max: 1, nameLocation: 'middle', nameGap: 30 }),
			yAxis: percentAxis('Bads flagged', { max: 1, nameLocation: 'middle', nameGap: 48 }),
			series: series
		});
	};

	const ks = (id, points) => {
		let widest = null;
		points.forEach((p) => {
			const gap = Math.abs(p.cumulativeBadShare - p.cumulativeGoodShare);
			if (widest == null || gap > widest.gap) {
				widest = { gap: gap, score: p.score, bad: p.cumulativeBadShare, good: p.cumulativeGoodShare };
			}
		});
		const ksLine = widest && { symbol: 'none', silent: true, label: { show: false },
			lineStyle: { color: '#1f2933', width: 2, type: 'solid' },
			data: [[{ coord: [widest.score, widest.bad] }, { coord: [widest.score, widest.good] }]] };
		const ksLabel = widest && { symbolSize: 0, silent: true,
			data: [{ coord: [widest.score, (widest.bad + widest.good) / 2],
				label: { show: true, position: 'right', color: '#1f2933', fontWeight: 'bold',
					formatter: 'KS ' + widest.gap.toFixed(3) + ' at score ' + widest.score } }] };
		draw(id, {
			tooltip: { trigger: 'axis', valueFormatter: (value) => percent(value) },
			xAxis: { type: 'value', name: 'Score', scale: true, nameLocation: 'middle', nameGap: 30 },
			yAxis: percentAxis('At or below the score', { max: 1, nameTextStyle: { align: 'left' } }),
			series: [line('Bads', points.map((p) => [p.score, p.cumulativeBadShare]),
				{ color: colours.bads, markLine: ksLine, markPoint: ksLabel }),
				line('Goods', points.map((p) => [p.score, p.cumulativeGoodShare]), { color: colours.goods })]
		});
	};

	/** Observed bad rate as bars, predicted PD as points on a line, per grade or band. */
	const calibration = (id, names, rows, axisName) => draw(id, {
		tooltip: { trigger: 'axis', formatter: (items) => {
			const row = rows[items[0].dataIndex];
			return encode(axisName + ' ' + names[items[0].dataIndex]) + '<br>'
				+ row.rows.toLocaleString('en-US') + ' rows'
				+ items.map((item) => '<br>' + item.marker + item.seriesName + ': ' + percent(item.value, 2)).join('')
				+ (row.standardErrors == null ? ''
					: '<br>Observed minus predicted: ' + row.standardErrors.toFixed(1) + ' standard errors');
		} },
		xAxis: { type: 'category', data: names, name: axisName, nameLocation: 'middle', nameGap: 30 },
		yAxis: percentAxis('Share of rows that went bad', { nameTextStyle: { align: 'left' } }),
		series: [{ name: 'Observed bad rate', type: 'bar', color: colours.observed,
			data: rows.map((row) => orGap(row.observedBadRate)) },
			{ name: 'Predicted PD', type: 'line', color: colours.predicted, symbol: 'circle', symbolSize: 8,
				connectNulls: false, data: rows.map((row) => orGap(row.predictedPd)) }]
	});

	const bins = (id, characteristic) => {
		const all = characteristic.bins;
		const rows = all.reduce((sum, bin) => sum + bin.count, 0);
		const labels = all.map((bin) => bin.label);
		draw(id, {
			tooltip: { trigger: 'axis', formatter: (items) => {
				const bin = all[items[0].dataIndex];
				return encode(bin.label) + '<br>' + bin.count.toLocaleString('en-US') + ' rows'
					+ items.map((item) => '<br>' + item.marker + item.seriesName + ': ' + percent(item.value)).join('')
					+ '<br>WoE ' + bin.woe.toFixed(3) + (bin.points == null ? '' : ', ' + bin.points + ' points');
			} },
			grid: { left: 64, right: 64, top: 48, bottom: (all.length > 6 ? 96 : 56) },
			xAxis: { type: 'category', data: labels, name: 'Bin', nameLocation: 'middle',
				nameGap: (all.length > 6 ? 76 : 30),
				axisLabel: { interval: 0, rotate: (all.length > 6 ? 30 : 0), width: 120, overflow: 'truncate' } },
			yAxis: [percentAxis('Share of rows', { nameTextStyle: { align: 'left' } }),
				percentAxis('Bad rate', { splitLine: { show: false }, nameTextStyle: { align: 'right' } })],
			series: [{ name: 'Share of rows', type: 'bar', color: colours.share,
				data: all.map((bin) => (rows > 0 ? bin.count / rows : 0)) },
				{ name: 'Bad rate', type: 'line', yAxisIndex: 1, color: colours.bads,
					data: all.map((bin) => bin.badRate) }]
		});
	};

	data.segments.forEach((segment, index) => {
		const id = (chart) => 'chart-' + index + '-' + chart;
		const fitted = segment.fitted;
		roc(id('roc'), segment);
		ks(id('ks'), segment.ks);
		if (fitted.grades) {
			calibration(id('grades'), fitted.grades.map((grade) => grade.grade), fitted.grades, 'Grade');
		}
		calibration(id('bands'), fitted.calibration.map((band) => (band.scoreFrom === band.scoreTo
			? String(band.scoreFrom) : band.scoreFrom + '–' + band.scoreTo)), fitted.calibration, 'Scores');
		fitted.characteristics.forEach((characteristic, c) => {
			if (characteristic.selected) {
				bins(id('bins-' + c), characteristic);
			}
		});
	});
})();
