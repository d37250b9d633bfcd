// The risk team's pages: plain DOM over the rulesets and releases API (/api/rulesets), with
// the browser's session. Values from the API are set as text, never as HTML; the charts are
// ECharts, fed numbers and fixed labels.
(function () {
  'use strict';

  const { $, getJson, element, row, short } = window.creditflowDom;
  // while a release is on its way to approval, its page follows it
  const FOLLOWED = ['SUBMITTED', 'VALIDATED'];
  let following = null;

  function link(text, href) {
    const a = element('a', text);
    a.href = href;
    return a;
  }

  function describe(list, pairs) {
    list.replaceChildren();
    pairs.forEach(([term, value]) => {
      list.appendChild(element('dt', term));
      const description = element('dd', value instanceof Node ? null : value);
      if (value instanceof Node) {
        description.appendChild(value);
      }
      list.appendChild(description);
    });
  }

  function figure(value, digits) {
    return (value === null || value === undefined) ? '—' : Number(value).toFixed(digits);
  }

  // the API gives rates of applications as fractions, interest rates and PDs in percent
  function share(value) {
    return (value === null || value === undefined) ? '—' : (Number(value) * 100).toFixed(1) + ' %';
  }

  const count = (value) => figure(value, 0);
  const gini = (value) => figure(value, 3);
  const percent = (value) => (value === null || value === undefined) ? '—' : figure(value, 3) + ' %';

  // --- the rulesets in service ----------------------------------------------------------

  async function showInService() {
    const active = await getJson('/api/rulesets/active');
    const body = $('#in-service tbody');
    body.replaceChildren();
    [active.champion, active.challenger].filter((side) => side).forEach((side) => {
      const version = element('code', short(side.version));
      version.title = side.version;
      body.appendChild(row([side.role, version, side.share + ' %', side.rules, side.reasonCodes, side.activatedAt,
        side.activatedBy, side.releaseId ? link(short(side.releaseId), '#release=' + side.releaseId) : '']));
    });
    const here = active.servedHere;
    $('#served-here').textContent = 'This node decides with champion ' + short(here.champion)
      + (here.challenger ? ' and challenger ' + short(here.challenger) + ' on ' + here.challengerShare
        + ' % of new applications' : ', no challenger') + '.';
  }

  // --- the candidate --------------------------------------------------------------------

  async function showCandidate() {
    const candidate = await getJson('/api/rulesets/candidate');
    const version = element('code', candidate.version);
    describe($('#candidate'), [['Version', version], ['From', candidate.origin],
      ['Validated', candidate.validatedAt],
      ['Valid', candidate.valid ? 'yes' : 'no: it cannot be released'],
      ['In service', candidate.inService ? 'yes: it is what decides now' : 'no'],
      ['Scenarios', candidate.scenarios + ' run, ' + candidate.failedScenarios + ' failed']]);
    showProblems($('#candidate-problems'), candidate.problems);
    $('#no-problems').hidden = candidate.problems.length > 0;
    // the scenarios open by themselves only when some fail
    $('#scenarios summary').textContent = 'Scenarios: ' + candidate.scenarios + ' run, ' + candidate.failedScenarios
      + ' failed';
    $('#scenarios').open = candidate.failedScenarios > 0;
    const body = $('#candidate-scenarios tbody');
    body.replaceChildren();
    candidate.scenarioResults.forEach((result) => {
      const outcome = element('td', result.passed ? 'passed' : 'failed: ' + result.failures.join('; '),
        result.passed ? 'passed' : 'failed');
      const tr = row([result.file, result.line, result.name]);
      tr.appendChild(outcome);
      body.appendChild(tr);
    });
  }

  function showProblems(table, problems) {
    const body = table.querySelector('tbody');
    body.replaceChildren();
    (problems || []).forEach((problem) => body.appendChild(row([problem.file, problem.line, problem.message])));
    table.hidden = !problems || problems.length === 0;
  }

  // --- releases -------------------------------------------------------------------------

  async function showReleases() {
    const releases = await getJson('/api/rulesets/releases');
    const body = $('#releases tbody');
    body.replaceChildren();
    releases.forEach((release) => {
      const tr = row([link(short(release.id), '#release=' + release.id), release.status, short(release.version),
        release.role + (release.challengerShare != null ? ' (' + release.challengerShare + ' %)' : ''),
        release.submittedBy, release.submittedAt, release.rationale]);
      tr.dataset.status = release.status;
      body.appendChild(tr);
    });
  }

  async function showRelease(id) {
    $('#overview').hidden = true;
    $('#release-view').hidden = false;
    $('#release-id').textContent = id;
    const release = await getJson('/api/rulesets/releases/' + encodeURIComponent(id));
    const version = element('code', release.version);
    describe($('#release-summary'), [['Status', release.status], ['Version', version],
      ['Role', release.role + (release.challengerShare != null ? ', ' + release.challengerShare + ' % of new '
        + 'applications' : '')],
      ['Source', release.source + (release.rollback ? ' (a rollback)' : '')], ['Rationale', release.rationale],
      ['Effective', release.effectiveAt], ['Submitted', release.submittedBy + ', ' + release.submittedAt],
      ['Decided', release.decidedBy ? release.decidedBy + ', ' + release.decidedAt + ': ' + release.decisionComment
        : 'not yet'],
      ['Activated', release.activatedAt || 'not yet']]);
    $('#release-summary').dataset.status = release.status;
    $('#release-approval').hidden = release.status !== 'AWAITING_APPROVAL';
    showValidation(release.validation);
    showImpact(release);
    showTrail(release.trail);
    clearTimeout(following);
    if (FOLLOWED.includes(release.status)) {
      following = setTimeout(() => {
        if (location.hash === '#release=' + id) {
          showRelease(id).catch(showError);
        }
      }, 2000);
    }
  }

  function showValidation(validation) {
    if (!validation) {
      $('#release-validation').textContent = 'Being validated…';
      showProblems($('#release-problems'), []);
      return;
    }
    $('#release-validation').textContent = validation.scenarios + ' scenarios run, ' + validation.failedScenarios
      + ' failed, ' + validation.problems.length + ' problem(s).';
    showProblems($('#release-problems'), validation.problems);
  }

  const HEADLINES = [['rows', 'Applications', count], ['approvalRate', 'Approval rate', share],
    ['referRate', 'Refer rate', share], ['declineRate', 'Decline rate', share],
    ['badRateApproved', 'Bad rate of the approved', share], ['gini', 'Gini', gini],
    ['meanRate', 'Mean rate offered', percent], ['changedBands', 'Applications whose band changes', count]];

  function showImpact(release) {
    const head = $('#impact thead');
    const body = $('#impact tbody');
    head.replaceChildren();
    body.replaceChildren();
    $('#impact-baseline').textContent = short(release.baselineVersion);
    const reports = $('#impact-reports');
    reports.replaceChildren();
    const headlines = release.impact ? release.impact.headlines : null;
    if (!headlines) {
      $('#impact').hidden = true;
      reports.textContent = 'Not measured yet.';
      return;
    }
    $('#impact').hidden = false;
    const populations = Object.keys(headlines);
    const titles = document.createElement('tr');
    titles.appendChild(element('th', ''));
    populations.forEach((population) => {
      titles.appendChild(element('th', population + ': candidate'));
      titles.appendChild(element('th', population + ': in service'));
    });
    head.appendChild(titles);
    HEADLINES.forEach(([key, title, format]) => {
      const cells = [title];
      populations.forEach((population) => {
        const value = headlines[population][key];
        if (value !== null && typeof value === 'object') {
          cells.push(format(value.candidate), format(value.baseline));
        }
        else {
          cells.push(format(value), '');
        }
      });
      body.appendChild(row(cells));
    });
    // only the service's own report addresses become links
    const own = Object.entries(release.reports).filter(([, url]) => url.startsWith('/api/rulesets/releases/'));
    own.forEach(([population, url]) => {
      const report = link('Full impact report: ' + population + ' applications', url);
      report.target = '_blank';
      report.rel = 'noopener';
      reports.appendChild(report);
      reports.appendChild(document.createTextNode(' '));
    });
  }

  function showTrail(trail) {
    const body = $('#trail tbody');
    body.replaceChildren();
    trail.forEach((step) => body.appendChild(row([step.step, step.startedAt || '', step.endedAt || '',
      step.by || '', step.comment || ''])));
  }

  // --- submitting a release -------------------------------------------------------------

  async function submit(form) {
    const result = $('#submit-result');
    result.className = '';
    result.textContent = 'submitting…';
    const fields = new FormData(form);
    const request = { rationale: fields.get('rationale'), role: fields.get('role') };
    if (fields.get('effectiveAt')) {
      request.effectiveAt = new Date(fields.get('effectiveAt')).toISOString();
    }
    if (request.role === 'CHALLENGER') {
      request.challengerShare = Number(fields.get('challengerShare'));
    }
    const csrf = await getJson('/risk/csrf');
    const headers = { Accept: 'application/json', [csrf.header]: csrf.token };
    let body;
    if (fields.get('source') === 'zip') {
      body = new FormData();
      body.append('file', fields.get('file'));
      Object.entries(request).forEach(([name, value]) => body.append(name, String(value)));
    }
    else {
      headers['Content-Type'] = 'application/json';
      body = JSON.stringify(Object.assign({ source: 'folder' }, request));
    }
    const response = await fetch('/api/rulesets/releases', { method: 'POST', headers: headers, body: body });
    const answer = await response.json().catch(() => ({}));
    if (response.status !== 201) {
      result.className = 'broken';
      const problems = (answer.errors || []).map((problem) => problem.field + ' ' + problem.message);
      result.textContent = 'Refused (' + response.status + '): '
        + (problems.length ? problems.join('; ') : (answer.detail || answer.title || ''));
      return;
    }
    result.className = 'valid';
    result.textContent = 'Submitted';
    form.reset();
    syncForm();
    location.hash = '#release=' + answer.id;
  }

  function syncForm() {
    const form = $('#submit');
    $('#zip-field').hidden = form.elements.source.value !== 'zip';
    $('#share-field').hidden = form.elements.role.value !== 'CHALLENGER';
  }

  // --- champion against challenger ------------------------------------------------------

  let charts = [];

  async function showChallenge() {
    const challenge = await getJson('/api/rulesets/challenge');
    $('#challenge-note').textContent = (challenge.since ? 'Since ' + challenge.since + '. ' : '') + challenge.note;
    const sides = [challenge.champion, challenge.challenger];
    const lines = [['Version', (s) => short(s.version)], ['Share', (s) => s.share + ' %'],
      ['Applications', (s) => s.applications], ['Approved', (s) => s.approved], ['Referred', (s) => s.referred],
      ['Declined', (s) => s.declined], ['Approval rate', (s) => share(s.approvalRate)],
      ['Refer rate', (s) => share(s.referRate)], ['Decline rate', (s) => share(s.declineRate)],
      ['Median score', (s) => s.scorePercentiles.p50 === undefined ? '—' : s.scorePercentiles.p50],
      ['Mean rate offered', (s) => percent(s.meanOfferRate)], ['Mean PD', (s) => percent(s.meanPd)],
      ['With a known outcome', (s) => s.withOutcome], ['Bad rate', (s) => share(s.badRate)]];
    const body = $('#challenge tbody');
    body.replaceChildren();
    lines.forEach(([title, value]) => body.appendChild(row([title].concat(sides.map((s) => s ? value(s) : '—')))));
    drawCharts(sides.filter((side) => side));
  }

  function drawCharts(sides) {
    charts.forEach((chart) => chart.dispose());
    // ECharts writes its tooltips as HTML: the names are made of fixed words and hex digits only
    const names = sides.map((side) => (side.role === 'CHALLENGER' ? 'challenger ' : 'champion ')
      + short(side.version).replace(/[^0-9a-f]/g, ''));
    const rates = echarts.init($('#chart-rates'));
    rates.setOption({
      title: { text: 'Outcomes', textStyle: { fontSize: 14 } },
      tooltip: { trigger: 'axis' },
      legend: { top: 24 },
      grid: { top: 60 },
      xAxis: { type: 'category', data: ['approved', 'referred', 'declined'] },
      yAxis: { type: 'value', name: 'share of applications' },
      series: sides.map((side, i) => ({ type: 'bar', name: names[i],
        data: [side.approvalRate, side.referRate, side.declineRate] }))
    });
    const bins = Array.from(new Set(sides.flatMap((side) => Object.keys(side.scoreBins).map(Number))))
      .sort((a, b) => a - b);
    const scores = echarts.init($('#chart-scores'));
    scores.setOption({
      title: { text: 'Scores', textStyle: { fontSize: 14 } },
      tooltip: { trigger: 'axis' },
      legend: { top: 24 },
      grid: { top: 60 },
      xAxis: { type: 'category', name: 'score from', data: bins.map(String) },
      yAxis: { type: 'value', name: 'applications' },
      series: sides.map((side, i) => ({ type: 'bar', name: names[i],
        data: bins.map((bin) => side.scoreBins[String(bin)] || 0) }))
    });
    charts = [rates, scores];
    $('#chart-rates').dataset.series = String(sides.length);
  }

  // --- wiring ---------------------------------------------------------------------------

  function showOverview() {
    $('#release-view').hidden = true;
    $('#overview').hidden = false;
    return Promise.all([showInService(), showCandidate(), showReleases(), showChallenge()]);
  }

  function route() {
    $('#error').hidden = true;
    const match = /^#release=(.+)$/.exec(location.hash);
    (match ? showRelease(decodeURIComponent(match[1])) : showOverview()).catch(showError);
  }

  function showError(error) {
    $('#error').hidden = false;
    $('#error').textContent = error.message;
  }

  $('#submit').addEventListener('change', syncForm);
  $('#submit').addEventListener('submit', (event) => {
    event.preventDefault();
    submit(event.target).catch(showError);
  });
  window.addEventListener('resize', () => charts.forEach((chart) => chart.resize()));
  window.addEventListener('hashchange', route);
  // the page's error line, for its other scripts (portfolio.js); note that absent values are
  // absent from the API's JSON (undefined), not null
  window.creditflowRisk = { showError };
  syncForm();
  route();
}());
