// What the auditors' and the risk team's pages share: reading the API with the browser's
// session, and building table rows whose values are set as text, never as HTML.
(function () {
  'use strict';

  async function getJson(url) {
    const response = await fetch(url, { headers: { Accept: 'application/json' } });
    if (!response.ok) {
      throw new Error(url + ' answered ' + response.status);
    }
    return response.json();
  }

  function element(tag, text, className) {
    const node = document.createElement(tag);
    if (text !== undefined && text !== null) {
      node.textContent = String(text);
    }
    if (className) {
      node.className = className;
    }
    return node;
  }

  function wrap(node) {
    const td = document.createElement('td');
    td.appendChild(node);
    return td;
  }

  function row(cells) {
    const tr = document.createElement('tr');
    cells.forEach((cell) => tr.appendChild(cell instanceof Node ? wrap(cell) : element('td', cell)));
    return tr;
  }

  // a ruleset version (a SHA-256) as the pages show it
  function short(version) {
    return version ? version.substring(0, 12) : '';
  }

  window.creditflowDom = Object.freeze({
    $: (selector) => document.querySelector(selector), getJson, element, row, short
  });
}());
