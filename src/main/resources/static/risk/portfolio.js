// The risk pages' portfolio section: vintages, calibration and overrides from /api/monitoring, drawn with
// ECharts. Values from the API are set as text; the charts get numbers, and names made of
// month digits and the fixed words of a split.
(function () {
  'use strict';

  const { $, getJson, row } = window.creditflowDom;
  const { showError } = window.creditflowRisk;
  const charts = {};

  function percent(fraction, digits) {
    return fraction === null || fraction === undefined ? '—' : (100 * fraction).toFixed(digits) + ' %';
  }

  function chart(id) {
    if (charts[id]) {
      charts[id].dispose();
    }
    charts[id] = echarts.init($('#' + id));
    return charts[id];
  }

  // a split's group as a chart name: grade letters, segment and role words, hex digits of a version
  function safe(text) {
    return String(text).replace(/[^A-Za-z0-9_+-]/g, '').slice(0, 16);
  }

  async function showVintages() {
    const report = await getJson('/api/monitoring/vintages?by=' + encodeURIComponent($('#vintage-split').value));
    $('#bad-definition').textContent = report.definition;
    $('#no-vintages').hidden = report.vintages.length > 0;
    const months = report.vintages.length ? report.vintages[0].cumulativeBadRate.length : 0;
    const vintages = chart('chart-vintages');
    vintages.setOption({
      animation: false,
      title: { text: 'Cumulative bad rate by months on book', textStyle: { fontSize: 14 } },
      tooltip: { trigger: 'axis', valueFormatter: (value) => percent(value, 2) },
      legend: { top: 24, type: 'scroll' },
      grid: { top: 70 },
      xAxis: { type: 'category', name: 'months on book', data: Array.from({ length: months }, (_, k) => String(k)) },
      yAxis: { type: 'value', name: 'bad', axisLabel: { formatter: (value) => percent(value, 1) } },
      series: report.vintages.map((vintage) => ({
        type: 'line',
        name: safe(vintage.bookedMonth) + (report.by === 'NONE' ? '' : ' ' + safe(vintage.group)),
        data: vintage.cumulativeBadRate,
        connectNulls: false
      }))
    });
    $('#chart-vintages').dataset.series = String(report.vintages.length);
  }

  async function showCalibration() {
    const report = await getJson('/api/monitoring/calibration');
    const body = $('#calibration tbody');
    body.replaceChildren();
    report.grades.forEach((grade) => {
      const line = row([grade.grade, grade.loans, grade.bad, percent(grade.expectedBadRate, 2),
        percent(grade.observedBadRate, 2), grade.pValue == null ? '—' : grade.pValue.toPrecision(2),
        grade.verdict.toLowerCase().replace(/_/g, ' ')]);
      if (grade.verdict === 'WORSE_THAN_PREDICTED' || grade.verdict === 'BETTER_THAN_PREDICTED') {
        line.className = 'out-of-line';
      }
      body.appendChild(line);
    });
    const calibration = chart('chart-calibration');
    calibration.setOption({
      animation: false,
      title: { text: 'Predicted and observed bad rate', textStyle: { fontSize: 14 } },
      tooltip: { trigger: 'axis', valueFormatter: (value) => percent(value, 2) },
      legend: { top: 24 },
      grid: { top: 60 },
      xAxis: { type: 'category', name: 'grade', data: report.grades.map((grade) => safe(grade.grade)) },
      yAxis: { type: 'value', axisLabel: { formatter: (value) => percent(value, 1) } },
      series: [
        { type: 'bar', name: 'predicted', data: report.grades.map((grade) => grade.expectedBadRate) },
        { type: 'bar', name: 'observed', data: report.grades.map((grade) => grade.observedBadRate) }
      ]
    });
    $('#chart-calibration').dataset.series = String(report.grades.length);
  }

  function fill(selector, rows) {
    const body = $(selector + ' tbody');
    body.replaceChildren();
    rows.forEach((cells) => body.appendChild(row(cells)));
  }

  async function showOverrides() {
    const report = await getJson('/api/monitoring/overrides');
    $('#overrides-summary').textContent = report.reviewed + ' applications decided by officers, '
      + report.overridden + ' against the rules (' + percent(report.overrideRate, 1) + '): '
      + (report.byKind.APPROVED_AGAINST_SCORE || 0) + ' approved above the referral cut-off, '
      + (report.byKind.DECLINED_AGAINST_SCORE || 0) + ' declined at or below the approval cut-off, '
      + (report.byKind.BETTER_TERMS || 0) + ' approved on better terms than offered.';
    fill('#overrides-by-officer', report.byOfficer.map((count) => [count.key, count.reviewed, count.overridden,
      percent(count.rate, 1)]));
    fill('#overrides-by-reason', report.byReason.map((count) => [count.key, count.overridden]));
    fill('#overrides-performance', report.performance.map((loans) => [loans.loans, loans.approved, loans.judged,
      loans.bad, percent(loans.predictedBadRate, 2), percent(loans.observedBadRate, 2)]));
    const overrides = chart('chart-overrides');
    overrides.setOption({
      animation: false,
      title: { text: 'Override rate by officer', textStyle: { fontSize: 14 } },
      tooltip: { trigger: 'axis', valueFormatter: (value) => percent(value, 1) },
      grid: { top: 50 },
      xAxis: { type: 'category', data: report.byOfficer.map((count) => safe(count.key)) },
      yAxis: { type: 'value', axisLabel: { formatter: (value) => percent(value, 0) } },
      series: [{ type: 'bar', name: 'against the rules', data: report.byOfficer.map((count) => count.rate) }]
    });
    $('#chart-overrides').dataset.series = String(report.byOfficer.length);
  }

  function showPortfolio() {
    if (!$('#overview').hidden) {
      Promise.all([showVintages(), showCalibration(), showOverrides()]).catch(showError);
    }
  }

  // for stability.js, the section's other part: its charts are made here, so they resize with these
  window.creditflowPortfolio = Object.freeze({ chart, percent, safe });
  $('#vintage-split').addEventListener('change', () => showVintages().catch(showError));
  window.addEventListener('resize', () => Object.values(charts).forEach((each) => each.resize()));
  window.addEventListener('hashchange', showPortfolio);
  showPortfolio();
}());
