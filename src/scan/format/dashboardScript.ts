/**
 * The dashboard's browser code, inlined into the page (no external assets). It reads the data from
 * the page's `application/json` block and builds every element with createElement/textContent:
 * data is never parsed as HTML. Written without template literals so it can live in this string.
 */
export const DASHBOARD_SCRIPT = String.raw`
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('scan-data').textContent);
  var L = data.labels;
  var state = { sort: 'name', dir: 1, text: '', level: 'all', open: null };

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    if (attrs) for (var k in attrs) if (Object.prototype.hasOwnProperty.call(attrs, k)) {
      if (k === 'text') node.textContent = attrs[k];
      else node.setAttribute(k, attrs[k]);
    }
    (children || []).forEach(function (c) { if (c) node.appendChild(c); });
    return node;
  }
  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }
  function levelText(l) { return l === null || l === undefined ? '—' : l === 0 ? 'Minimum' : 'N' + l; }
  function rank(p) { return p.status === 'error' ? -2 : p.level === null ? -1 : p.level; }

  var keys = {
    name: function (p) { return p.name.toLowerCase(); },
    level: rank,
    official: function (p) { return p.official === null ? -1 : p.official; },
    target: function (p) { return p.target === null ? -1 : p.target; },
    gap: function (p) { return p.status === 'error' ? 1e9 : p.gap.length; },
    movement: function (p) { return p.movement ? ({ up: 3, new: 2, same: 1, unknown: 0, down: -1, removed: -2 })[p.movement.movement] : 0; }
  };

  function visible() {
    var text = state.text.toLowerCase();
    return data.products.filter(function (p) {
      if (text && p.name.toLowerCase().indexOf(text) < 0) return false;
      if (state.level === 'all') return true;
      if (state.level === 'error') return p.status === 'error';
      if (p.status === 'error') return false;
      return state.level === 'none' ? p.level === null : String(p.level) === state.level;
    }).sort(function (a, b) {
      var ka = keys[state.sort](a), kb = keys[state.sort](b);
      if (ka < kb) return -state.dir;
      if (ka > kb) return state.dir;
      return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
    });
  }

  function renderTable() {
    var body = document.getElementById('rows');
    clear(body);
    var rows = visible();
    rows.forEach(function (p) {
      var name = el('button', { type: 'button', 'class': 'link', 'data-testid': 'open', text: p.name });
      name.addEventListener('click', function () { state.open = p.name; renderDetail(); });
      var areas = el('td', { 'class': 'areas' });
      (p.areas || []).forEach(function (a) {
        var cls = a.total === 0 ? 'na' : a.unmet === 0 ? 'ok' : a.unknown === a.unmet ? 'unknown' : 'gap';
        areas.appendChild(el('span', { 'class': 'area ' + cls, title: a.label + ': ' + a.unmet + '/' + a.total, text: a.short + (a.unmet ? ' ' + a.unmet : '') }));
      });
      var move = p.movement ? el('span', { 'class': 'move ' + p.movement.movement, text: p.movement.symbol + ' ' + p.movement.label }) : null;
      var tr = el('tr', { 'data-name': p.name, 'class': p.status === 'error' ? 'error' : '' }, [
        el('td', null, [name]),
        el('td', { 'data-testid': 'level', text: p.status === 'error' ? L.error : levelText(p.level) }),
        el('td', { text: levelText(p.official) }),
        el('td', { text: levelText(p.target) }),
        el('td', { text: p.status === 'error' ? p.error.code : String(p.gap.length) }),
        areas,
        el('td', null, [move])
      ]);
      body.appendChild(tr);
    });
    document.getElementById('count').textContent = rows.length + ' / ' + data.products.length;
    Array.prototype.forEach.call(document.querySelectorAll('th[data-sort]'), function (th) {
      var key = th.getAttribute('data-sort');
      th.setAttribute('aria-sort', key === state.sort ? (state.dir > 0 ? 'ascending' : 'descending') : 'none');
    });
  }

  function section(title, items) {
    if (!items.length) return null;
    return el('section', null, [el('h3', { text: title }), el('ul', null, items)]);
  }

  function renderDetail() {
    var panel = document.getElementById('detail');
    clear(panel);
    var p = data.products.filter(function (x) { return x.name === state.open; })[0];
    if (!p) { panel.hidden = true; return; }
    panel.hidden = false;
    var close = el('button', { type: 'button', 'class': 'close', 'data-testid': 'close', text: '×' });
    close.addEventListener('click', function () { state.open = null; renderDetail(); });
    panel.appendChild(close);
    panel.appendChild(el('h2', { 'data-testid': 'detail-name', text: p.name }));
    panel.appendChild(el('p', { text: L.level + ': ' + (p.status === 'error' ? L.error : levelText(p.level)) + ' · ' + L.official + ': ' + levelText(p.official) + ' · ' + L.target + ': ' + levelText(p.target) }));
    if (p.contact) panel.appendChild(el('p', { text: L.contact + ': ' + p.contact }));
    panel.appendChild(section(L.repositories, p.repositories.map(function (r) {
      return el('li', null, [el('code', { text: r.url }), document.createTextNode(r.commit ? ' @ ' + r.commit.slice(0, 12) : '')]);
    })));
    if (p.status === 'error') {
      panel.appendChild(el('p', { 'class': 'error', 'data-testid': 'detail-error', text: p.error.code + ': ' + p.error.message }));
      return;
    }
    panel.appendChild(section(L.gap + (p.next !== null ? ' (' + levelText(p.next) + ')' : ''), p.gap.map(function (g) {
      return el('li', { 'data-testid': 'gap-item' }, [
        el('strong', { text: g.id + ' — ' + g.title }),
        el('div', { 'class': 'msg', text: g.message }),
        el('div', { 'class': 'fix', text: L.remediation + ': ' + g.remediation })
      ]);
    })));
    if (p.movement) {
      panel.appendChild(section(L.newlyMet, p.movement.newlyMet.map(function (id) { return el('li', { text: id }); })));
      panel.appendChild(section(L.lost, p.movement.lost.map(function (id) { return el('li', { text: id }); })));
    }
  }

  function renderDistribution() {
    var box = document.getElementById('distribution');
    var max = Math.max.apply(null, data.distribution.map(function (d) { return d.count; }).concat([1]));
    data.distribution.forEach(function (d) {
      var bar = el('div', { 'class': 'bar' });
      bar.style.width = Math.round((d.count / max) * 100) + '%';
      var row = el('button', { type: 'button', 'class': 'dist', 'data-level': d.key }, [el('span', { 'class': 'dlabel', text: d.label }), el('span', { 'class': 'track' }, [bar]), el('span', { 'class': 'dcount', text: String(d.count) })]);
      row.addEventListener('click', function () { state.level = d.key; document.getElementById('level').value = d.key; renderTable(); });
      box.appendChild(row);
    });
  }

  document.getElementById('filter').addEventListener('input', function (e) { state.text = e.target.value; renderTable(); });
  document.getElementById('level').addEventListener('change', function (e) { state.level = e.target.value; renderTable(); });
  Array.prototype.forEach.call(document.querySelectorAll('th[data-sort]'), function (th) {
    th.addEventListener('click', function () {
      var key = th.getAttribute('data-sort');
      state.dir = state.sort === key ? -state.dir : 1;
      state.sort = key;
      renderTable();
    });
  });
  renderDistribution();
  renderTable();
  renderDetail();
})();
`;
