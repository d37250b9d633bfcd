// The portfolio section's stability part, from /api/monitoring/stability: whether each month's
// applicants still look like the development sample of the ruleset's scorecards (the score's PSI
// and each characteristic's CSI per segment), beside the approval rate. Values from the API are
// set as text; the charts get numbers, the fixed words of a segment, months, and the bins'
// labels of the development sample, which ECharts' tooltips write as text.
(function () {
  'use strict';

  const { $, getJson, element, row, short } = window.creditflowDom;
  const { showError } = window.creditflowRisk;
  const { chart, percent } = window.creditflowPortfolio;
  const SEGMENTS = { FULL_FILE: 'full file', THIN_FILE: 'thin file', FINANCIAL_ONLY: 'financial only' };
  const STATUSES = {
    STABLE: { words: 'stable', className: 'stable' },
    WATCH: { words: 'watch', className: 'watch' },
    SHIFT: { words: 'shift', className: 'shift' },
    TOO_FEW: { words: 'too few to judge', className: 'too-few' }
  };
  // the latest month's indices in the table's order, each with its segment
  let indices = [];
  let shownMonth = null;

  function segmentWords(segment) {
    return SEGMENTS[segment] || 'other';
  }

  function index(value) {
    return value == null ? '—' : value.toFixed(3);
  }

  function thresholdLine(name, value) {
    return { name, yAxis: value, label: { formatter: name + ' ' + value.toFixed(2), position: 'insideEndTop' } };
  }

  function showIndexTrend(report) {
    const segments = Object.keys(SEGMENTS)
      .filter((segment) => report.months.some((month) => month.segments.some((each) => each.segment === segment)));
    const series = segments.map((segment) => ({
      type: 'line',
      name: segmentWords(segment),
      connectNulls: false,
      data: report.months.map((month) => {
        const found = month.segments.find((each) => each.segment === segment);
        // a month too small to judge would draw its noise as if it were a shift
        return (found == null || found.score.status === 'TOO_FEW') ? null : found.score.value;
      })
    }));
    series.push({
      type: 'line',
      name: 'thresholds',
      data: [],
      markLine: { silent: true, symbol: 'none', lineStyle: { type: 'dashed', color: '#a4262c' },
        data: [thresholdLine('watch', report.watch), thresholdLine('shift', report.shift)] }
    });
    chart('chart-stability').setOption({
      animation: false,
      title: { text: 'Population stability index of the score', textStyle: { fontSize: 14 },
        subtext: 'months with at least ' + report.minimumApplications + ' applications in the segment' },
      tooltip: { trigger: 'axis', valueFormatter: (value) => (typeof value === 'number' ? value.toFixed(3) : '—') },
      legend: { top: 46, data: series.slice(0, -1).map((each) => each.name) },
      grid: { top: 72, right: 40 },
      xAxis: { type: 'category', data: report.months.map((month) => month.month) },
      // the shift threshold stays in sight when every index is below it
      yAxis: { type: 'value', name: 'PSI', axisLabel: { formatter: (value) => value.toFixed(2) },
        max: (extent) => Math.ceil(10 * Math.max(extent.max, report.shift * 1.2)) / 10 },
      series
    });
    $('#chart-stability').dataset.series = String(segments.length);
  }

  function showApprovalTrend(report) {
    chart('chart-approval').setOption({
      animation: false,
      title: { text: 'Approval rate and applications', textStyle: { fontSize: 14 } },
      tooltip: { trigger: 'axis' },
      legend: { top: 24 },
      grid: { top: 60, right: 60 },
      xAxis: { type: 'category', data: report.months.map((month) => month.month) },
      yAxis: [
        { type: 'value', name: 'approved', min: 0, max: 1, axisLabel: { formatter: (value) => percent(value, 0) } },
        { type: 'value', name: 'applications', minInterval: 1, splitLine: { show: false } }
      ],
      series: [
        { type: 'bar', name: 'applications', yAxisIndex: 1, itemStyle: { color: '#c9d4df' },
          data: report.months.map((month) => month.applications) },
        { type: 'line', name: 'approved by the rules', tooltip: { valueFormatter: (value) => percent(value, 1) },
          data: report.months.map((month) => (month.rulesApprovalRate == null ? null : month.rulesApprovalRate)) },
        { type: 'line', name: 'approved of decided', tooltip: { valueFormatter: (value) => percent(value, 1) },
          data: report.months.map((month) => (month.approvalRate == null ? null : month.approvalRate)) }
      ]
    });
  }

  function showBins(position) {
    const shown = indices[position];
    if (!shown) {
      return;
    }
    $('#stability-characteristic').value = String(position);
    $('#chart-stability-bins').dataset.characteristic = shown.index.characteristic;
    document.querySelectorAll('#stability tbody tr')
      .forEach((line, each) => line.setAttribute('aria-selected', String(each === position)));
    chart('chart-stability-bins').setOption({
      animation: false,
      title: { text: shown.index.characteristic + ', ' + segmentWords(shown.segment) + ', ' + shownMonth
        + ': share of applicants per bin', textStyle: { fontSize: 14 } },
      tooltip: { trigger: 'axis', valueFormatter: (value) => percent(value, 1) },
      legend: { top: 24 },
      grid: { top: 60, bottom: 60 },
      xAxis: { type: 'category', data: shown.index.bins.map((bin) => bin.bin),
        axisLabel: { interval: 0, rotate: 30 } },
      yAxis: { type: 'value', axisLabel: { formatter: (value) => percent(value, 0) } },
      series: [
        { type: 'bar', name: 'development sample', data: shown.index.bins.map((bin) => bin.expected) },
        { type: 'bar', name: shownMonth, data: shown.index.bins.map((bin) => bin.actual) }
      ]
    });
  }

  function showLatestMonth(report) {
    const month = report.months.slice().reverse().find((each) => each.applications > 0)
      || report.months[report.months.length - 1];
    shownMonth = month.month;
    indices = month.segments.flatMap((segment) => [segment.score, ...segment.characteristics]
      .map((each) => ({ segment: segment.segment, index: each })));
    $('#stability-month').textContent = month.month + ': ' + month.applications + ' applications, '
      + month.approvedByRules + ' approved, ' + month.referred + ' referred and ' + month.declinedByRules
      + ' declined by the rules. Choose a row for its bins.';
    const body = $('#stability tbody');
    const choice = $('#stability-characteristic');
    body.replaceChildren();
    choice.replaceChildren();
    indices.forEach((shown, position) => {
      const status = STATUSES[shown.index.status] || { words: shown.index.status, className: '' };
      const line = row([segmentWords(shown.segment), shown.index.characteristic, shown.index.applications,
        index(shown.index.value), element('span', status.words, status.className)]);
      line.addEventListener('click', () => showBins(position));
      body.appendChild(line);
      const option = element('option', segmentWords(shown.segment) + ': ' + shown.index.characteristic);
      option.value = String(position);
      choice.appendChild(option);
    });
    $('#stability-indices').hidden = indices.length === 0;
    if (indices.length) {
      const busiest = month.segments.reduce((most, each) => (each.applications > most.applications ? each : most));
      showBins(indices.findIndex((each) => each.segment === busiest.segment));
    }
  }

  async function showStability() {
    const report = await getJson('/api/monitoring/stability');
    const version = short(report.rulesetVersion);
    $('#stability-summary').textContent = report.developmentSample
      ? 'Each month\'s applicants against the development sample of ruleset ' + version + ': stable below '
        + report.watch.toFixed(2) + ', watch from ' + report.watch.toFixed(2) + ' to ' + report.shift.toFixed(2)
        + ', shift above ' + report.shift.toFixed(2) + '; a segment with fewer than ' + report.minimumApplications
        + ' applications in a month is too few to judge.'
      : 'Ruleset ' + version + ' has no development sample (credit/scorecards-development.csv): only the approval '
        + 'rate is shown.';
    $('#chart-stability').hidden = !report.developmentSample;
    if (report.developmentSample) {
      showIndexTrend(report);
    }
    showApprovalTrend(report);
    if (report.developmentSample && report.months.length) {
      showLatestMonth(report);
    }
    else {
      indices = [];
      $('#stability-indices').hidden = true;
    }
  }

  function showOnOverview() {
    if (!$('#overview').hidden) {
      showStability().catch(showError);
    }
  }

  $('#stability-characteristic').addEventListener('change', (event) => showBins(Number(event.target.value)));
  window.addEventListener('hashchange', showOnOverview);
  showOnOverview();
}());
