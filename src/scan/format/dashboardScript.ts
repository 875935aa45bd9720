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
  var statusOf = {};
  data.statuses.forEach(function (s) { statusOf[s.code] = s; });
  var state = { sort: 'disagree', dir: 1, text: '', level: 'all', open: null, theme: 'all', itemLevel: 'all', msort: 'name', mdir: 1 };

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    if (attrs) for (var k in attrs) if (Object.prototype.hasOwnProperty.call(attrs, k) && attrs[k] !== null && attrs[k] !== undefined) {
      if (k === 'text') node.textContent = attrs[k];
      else node.setAttribute(k, attrs[k]);
    }
    (children || []).forEach(function (c) { if (c) node.appendChild(typeof c === 'string' ? document.createTextNode(c) : c); });
    return node;
  }
  function add(parent, child) { if (child) parent.appendChild(child); return child; }
  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }
  function levelText(l) { return l === null || l === undefined ? '—' : l === 0 ? 'Minimum' : 'N' + l; }
  function rank(p) { return p.status === 'error' ? -2 : p.level === null ? -1 : p.level; }
  /** How far the measured level lies from the official one (0 when there is none or they agree). */
  function disagreement(p) {
    if (p.official === null || p.official === undefined) return 0;
    var measured = p.status === 'error' ? -1 : p.level === null ? -1 : p.level;
    return p.official - measured;
  }
  function openButton(p, testid) {
    var b = el('button', { type: 'button', 'class': 'link', 'data-testid': testid, text: p.name });
    b.addEventListener('click', function () { state.open = p.name; renderDetail(); document.getElementById('detail').scrollIntoView({ block: 'nearest' }); });
    return b;
  }

  var keys = {
    name: function (p) { return p.name.toLowerCase(); },
    level: rank,
    official: function (p) { return p.official === null ? -1 : p.official; },
    target: function (p) { return p.target === null ? -1 : p.target; },
    gap: function (p) { return p.status === 'error' ? 1e9 : p.gap.length; },
    met: function (p) { return p.met; },
    // Disagreements first (largest first), then the rest by name.
    disagree: function (p) { return -Math.abs(disagreement(p)); },
    movement: function (p) { return p.movement ? ({ up: 3, new: 2, same: 1, unknown: 0, down: -1, removed: -2 })[p.movement.movement] : 0; }
  };

  function byName(a, b) { return a.name < b.name ? -1 : a.name > b.name ? 1 : 0; }

  function filtered() {
    var text = state.text.toLowerCase();
    return data.products.filter(function (p) {
      if (text && p.name.toLowerCase().indexOf(text) < 0) return false;
      if (state.level === 'all') return true;
      if (state.level === 'error') return p.status === 'error';
      if (p.status === 'error') return false;
      return state.level === 'none' ? p.level === null : String(p.level) === state.level;
    });
  }

  function visible() {
    return filtered().sort(function (a, b) {
      var ka = keys[state.sort](a), kb = keys[state.sort](b);
      if (ka < kb) return -state.dir;
      if (ka > kb) return state.dir;
      return byName(a, b);
    });
  }

  function renderTable() {
    var body = document.getElementById('rows');
    clear(body);
    var rows = visible();
    rows.forEach(function (p) {
      var areas = el('td', { 'class': 'areas' });
      (p.areas || []).forEach(function (a) {
        var cls = a.total === 0 ? 'na' : a.unmet === 0 ? 'ok' : a.unknown === a.unmet ? 'unknown' : 'gap';
        areas.appendChild(el('span', { 'class': 'area ' + cls, title: a.label + ': ' + a.unmet + '/' + a.total, text: a.short + (a.unmet ? ' ' + a.unmet : '') }));
      });
      var move = p.movement ? el('span', { 'class': 'move ' + p.movement.movement, text: p.movement.symbol + ' ' + p.movement.label }) : null;
      var differs = disagreement(p) !== 0;
      var tr = el('tr', { 'data-name': p.name, 'class': (p.status === 'error' ? 'error' : '') + (differs ? ' disagree' : ''), title: differs ? L.disagree : null }, [
        el('td', null, [openButton(p, 'open')]),
        el('td', { 'data-testid': 'level', text: p.status === 'error' ? L.error : levelText(p.level) }),
        el('td', { text: levelText(p.official) }),
        el('td', { text: levelText(p.target) }),
        el('td', { text: p.status === 'error' ? p.error.code : String(p.gap.length) }),
        el('td', { text: p.status === 'error' ? '' : p.met + ' / ' + data.columns.length }),
        areas,
        data.previousAsOf !== null ? el('td', null, [move]) : null
      ]);
      body.appendChild(tr);
    });
    document.getElementById('count').textContent = rows.length + ' / ' + data.products.length;
    Array.prototype.forEach.call(document.querySelectorAll('th[data-sort]'), function (th) {
      var key = th.getAttribute('data-sort');
      th.setAttribute('aria-sort', key === state.sort ? (state.dir > 0 ? 'ascending' : 'descending') : 'none');
    });
  }

  function shownColumns() {
    var out = [];
    data.columns.forEach(function (c, i) {
      if (state.theme !== 'all' && c.theme !== state.theme) return;
      if (state.itemLevel !== 'all' && String(c.level) !== state.itemLevel) return;
      out.push(i);
    });
    return out;
  }

  /** Status letters ordered for sorting a column: met first when descending. */
  var statusRank = { m: 4, p: 3, x: 2, u: 1, n: 0 };

  function renderMatrix() {
    var head = document.getElementById('matrix-head');
    var body = document.getElementById('matrix-rows');
    clear(head);
    clear(body);
    if (!data.columns.length) {
      body.appendChild(el('tr', null, [el('td', { text: L.noItems })]));
      return;
    }
    var cols = shownColumns();
    // Three header rows: theme, level, item; consecutive columns of one theme (level) share a cell.
    var themeRow = el('tr', null, [el('th', { 'class': 'pname', rowspan: '3', 'data-msort': 'name', 'data-testid': 'matrix-sort-name', text: L.product })]);
    var levelRow = el('tr');
    var itemRow = el('tr');
    var i = 0;
    while (i < cols.length) {
      var c = data.columns[cols[i]];
      var j = i;
      while (j < cols.length && data.columns[cols[j]].theme === c.theme) j++;
      themeRow.appendChild(el('th', { 'class': 'theme', colspan: String(j - i), text: c.themeLabel }));
      var k = i;
      while (k < j) {
        var lv = data.columns[cols[k]].level;
        var m = k;
        while (m < j && data.columns[cols[m]].level === lv) m++;
        // A single column is too narrow for "Minimum": it shows the number, the title says the rest.
        levelRow.appendChild(el('th', { 'class': 'lvl', colspan: String(m - k), title: levelText(lv), text: m - k === 1 && lv === 0 ? '0' : levelText(lv) }));
        k = m;
      }
      i = j;
    }
    cols.forEach(function (ci) {
      var col = data.columns[ci];
      var th = el('th', { 'data-col': String(ci), 'data-testid': 'matrix-col', title: col.id + ' — ' + col.title }, [el('span', { text: col.id })]);
      th.setAttribute('aria-sort', state.msort === ci ? (state.mdir > 0 ? 'ascending' : 'descending') : 'none');
      itemRow.appendChild(th);
    });
    head.appendChild(themeRow);
    head.appendChild(levelRow);
    head.appendChild(itemRow);
    Array.prototype.forEach.call(head.querySelectorAll('[data-col],[data-msort]'), function (th) {
      th.addEventListener('click', function () {
        var key = th.hasAttribute('data-col') ? Number(th.getAttribute('data-col')) : 'name';
        state.mdir = state.msort === key ? -state.mdir : key === 'name' ? 1 : -1;
        state.msort = key;
        renderMatrix();
      });
    });
    var rows = filtered().sort(function (a, b) {
      if (state.msort !== 'name') {
        var ka = a.status === 'error' ? -1 : statusRank[a.items.charAt(state.msort)];
        var kb = b.status === 'error' ? -1 : statusRank[b.items.charAt(state.msort)];
        if (ka !== kb) return ka < kb ? -state.mdir : state.mdir;
        return byName(a, b);
      }
      return byName(a, b) * state.mdir;
    });
    rows.forEach(function (p) {
      var tr = el('tr', { 'data-name': p.name }, [el('td', { 'class': 'pname' }, [openButton(p, 'matrix-open')])]);
      if (p.status === 'error') {
        tr.appendChild(el('td', { colspan: String(cols.length), 'class': 'error', text: L.error + ': ' + p.error.code }));
      } else {
        cols.forEach(function (ci) {
          var code = p.items.charAt(ci) || 'u';
          var s = statusOf[code];
          var col = data.columns[ci];
          tr.appendChild(el('td', null, [el('span', { 'class': 'cell s-' + code, 'data-status': code, title: col.id + ' ' + col.title + ': ' + s.label, text: s.symbol })]));
        });
      }
      body.appendChild(tr);
    });
  }

  function section(title, items, testid) {
    if (!items.length) return null;
    return el('section', { 'data-testid': testid || null }, [el('h3', { text: title }), el('ul', null, items)]);
  }
  function itemLine(i) { return el('li', { text: i.id + ' — ' + i.title }); }

  function renderDetail() {
    var panel = document.getElementById('detail');
    clear(panel);
    var p = data.products.filter(function (x) { return x.name === state.open; })[0];
    if (!p) { panel.hidden = true; return; }
    panel.hidden = false;
    var close = el('button', { type: 'button', 'class': 'close', 'data-testid': 'close', title: L.close, 'aria-label': L.close, text: '×' });
    close.addEventListener('click', function () { state.open = null; renderDetail(); });
    panel.appendChild(close);
    panel.appendChild(el('h2', { 'data-testid': 'detail-name', text: p.name }));
    panel.appendChild(el('p', { text: L.measured + ': ' + (p.status === 'error' ? L.error : levelText(p.level)) + ' · ' + L.official + ': ' + levelText(p.official) + ' · ' + L.target + ': ' + levelText(p.target) }));
    var d = disagreement(p);
    if (d !== 0) panel.appendChild(el('p', { 'class': 'error', text: d > 0 ? L.lowerThanOfficial : L.higherThanOfficial }));
    if (p.contact) panel.appendChild(el('p', { text: L.contact + ': ' + p.contact }));
    add(panel, section(L.repositories, p.repositories.map(function (r) {
      return el('li', null, [el('code', { text: r.url }), r.commit ? ' @ ' + r.commit.slice(0, 12) : null]);
    })));
    if (p.status === 'error') {
      panel.appendChild(el('p', { 'class': 'error', 'data-testid': 'detail-error', text: p.error.code + ': ' + p.error.message }));
      return;
    }
    add(panel, section(L.gap + (p.next !== null ? ' (' + levelText(p.next) + ')' : ''), p.gap.map(function (g) {
      return el('li', { 'data-testid': 'gap-item' }, [
        el('strong', { text: (g.item ? g.item + ' · ' : '') + g.id + ' — ' + g.title }),
        el('div', { 'class': 'msg', text: g.message }),
        el('div', { 'class': 'fix', text: L.remediation + ': ' + g.remediation })
      ]);
    })));
    if (p.movement) {
      add(panel, section(L.turnedGreen, p.movement.turnedGreen.map(itemLine), 'detail-green'));
      add(panel, section(L.turnedRed, p.movement.turnedRed.map(itemLine), 'detail-red'));
      add(panel, section(L.newlyMet, p.movement.newlyMet.map(itemLine), 'detail-newly-met'));
      add(panel, section(L.lost, p.movement.lost.map(itemLine), 'detail-lost'));
    }
    var items = el('div', { 'class': 'scroll detail-items' });
    var row = el('div');
    data.columns.forEach(function (c, i) {
      var s = statusOf[p.items.charAt(i) || 'u'];
      row.appendChild(el('span', { 'class': 'cell s-' + s.code, title: c.id + ' ' + c.title + ': ' + s.label, text: s.symbol }));
    });
    items.appendChild(row);
    panel.appendChild(el('section', null, [el('h3', { text: L.items + ': ' + p.met + ' / ' + data.columns.length }), items]));
  }

  function renderDistribution() {
    var box = document.getElementById('distribution');
    var max = Math.max.apply(null, data.distribution.map(function (d) { return d.count; }).concat([1]));
    data.distribution.forEach(function (d) {
      var bar = el('div', { 'class': 'bar' });
      bar.style.width = Math.round((d.count / max) * 100) + '%';
      var row = el('button', { type: 'button', 'class': 'dist', 'data-level': d.key }, [el('span', { 'class': 'dlabel', text: d.label }), el('span', { 'class': 'track' }, [bar]), el('span', { 'class': 'dcount', text: String(d.count) })]);
      row.addEventListener('click', function () { state.level = d.key; document.getElementById('level').value = d.key; renderTable(); renderMatrix(); });
      box.appendChild(row);
    });
  }

  function renderDisagreements() {
    var box = document.getElementById('disagreements');
    var list = data.products.filter(function (p) { return disagreement(p) !== 0; }).sort(function (a, b) {
      var da = disagreement(a), db = disagreement(b);
      return da !== db ? db - da : byName(a, b);
    });
    if (!list.length) { box.appendChild(el('p', { 'class': 'hint', text: L.noDisagreements })); return; }
    box.appendChild(el('ul', { 'class': 'changes' }, list.map(function (p) {
      return el('li', { 'data-testid': 'disagreement' }, [openButton(p, 'disagreement-open'), ': ' + L.measured + ' ' + (p.status === 'error' ? L.error : levelText(p.level)) + ', ' + L.official + ' ' + levelText(p.official)]);
    })));
  }

  function renderHistory() {
    var box = document.getElementById('history');
    if (data.history.length < 2) { box.appendChild(el('p', { 'class': 'hint', text: L.noHistory })); return; }
    var chart = el('div', { 'class': 'chart', 'data-testid': 'history-chart' });
    data.history.forEach(function (h) {
      var total = Math.max(1, h.products);
      var stack = el('div', { 'class': 'stack' });
      data.levelKeys.forEach(function (k) {
        var n = k.key === 'error' ? h.errors : h.levels[k.key];
        if (!n) return;
        var seg = el('div', { 'class': 'seg l-' + k.key, title: k.label + ': ' + n });
        seg.style.width = (n / total) * 100 + '%';
        stack.appendChild(seg);
      });
      chart.appendChild(el('span', { text: h.asOf }));
      chart.appendChild(stack);
      chart.appendChild(el('span', { text: String(h.products) }));
    });
    box.appendChild(chart);
    var key = el('p', { 'class': 'hint' });
    data.levelKeys.forEach(function (k) { key.appendChild(el('span', { 'class': 'swatch l-' + k.key })); key.appendChild(document.createTextNode(k.label + '  ')); });
    box.appendChild(key);
  }

  function renderChanges() {
    var box = document.getElementById('changes');
    if (data.previousAsOf === null) { box.appendChild(el('p', { 'class': 'hint', text: L.noHistory })); return; }
    var items = [];
    data.products.forEach(function (p) {
      if (!p.movement) return;
      p.movement.turnedGreen.forEach(function (i) { items.push(el('li', { 'class': 'green', 'data-testid': 'turned-green' }, ['▲ ', openButton(p, 'change-open'), ': ' + i.id + ' — ' + i.title])); });
      p.movement.turnedRed.forEach(function (i) { items.push(el('li', { 'class': 'red', 'data-testid': 'turned-red' }, ['▼ ', openButton(p, 'change-open'), ': ' + i.id + ' — ' + i.title])); });
    });
    if (!items.length) { box.appendChild(el('p', { 'class': 'hint', text: L.noChanges })); return; }
    box.appendChild(el('ul', { 'class': 'changes' }, items));
  }

  function rerender() { renderTable(); renderMatrix(); }
  document.getElementById('filter').addEventListener('input', function (e) { state.text = e.target.value; rerender(); });
  document.getElementById('level').addEventListener('change', function (e) { state.level = e.target.value; rerender(); });
  document.getElementById('theme').addEventListener('change', function (e) { state.theme = e.target.value; renderMatrix(); });
  document.getElementById('item-level').addEventListener('change', function (e) { state.itemLevel = e.target.value; renderMatrix(); });
  Array.prototype.forEach.call(document.querySelectorAll('th[data-sort]'), function (th) {
    th.addEventListener('click', function () {
      var key = th.getAttribute('data-sort');
      state.dir = state.sort === key ? -state.dir : 1;
      state.sort = key;
      renderTable();
    });
  });
  renderDistribution();
  renderDisagreements();
  renderHistory();
  renderChanges();
  renderTable();
  renderMatrix();
  renderDetail();
})();
`;
