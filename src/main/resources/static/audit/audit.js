// The auditors' pages: plain DOM over the audit API (/api/audit), with the browser's session.
// Values from the API are set as text, never as HTML.
(function () {
  'use strict';

  const { $, getJson, element, row, short } = window.creditflowDom;

  // --- the decision chain ---------------------------------------------------------------

  async function checkChain() {
    const result = $('#chain-result');
    result.textContent = 'checking…';
    const check = await getJson('/api/audit/verify');
    result.className = check.valid ? 'valid' : 'broken';
    result.textContent = check.valid
      ? 'Chain intact: ' + check.checked + ' records checked'
      : 'Chain broken at record ' + check.firstBrokenRecord.seq + ': ' + check.firstBrokenRecord.problem;
  }

  // --- search ---------------------------------------------------------------------------

  async function search(form) {
    const query = new URLSearchParams();
    new FormData(form).forEach((value, name) => { if (value) { query.append(name, value); } });
    const found = await getJson('/api/audit/applications?' + query);
    const body = $('#results tbody');
    body.replaceChildren();
    found.forEach((application) => {
      const link = element('a', application.applicationId);
      link.href = '#app=' + application.applicationId;
      body.appendChild(row([link, application.status, application.outcome || '', application.decidedBy || '',
        short(application.rulesetVersion), application.submittedAt, application.decidedAt || '']));
    });
    $('#results').hidden = found.length === 0;
    $('#no-results').hidden = found.length > 0;
  }

  // --- one application ------------------------------------------------------------------

  async function showApplication(id) {
    showView('#application-view');
    $('#app-id').textContent = id;
    $('#replay-result').textContent = '';
    const trail = await getJson('/api/audit/applications/' + encodeURIComponent(id));
    const summary = $('#summary');
    summary.replaceChildren();
    [['Status', trail.status], ['Applicant', trail.applicant],
      ['Loan', trail.loan.amount.toLocaleString('en-US') + ' KRW over ' + trail.loan.termMonths + ' months, '
        + trail.loan.product + ', ' + trail.loan.purpose]].forEach(([term, value]) => {
      summary.appendChild(element('dt', term));
      summary.appendChild(element('dd', value));
    });
    $('#export-json').href = '/api/audit/applications/' + id + '/export?format=json';
    $('#export-csv').href = '/api/audit/applications/' + id + '/export?format=csv';
    showDecisions(trail.timeline);
    showTimeline(trail.timeline);
    await showDiagram(trail);
  }

  function showDecisions(timeline) {
    const decisions = $('#decisions');
    decisions.replaceChildren();
    const decisionKinds = ['ASSESSMENT', 'REVIEW', 'SECOND_APPROVAL', 'FINAL_DECISION'];
    timeline.filter((entry) => decisionKinds.includes(entry.type)).forEach((entry) => {
      const box = element('div', null, 'decision');
      box.dataset.kind = entry.type;
      box.appendChild(element('h4', entry.title + ' — ' + (entry.actor || '') + ', ' + entry.at));
      const details = entry.details;
      const lines = [];
      if (entry.rulesetVersion) { lines.push('Ruleset ' + entry.rulesetVersion); }
      if (details.reasons) { lines.push('Reasons: ' + details.reasons.join(', ')); }
      if (details.firedRules) { lines.push('Rules that fired: ' + details.firedRules.join('; ')); }
      if (details.comment) { lines.push('Comment: ' + details.comment); }
      if (details.groups) { lines.push('Groups: ' + details.groups.join(', ')); }
      if (details.reason) { lines.push('Reason: ' + details.reason); }
      lines.push('Record #' + details.recordSeq + ', hash ' + short(details.recordHash));
      lines.forEach((line) => box.appendChild(element('p', line)));
      decisions.appendChild(box);
    });
  }

  function showTimeline(timeline) {
    const body = $('#timeline tbody');
    body.replaceChildren();
    timeline.forEach((entry) => {
      const details = Object.assign({}, entry.details);
      body.appendChild(row([entry.at, entry.type + ': ' + entry.title, entry.actor || '',
        element('span', JSON.stringify(details, null, 1), 'details')]));
    });
  }

  async function showDiagram(trail) {
    const container = $('#diagram');
    container.replaceChildren();
    if (!trail.processDefinitionId) {
      container.textContent = 'No process history.';
      return;
    }
    const definition = await getJson('/engine-rest/process-definition/'
      + encodeURIComponent(trail.processDefinitionId) + '/xml');
    const viewer = new BpmnJS({ container: container });
    await viewer.importXML(definition.bpmn20Xml);
    const canvas = viewer.get('canvas');
    const registry = viewer.get('elementRegistry');
    const ended = new Set(trail.timeline.filter((e) => e.type === 'STEP' && e.details.ended)
      .map((e) => e.details.activityId));
    new Set(trail.activitiesPassed).forEach((activityId) => {
      if (registry.get(activityId)) {
        canvas.addMarker(activityId, ended.has(activityId) ? 'cf-passed' : 'cf-current');
      }
    });
    canvas.zoom('fit-viewport');
    container.dataset.passed = String(trail.activitiesPassed.length);
  }

  async function replay(id) {
    const result = $('#replay-result');
    result.textContent = 'replaying…';
    const csrf = await getJson('/audit/csrf');
    const response = await fetch('/api/audit/applications/' + encodeURIComponent(id) + '/replay', {
      method: 'POST', headers: { Accept: 'application/json', [csrf.header]: csrf.token }
    });
    const outcome = await response.json();
    result.className = outcome.identical ? 'valid' : 'broken';
    result.textContent = outcome.identical
      ? 'Replay identical for ' + outcome.assessments.length + ' assessment(s)'
      : 'Replay differs: ' + outcome.assessments.flatMap((a) => a.differences).join('; ');
  }

  // --- rulesets: releases and activations ----------------------------------------------

  function why(event) {
    return event.details.why || '';
  }

  function versionLink(version) {
    const link = element('a', short(version));
    link.href = '#ruleset=' + version;
    link.title = version;
    return link;
  }

  async function showRulesets() {
    const events = await getJson('/api/audit/rulesets');
    const body = $('#ruleset-history tbody');
    body.replaceChildren();
    events.forEach((event) => body.appendChild(row([event.at, event.kind, event.actor || '',
      versionLink(event.version), event.details.role || '', why(event), '#' + event.seq])));
    $('#ruleset-history').hidden = events.length === 0;
    $('#no-rulesets').hidden = events.length > 0;
  }

  async function showRuleset(version) {
    $('#ruleset-version').textContent = version;
    const ruleset = await getJson('/api/audit/rulesets/' + encodeURIComponent(version));
    const assessments = $('#ruleset-assessments');
    assessments.replaceChildren();
    const roles = Object.entries(ruleset.assessments);
    if (roles.length === 0) {
      assessments.appendChild(element('dt', 'None'));
      assessments.appendChild(element('dd', 'it decided no application'));
    }
    roles.forEach(([role, count]) => {
      assessments.appendChild(element('dt', 'As ' + role.toLowerCase()));
      assessments.appendChild(element('dd', count));
    });
    $('#ruleset-applications').href = '#search=' + encodeURIComponent(version);
    const body = $('#ruleset-events tbody');
    body.replaceChildren();
    ruleset.history.forEach((event) => {
      const details = Object.assign({}, event.details);
      delete details.why;
      body.appendChild(row([event.at, event.kind, event.actor || '', details.role || '', why(event),
        element('span', JSON.stringify(details, null, 1), 'details')]));
    });
  }

  // --- wiring ---------------------------------------------------------------------------

  const VIEWS = ['#search-view', '#application-view', '#rulesets-view', '#ruleset-view'];

  function showView(view) {
    VIEWS.forEach((id) => { $(id).hidden = id !== view; });
  }

  function route() {
    const hash = location.hash;
    let match;
    if ((match = /^#app=(.+)$/.exec(hash))) {
      showApplication(decodeURIComponent(match[1])).catch(showError);
    }
    else if (hash === '#rulesets') {
      showView('#rulesets-view');
      showRulesets().catch(showError);
    }
    else if ((match = /^#ruleset=(.+)$/.exec(hash))) {
      showView('#ruleset-view');
      showRuleset(decodeURIComponent(match[1])).catch(showError);
    }
    else if ((match = /^#search=(.+)$/.exec(hash))) {
      // the applications one ruleset decided: the search, filtered by its version
      showView('#search-view');
      const form = $('#search');
      form.reset();
      form.elements.rulesetVersion.value = decodeURIComponent(match[1]);
      search(form).catch(showError);
    }
    else {
      showView('#search-view');
    }
  }

  function showError(error) {
    $('#chain-result').className = 'broken';
    $('#chain-result').textContent = error.message;
  }

  $('#check-chain').addEventListener('click', () => checkChain().catch(showError));
  $('#search').addEventListener('submit', (event) => {
    event.preventDefault();
    search(event.target).catch(showError);
  });
  $('#period').addEventListener('submit', (event) => {
    event.preventDefault();
    const form = new FormData(event.target);
    location.href = '/api/audit/decisions.csv?from=' + form.get('from') + '&to=' + form.get('to');
  });
  $('#replay').addEventListener('click', () => replay($('#app-id').textContent).catch(showError));
  window.addEventListener('hashchange', route);
  route();
}());
