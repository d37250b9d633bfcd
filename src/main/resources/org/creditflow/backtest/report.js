/*
 * Draws the backtest report's charts from the summary's JSON, in the script element
 * "backtest-data" that BacktestReport writes. Tooltips are HTML in ECharts, so text from
 * the data goes through its encodeHTML. BacktestReport inlines this file into the page
 * without this opening comment.
 */
(function () {
	'use strict';
	const data = JSON.parse(document.getElementById('backtest-data').textContent);
	const curves = data.curves;
	const colours = { candidate: '#3d6fb0', baseline: '#e39b2d', goods: '#3d6fb0', bads: '#c8423b',
		approval: '#a9c1e2', diagonal: '#9aa5b1' };
	const percent = (share) => (share == null ? '–' : (share * 100).toFixed(1) + ' %');
	const percentAxis = (name, extra) => Object.assign({ type: 'value', name: name, min: 0,
		axisLabel: { formatter: (value) => Math.round(value * 100) + ' %' } }, extra);
	const line = (name, points, extra) => Object.assign({ name: name, type: 'line', showSymbol: false,
		data: points }, extra);
	const withAuc = (name, auc) => (auc == null ? name : name + ' (AUC ' + auc.toFixed(3) + ')');
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
	const roc = [line(withAuc('Candidate', data.auc),
		curves.roc.map((p) => [p.falsePositiveRate, p.truePositiveRate]), { color: colours.candidate })];
	if (curves.baselineRoc) {
		roc.push(line(withAuc('Baseline', data.comparison && data.comparison.baseline.auc),
			curves.baselineRoc.map((p) => [p.falsePositiveRate, p.truePositiveRate]), { color: colours.baseline }));
	}
	roc.push(line('Random', [[0, 0], [1, 1]], { color: colours.diagonal, lineStyle: { type: 'dashed' } }));
	draw('chart-roc', {
		tooltip: { trigger: 'axis', valueFormatter: (value) => value.toFixed(3) },
		xAxis: percentAxis('Goods flagged', { max: 1, nameLocation: 'middle', nameGap: 30 }),
		yAxis: percentAxis('Bads flagged', { max: 1, nameLocation: 'middle', nameGap: 48 }),
		series: roc
	});
	let widest = null;
	curves.ks.forEach((p) => {
		const gap = Math.abs(p.cumulativeBadShare - p.cumulativeGoodShare);
		if (widest == null || gap > widest.gap) {
			widest = { gap: gap, score: p.score, bad: p.cumulativeBadShare, good: p.cumulativeGoodShare };
		}
	});
	const ksLine = widest && { symbol: 'none', silent: true, label: { show: false },
		lineStyle: { color: '#1f2933', width: 2, type: 'solid' },
		data: [[{ coord: [widest.score, widest.bad] }, { coord: [widest.score, widest.good] }]] };
	const ksLabel = widest && { symbolSize: 0, silent: true, data: [{ coord: [widest.score, (widest.bad + widest.good) / 2],
		label: { show: true, position: 'right', color: '#1f2933', fontWeight: 'bold',
			formatter: 'KS ' + widest.gap.toFixed(3) + ' at score ' + widest.score } }] };
	draw('chart-ks', {
		tooltip: { trigger: 'axis', valueFormatter: percent },
		xAxis: { type: 'value', name: 'Score', scale: true, nameLocation: 'middle', nameGap: 30 },
		yAxis: percentAxis('At or below the score', { max: 1, nameTextStyle: { align: 'left' } }),
		series: [line('Bads', curves.ks.map((p) => [p.score, p.cumulativeBadShare]),
			{ color: colours.bads, markLine: ksLine, markPoint: ksLabel }),
			line('Goods', curves.ks.map((p) => [p.score, p.cumulativeGoodShare]), { color: colours.goods })]
	});
	const bands = curves.scoreBands;
	const bandNames = bands.map((b) => (b.to - 1 > b.from ? b.from + '–' + (b.to - 1) : String(b.from)));
	const total = (key) => bands.reduce((sum, b) => sum + b[key], 0);
	const shares = (key) => bands.map((b) => (total(key) > 0 ? b[key] / total(key) : 0));
	draw('chart-scores', {
		tooltip: { trigger: 'axis', formatter: (items) => echarts.format.encodeHTML(bandNames[items[0].dataIndex])
			+ items.map((item) => '<br>' + item.marker + item.seriesName + ': '
				+ bands[item.dataIndex][item.seriesName.toLowerCase()].toLocaleString('en-US')
				+ ' (' + percent(item.value) + ' of all)').join('') },
		xAxis: { type: 'category', data: bandNames, name: 'Score', nameLocation: 'middle', nameGap: 30 },
		yAxis: percentAxis('Share of all goods / of all bads', { nameTextStyle: { align: 'left' } }),
		series: [{ name: 'Goods', type: 'bar', color: colours.goods, data: shares('goods') },
			{ name: 'Bads', type: 'bar', color: colours.bads, data: shares('bads') }]
	});
	const orGap = (value) => (value == null ? '-' : value);
	draw('chart-bands', {
		tooltip: { trigger: 'axis', valueFormatter: (value) => (value === '-' ? '–' : percent(value)) },
		xAxis: { type: 'category', data: bandNames, name: 'Score', nameLocation: 'middle', nameGap: 30 },
		yAxis: [percentAxis('Approval rate', { max: 1, nameTextStyle: { align: 'left' } }),
			percentAxis('Bad rate', { splitLine: { show: false }, nameTextStyle: { align: 'right' } })],
		series: [{ name: 'Approval rate', type: 'bar', color: colours.approval,
			data: bands.map((b) => orGap(b.approvalRate)) },
			{ name: 'Bad rate', type: 'line', yAxisIndex: 1, color: colours.bads, connectNulls: false,
				data: bands.map((b) => orGap(b.badRate)) }]
	});
	if (data.comparison) {
		const migration = data.comparison.migration;
		const names = migration.bands.map((band) => band.charAt(0) + band.slice(1).toLowerCase());
		const cells = [];
		migration.counts.forEach((counts, row) => counts.forEach((rows, column) => cells.push([column, row, rows])));
		const badRate = (cell) => percent(migration.badRates[cell[1]][cell[0]]);
		draw('chart-migration', {
			tooltip: { formatter: (item) => echarts.format.encodeHTML('Baseline ' + names[item.value[1]]
				+ ', candidate ' + names[item.value[0]]) + '<br>' + item.value[2].toLocaleString('en-US')
				+ ' rows, bad rate ' + badRate(item.value) },
			grid: { left: 96, right: 16, top: 16, bottom: 56 },
			xAxis: { type: 'category', data: names, name: 'Candidate', nameLocation: 'middle', nameGap: 30 },
			yAxis: { type: 'category', data: names, name: 'Baseline', inverse: true,
				nameLocation: 'middle', nameGap: 80 },
			visualMap: { show: false, min: 0, max: Math.max(1, ...cells.map((cell) => cell[2])),
				inRange: { color: ['#eef3f9', '#3d6fb0'] } },
			series: [{ type: 'heatmap', data: cells, itemStyle: { borderColor: '#fff', borderWidth: 2 },
				label: { show: true, lineHeight: 18, formatter: (item) => item.value[2].toLocaleString('en-US')
					+ '\nbad ' + badRate(item.value) } }]
		});
	}
})();
