/**
 * The studio's page: one HTML document, one stylesheet, one script, kept here as strings so the
 * bundled CLI carries them and nothing is loaded from anywhere else (the CSP is `default-src
 * 'self'`: no inline script or style). The script builds the DOM with text nodes only, never
 * HTML from data.
 */

/** The page; `csrf` is the token the script sends with every POST. */
export function pageHtml(csrf: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="csrf-token" content="${csrf}">
<title>dynamodb-migrate studio</title>
<link rel="stylesheet" href="/studio.css">
<script src="/studio.js" defer></script>
</head>
<body>
<header><a href="#/" class="brand">dynamodb-migrate <b>studio</b></a>
<nav><a href="#/">Board</a><a href="#/log">Audit log</a></nav>
<span id="live" class="live" title="live updates">connecting…</span></header>
<main id="main"><p class="muted">Loading…</p></main>
</body>
</html>
`;
}

export const PAGE_CSS = `
:root { --bg:#f6f7f9; --card:#fff; --ink:#1b1f24; --muted:#5b6570; --line:#dde1e6; --ok:#1a7f37; --warn:#9a6700; --bad:#cf222e; --accent:#0969da; --prod:#8250df; }
* { box-sizing: border-box; }
body { margin:0; font:14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; background:var(--bg); color:var(--ink); }
header { display:flex; gap:24px; align-items:center; padding:10px 20px; background:#24292f; color:#fff; }
header a { color:#fff; text-decoration:none; }
header nav a { margin-right:16px; opacity:.85; }
header nav a:hover { opacity:1; text-decoration:underline; }
.brand b { color:#7ee2a8; }
.live { margin-left:auto; font-size:12px; opacity:.8; }
.live.on::before { content:"●"; color:#7ee2a8; margin-right:4px; }
main { padding:20px; max-width:1400px; margin:0 auto; }
h1 { font-size:22px; margin:0 0 4px; } h2 { font-size:16px; margin:22px 0 8px; } h3 { font-size:14px; margin:14px 0 6px; }
.muted { color:var(--muted); }
.board { display:grid; grid-template-columns:repeat(auto-fill, minmax(320px, 1fr)); gap:16px; }
.card { background:var(--card); border:1px solid var(--line); border-radius:8px; padding:14px 16px; border-top:4px solid var(--accent); }
.card.protected { border-top-color:var(--prod); }
.card h2 { margin:0 0 6px; font-size:18px; } .card h2 a { color:inherit; }
.card dl { display:grid; grid-template-columns:110px 1fr; gap:3px 10px; margin:8px 0 0; }
.card dt { color:var(--muted); } .card dd { margin:0; overflow-wrap:anywhere; }
.badge { display:inline-block; padding:1px 8px; border-radius:10px; font-size:12px; font-weight:600; margin-left:6px; vertical-align:middle; background:#eaeef2; }
.badge.ok { background:#dafbe1; color:var(--ok); } .badge.warn { background:#fff8c5; color:var(--warn); }
.badge.bad { background:#ffebe9; color:var(--bad); } .badge.prod { background:#fbefff; color:var(--prod); }
.version { font:600 20px ui-monospace, SFMono-Regular, Menlo, monospace; }
.banner { padding:8px 12px; border-radius:6px; margin:10px 0; background:#fbefff; color:#5a32a3; border:1px solid #d8b9ff; }
.banner.bad { background:#ffebe9; color:var(--bad); border-color:#ffcecb; }
.tabs { display:flex; gap:4px; border-bottom:1px solid var(--line); margin:16px 0; }
.tabs a { padding:6px 12px; border:1px solid transparent; border-bottom:none; border-radius:6px 6px 0 0; color:var(--accent); text-decoration:none; }
.tabs a.on { background:var(--card); border-color:var(--line); color:var(--ink); margin-bottom:-1px; }
table { border-collapse:collapse; width:100%; background:var(--card); border:1px solid var(--line); }
th, td { text-align:left; padding:5px 8px; border-bottom:1px solid var(--line); vertical-align:top; }
th { background:#f0f2f5; font-weight:600; font-size:12px; }
tr.applied td:first-child { border-left:3px solid var(--ok); } tr.outstanding td:first-child { border-left:3px solid var(--warn); }
tr.failed td:first-child { border-left:3px solid var(--bad); } tr.skipped td:first-child { border-left:3px solid var(--line); }
code, pre { font:12px/1.45 ui-monospace, SFMono-Regular, Menlo, monospace; }
pre { background:#0d1117; color:#e6edf3; padding:10px 12px; border-radius:6px; overflow:auto; white-space:pre-wrap; margin:6px 0; }
.actions { display:flex; flex-wrap:wrap; gap:8px; align-items:center; background:var(--card); border:1px solid var(--line); border-radius:8px; padding:10px 12px; }
button { font:inherit; padding:5px 14px; border-radius:6px; border:1px solid #c8ced6; background:#f6f8fa; cursor:pointer; }
button:hover:not(:disabled) { background:#eef1f4; }
button.primary { background:#1f883d; border-color:#1a7f37; color:#fff; } button.danger { background:#cf222e; border-color:#a40e26; color:#fff; }
button:disabled { opacity:.5; cursor:not-allowed; }
input, select { font:inherit; padding:4px 6px; border:1px solid #c8ced6; border-radius:6px; }
.panel { background:var(--card); border:1px solid var(--line); border-radius:8px; padding:12px 14px; margin:12px 0; }
.refusal { color:var(--bad); font-weight:600; }
.progress-bar { height:8px; background:#eaeef2; border-radius:4px; overflow:hidden; margin:6px 0; }
.progress-bar span { display:block; height:100%; background:var(--ok); }
.lines { max-height:260px; overflow:auto; }
.cols { display:grid; grid-template-columns:1fr 1fr; gap:16px; } @media (max-width:900px) { .cols { grid-template-columns:1fr; } }
.scroll { overflow:auto; }
.filters { display:flex; gap:8px; margin:8px 0; align-items:center; }
`;

export const PAGE_JS = String.raw`'use strict';
(function () {
  var CSRF = document.querySelector('meta[name="csrf-token"]').getAttribute('content');
  var main = document.getElementById('main');
  var live = {};            // env -> { lines: [], progress: null, run: null }
  var current = null;       // what the page shows: { view, env, data }
  var boardTimer = null;

  function h(tag, attrs) {
    var el = document.createElement(tag);
    if (attrs) for (var k in attrs) {
      var v = attrs[k];
      if (v === undefined || v === null || v === false) continue;
      if (k === 'on') { for (var ev in v) el.addEventListener(ev, v[ev]); }
      else if (k === 'text') el.textContent = String(v);
      else el.setAttribute(k, v === true ? '' : String(v));
    }
    for (var i = 2; i < arguments.length; i++) add(el, arguments[i]);
    return el;
  }
  function add(el, c) {
    if (c === undefined || c === null || c === false) return;
    if (Array.isArray(c)) { c.forEach(function (x) { add(el, x); }); return; }
    el.appendChild(typeof c === 'object' ? c : document.createTextNode(String(c)));
  }
  function show() { main.replaceChildren(); for (var i = 0; i < arguments.length; i++) add(main, arguments[i]); }
  function fill(el) { el.replaceChildren(); for (var i = 1; i < arguments.length; i++) add(el, arguments[i]); }
  function when(ms) { return ms ? new Date(ms).toISOString().replace('T', ' ').replace(/\.\d+Z$/, ' UTC') : ''; }
  function short(c) { return c ? String(c).split(':').pop().slice(0, 10) : ''; }
  function secs(ms) { return ms === undefined || ms === null ? '' : (ms / 1000).toFixed(1) + ' s'; }
  function counts(c) { return c ? c.scanned + ' scanned, ' + c.changed + ' changed' + (c.failed ? ', ' + c.failed + ' failed' : '') : ''; }
  function badge(text, kind, test) { return h('span', { class: 'badge ' + (kind || ''), 'data-test': test }, text); }
  function envLive(name) { return live[name] || (live[name] = { lines: [], progress: null, run: null }); }

  function api(method, path, body) {
    var init = { method: method, headers: { accept: 'application/json' }, credentials: 'same-origin' };
    if (body !== undefined) { init.headers['content-type'] = 'application/json'; init.headers['x-csrf-token'] = CSRF; init.body = JSON.stringify(body); }
    return fetch(path, init).then(function (r) {
      return r.json().then(function (j) {
        if (!r.ok) { var e = new Error(j.error || ('HTTP ' + r.status)); e.status = r.status; e.body = j; throw e; }
        return j;
      });
    });
  }
  function failure(e) { return h('p', { class: 'refusal', 'data-test': 'error' }, e.message); }

  // ---- live updates -------------------------------------------------------
  function connect() {
    var es = new EventSource('/api/events');
    var dot = document.getElementById('live');
    es.onopen = function () { dot.textContent = 'live'; dot.className = 'live on'; };
    es.onerror = function () { dot.textContent = 'reconnecting…'; dot.className = 'live'; };
    es.addEventListener('log', function (m) {
      var e = JSON.parse(m.data), l = envLive(e.env);
      l.lines.push({ level: e.level, message: e.message });
      if (l.lines.length > 300) l.lines.shift();
      paintLive(e.env);
    });
    es.addEventListener('progress', function (m) {
      var e = JSON.parse(m.data); envLive(e.env).progress = e.progress; paintLive(e.env);
    });
    es.addEventListener('run', function (m) {
      var e = JSON.parse(m.data), l = envLive(e.env);
      if (e.run.state === 'running' && (!l.run || l.run.id !== e.run.id)) { l.lines = []; l.progress = null; }
      l.run = e.run;
      paintLive(e.env);
      if (e.run.state !== 'running' && current && (current.view === 'board' || current.env === e.env)) refresh();
    });
  }

  function liveBox(name) {
    var l = envLive(name), p = l.progress, run = l.run;
    var box = h('div', { class: 'panel', id: 'live-' + name, 'data-test': 'live', 'data-run-id': run && run.id, 'data-run-state': run && run.state });
    add(box, h('h3', null, 'Live progress', run ? badge(run.state === 'running' ? run.command + ' running' : run.command + ': ' + (run.status || run.state), run.state === 'running' ? 'warn' : run.status === 'applied' || run.status === 'no-op' ? 'ok' : 'bad', 'run-state') : null));
    if (!run && !l.lines.length) add(box, h('p', { class: 'muted' }, 'Nothing running. A run started from this studio shows its steps, passes and checks here as they happen.'));
    if (p) {
      var frac = p.estimatedTotal ? Math.min(1, p.scanned / p.estimatedTotal) : p.segmentsDone / Math.max(1, p.segmentsTotal);
      add(box, h('div', { 'data-test': 'progress' },
        h('div', null, p.pass + ': ' + p.scanned + ' scanned, ' + p.changed + ' changed, ' + p.skipped + ' skipped, ' + p.failed + ' failed; ' +
          Math.round(p.itemsPerSecond) + '/s; ' + p.segmentsDone + '/' + p.segmentsTotal + ' segments' + (p.etaSeconds !== undefined && p.etaSeconds !== null ? '; ETA ' + Math.round(p.etaSeconds) + ' s' : '')),
        h('div', { class: 'progress-bar' }, h('span', { style: null, 'data-frac': frac }))));
    }
    if (l.lines.length) add(box, h('pre', { class: 'lines', 'data-test': 'live-lines' }, l.lines.map(function (x) { return (x.level === 'info' ? '' : x.level + ': ') + x.message; }).join('\n')));
    if (run && run.text) add(box, h('pre', { 'data-test': 'run-report' }, run.text));
    if (run && run.error) add(box, h('p', { class: 'refusal' }, run.error));
    return box;
  }
  function paintLive(name) {
    var old = document.getElementById('live-' + name);
    if (old) { var n = liveBox(name); old.replaceWith(n); sizeBars(n); }
    if (current && current.view === 'board') boardSoon();
  }
  // Widths from data attributes: the CSP allows no inline styles, but the CSSOM may set them.
  function sizeBars(root) {
    root.querySelectorAll('[data-frac]').forEach(function (s) { s.style.width = Math.round(Number(s.getAttribute('data-frac')) * 100) + '%'; });
  }

  // ---- board --------------------------------------------------------------
  var boardPending = false;
  function boardSoon() { if (!boardPending) { boardPending = true; setTimeout(function () { boardPending = false; if (current && current.view === 'board') board(); }, 300); } }
  function syncBadge(e) {
    if (e.sync === 'in-sync') return badge('in sync', 'ok', 'sync');
    if (e.sync === 'behind') return badge('behind: ' + e.outstanding + ' to apply', 'warn', 'sync');
    return badge('ahead of target', 'warn', 'sync');
  }
  function card(e) {
    var head = h('h2', null, h('a', { href: '#/env/' + encodeURIComponent(e.name) }, e.name),
      e.protected ? badge('protected', 'prod') : null, e.access === 'read-only' ? badge('read-only', '', 'read-only') : null);
    var c = h('section', { class: 'card' + (e.protected ? ' protected' : ''), 'data-env': e.name, 'data-test': 'env-card' }, head);
    if (e.error) { add(c, h('p', { class: 'refusal' }, e.error)); return c; }
    var running = envLive(e.name).run || e.running;
    add(c, h('div', null, h('span', { class: 'version', 'data-test': 'current-version' }, e.currentVersion), ' → ', h('span', { class: 'version', 'data-test': 'target-version' }, e.targetVersion), ' ', syncBadge(e)));
    add(c, h('dl', null,
      h('dt', null, 'table'), h('dd', null, e.table),
      h('dt', null, 'region'), h('dd', null, (e.region || 'from the AWS environment') + (e.replicas.length > 1 ? ' · replicas ' + e.replicas.join(', ') : '')),
      h('dt', null, 'runner'), h('dd', null, e.runner),
      h('dt', null, 'drift'), h('dd', null, e.drift.length ? badge(e.drift.length + ' changed file(s)', 'bad', 'drift') : badge('none', 'ok')),
      h('dt', null, 'failed'), h('dd', null, e.failed ? badge(e.failed.version + ' ' + e.failed.direction + ' failed', 'bad', 'failed') : badge('no', 'ok')),
      h('dt', null, 'lock'), h('dd', { 'data-test': 'lock' }, e.lock ? [badge(e.lock.expired ? 'expired lease' : 'locked', e.lock.expired ? 'bad' : 'warn'), ' ' + e.lock.owner + ' (' + e.lock.command + '), lease to ' + when(e.lock.leaseExpiresAt), e.lock.runUrl ? [' ', h('a', { href: e.lock.runUrl, rel: 'noreferrer' }, 'run')] : null] : 'free'),
      h('dt', null, 'last run'), h('dd', null, e.lastRun ? e.lastRun.command + ' by ' + e.lastRun.actor + ', ' + when(e.lastRun.at) + ': ' + e.lastRun.outcome : 'none'),
      running && running.state === 'running' ? [h('dt', null, 'now'), h('dd', null, badge(running.command + ' running', 'warn', 'running'))] : null));
    return c;
  }
  function board() {
    return api('GET', '/api/board').then(function (b) {
      if (!current || current.view !== 'board') return;
      show(h('h1', null, 'Environments'), h('p', { class: 'muted' }, b.manifest + ' · refreshed ' + when(b.at)),
        h('div', { class: 'board', 'data-test': 'board' }, b.environments.map(card)));
    }).catch(function (e) { show(failure(e)); });
  }

  // ---- an environment -----------------------------------------------------
  function tabs(name, on) {
    var t = [['overview', ''], ['schema', '/schema'], ['data', '/data'], ['log', '/log']];
    return h('nav', { class: 'tabs' }, t.map(function (x) { return h('a', { href: '#/env/' + encodeURIComponent(name) + x[1], class: x[0] === on ? 'on' : null }, x[0]); }));
  }
  function envHeader(d, on) {
    return [h('h1', null, d.name, d.protected ? badge('protected', 'prod') : null, d.access === 'read-only' ? badge('read-only', '', 'read-only') : null),
      h('p', { class: 'muted' }, d.table + ' · ' + (d.region || 'default region') + ' · runner ' + d.runner),
      d.protected ? h('div', { class: 'banner' }, 'Protected environment: reset is refused; down and to need the table name typed' + (d.access === 'read-only' ? '; the studio only shows what to run.' : '.')) : null,
      tabs(d.name, on)];
  }
  function environment(name) {
    return api('GET', '/api/envs/' + encodeURIComponent(name)).then(function (d) {
      if (!current || current.env !== name || current.view !== 'env') return;
      current.data = d;
      // A page opened (or reloaded) while a run from this studio goes on, or after it: its state and report.
      if (d.running && (!envLive(name).run || envLive(name).run.id !== d.running.id)) envLive(name).run = d.running;
      var rows = d.versions.map(function (v) {
        var r = v.record || {};
        return h('tr', { class: v.state, 'data-version': v.version },
          h('td', null, h('code', null, v.version)), h('td', null, v.description),
          h('td', null, badge(v.state, v.state === 'applied' ? 'ok' : v.state === 'failed' ? 'bad' : v.state === 'outstanding' ? 'warn' : ''), v.drifted ? badge('file changed', 'bad') : null, v.irreversible ? badge('irreversible') : null),
          h('td', null, when(r.date)), h('td', null, h('code', null, short(r.checksum || v.checksum))),
          h('td', null, secs(r.durationMs)), h('td', null, counts(r.counts)), h('td', null, r.actor || ''),
          h('td', null, r.status ? h('span', { class: 'refusal' }, r.status) : null));
      });
      var state = h('div', { class: 'panel' },
        h('span', null, 'version '), h('span', { class: 'version', 'data-test': 'current-version' }, d.currentVersion), ' → target ',
        h('span', { class: 'version' }, d.targetVersion), ' ', syncBadge(d),
        d.failed ? h('div', { class: 'banner bad' }, 'Failed: ' + d.failed.version + ' ' + d.failed.direction + ': ' + d.failed.status) : null,
        d.lock ? h('div', { class: 'banner' }, 'Locked by ' + d.lock.owner + ' (' + d.lock.command + ') since ' + when(d.lock.acquiredAt) + ', lock id ' + d.lock.lockId) : null,
        d.blockers.map(function (b) { return h('div', { class: 'banner bad' }, b.message + ' Next: ' + b.next); }));
      show(envHeader(d, 'overview'), state, actions(d), h('div', { id: 'plan-box' }), liveBox(name),
        h('h2', null, 'Versions'),
        h('table', { 'data-test': 'versions' }, h('tr', null, ['version', 'description', 'state', 'applied', 'checksum', 'duration', 'items', 'actor', ''].map(function (x) { return h('th', null, x); })), rows),
        d.hasReset ? h('p', { class: 'muted' }, 'reset migration: ' + (d.resetAllowed ? 'present (allow-reset: true)' : 'present, not allowed here')) : null,
        h('h2', null, 'Plan to the target'), h('pre', { 'data-test': 'target-plan' }, d.planText),
        d.instead ? insteadBox(d.instead) : null);
      sizeBars(main);
    }).catch(function (e) { show(failure(e)); });
  }
  function insteadBox(list) {
    return h('div', { class: 'panel', 'data-test': 'instead' }, h('h3', null, 'Read-only here: run one of these instead'),
      h('table', null, h('tr', null, h('th', null, 'action'), h('th', null, 'CLI'), h('th', null, 'workflow dispatch')),
        list.map(function (x) { return h('tr', null, h('td', null, x.command), h('td', null, h('code', null, x.cli)), h('td', null, h('code', null, x.workflow))); })));
  }
  function actions(d) {
    var ro = d.access === 'read-only';
    var versions = h('select', { 'data-test': 'to-version' }, h('option', { value: '0.0.0' }, '0.0.0'), d.versions.map(function (v) { return h('option', { value: v.version }, v.version); }));
    function btn(label, command, kind, extra) {
      return h('button', { class: kind || null, 'data-action': command, title: ro ? 'read-only: shows the plan and the command to run' : null,
        on: { click: function () { preview(d, command, command === 'to' ? versions.value : undefined); } } }, label, extra);
    }
    var box = h('div', { class: 'actions', 'data-test': 'actions' },
      btn('Apply (to target)', 'apply', 'primary'), btn('Up', 'up'), btn('Down', 'down'), btn('Repeat', 'repeat'),
      d.protected ? null : btn('Reset', 'reset', 'danger'), h('span', null, ' To '), versions, btn('Plan to…', 'to'),
      ro ? badge('read-only: plans only', '', 'read-only') : null);
    var lockId = h('input', { placeholder: 'lock id', 'data-test': 'unlock-id', value: d.lock ? d.lock.lockId : '' });
    var unlockReason = h('input', { placeholder: 'reason (for the log)', 'data-test': 'unlock-reason' });
    var repV = h('select', { 'data-test': 'repair-version' }, d.versions.map(function (v) { return h('option', { value: v.version }, v.version); }));
    var repMark = h('select', { 'data-test': 'repair-mark' }, h('option', { value: 'applied' }, 'applied'), h('option', { value: 'reverted' }, 'reverted'));
    var repReason = h('input', { placeholder: 'reason (required)', 'data-test': 'repair-reason' });
    var out = h('span', { 'data-test': 'maintenance-result' });
    function post(path, body) { api('POST', path, body).then(function (r) { fill(out, badge(r.message, 'ok')); refresh(); }).catch(function (e) { fill(out, h('span', { class: 'refusal' }, e.message)); }); }
    var maint = h('details', { class: 'panel' }, h('summary', null, 'Unlock and repair'),
      h('div', { class: 'filters' }, 'Unlock', lockId, unlockReason, h('button', { disabled: ro, 'data-action': 'unlock', on: { click: function () { post('/api/envs/' + encodeURIComponent(d.name) + '/unlock', { lockId: lockId.value, reason: unlockReason.value }); } } }, 'Unlock')),
      h('div', { class: 'filters' }, 'Repair', repV, 'mark', repMark, repReason, h('button', { disabled: ro, 'data-action': 'repair', on: { click: function () { post('/api/envs/' + encodeURIComponent(d.name) + '/repair', { version: repV.value, mark: repMark.value, reason: repReason.value }); } } }, 'Repair')),
      out);
    return [box, maint];
  }
  function preview(d, command, version) {
    var slot = document.getElementById('plan-box');
    fill(slot, h('p', { class: 'muted' }, 'Planning ' + command + '…'));
    api('POST', '/api/envs/' + encodeURIComponent(d.name) + '/plan', { command: command, version: version }).then(function (p) {
      var confirm = p.needsConfirm ? h('input', { placeholder: 'type ' + d.table + ' to confirm', 'data-test': 'confirm' }) : null;
      var result = h('div', { 'data-test': 'run-result' });
      var nothing = !p.plan.steps.length;
      var run = h('button', { class: 'primary', 'data-test': 'run', disabled: !!p.refusal || nothing || p.plan.blockers.length > 0,
        on: { click: function () {
          run.disabled = true;
          api('POST', '/api/envs/' + encodeURIComponent(d.name) + '/run', { command: command, version: version, hash: p.plan.hash, confirm: confirm ? confirm.value : undefined })
            .then(function (r) { fill(result, h('span', { class: 'badge warn', 'data-run-id': r.id }, r.command + ' started')); var l = envLive(d.name); if (!l.run || l.run.id !== r.id) { l.run = r; l.lines = []; l.progress = null; } paintLive(d.name); })
            .catch(function (e) { run.disabled = false; fill(result, h('span', { class: 'refusal' }, e.message)); });
        } } }, 'Run this plan (' + short(p.plan.hash) + ')');
      fill(slot, h('div', { class: 'panel', 'data-test': 'plan' },
        h('h3', null, 'Plan: ' + command + (version ? ' ' + version : '')), h('pre', null, p.text),
        p.refusal ? h('p', { class: 'refusal', 'data-test': 'refusal' }, p.refusal) : null,
        p.refusal ? h('p', null, 'Instead: ', h('code', null, p.cli), h('br'), 'or: ', h('code', null, p.workflow)) : null,
        nothing ? h('p', { class: 'muted' }, 'Nothing to do.') : null,
        h('div', { class: 'filters' }, confirm, run, h('button', { on: { click: function () { fill(slot); } } }, 'Close')), result));
    }).catch(function (e) { fill(slot, failure(e)); });
  }

  // ---- schema -------------------------------------------------------------
  function schema(name, q) {
    var path = '/api/envs/' + encodeURIComponent(name) + '/schema?' + new URLSearchParams(q || {}).toString();
    return api('GET', path).then(function (s) {
      var at = h('select', { 'data-test': 'schema-version' }, s.versions.map(function (v) { return h('option', { value: v, selected: v === s.version }, v === 'table' ? 'stored in the table' : v); }));
      var cmp = h('select', { 'data-test': 'schema-compare' }, h('option', { value: '' }, '(no comparison)'), s.versions.map(function (v) { return h('option', { value: v, selected: v === s.compare }, v === 'table' ? 'stored in the table' : v); }));
      function go() { var o = { version: at.value }; if (cmp.value) o.compare = cmp.value; schema(name, o); }
      at.addEventListener('change', go); cmp.addEventListener('change', go);
      var models = s.models.map(function (m) {
        return h('div', { class: 'panel', 'data-model': m.name }, h('h3', null, m.name),
          h('p', { class: 'muted' }, m.keys.map(function (k) { return k.index + '.' + k.role + ' ' + k.attribute + ' = ' + k.template; }).join(' · ')),
          h('table', null, h('tr', null, h('th', null, 'attribute'), h('th', null, 'type'), h('th', null, 'required'), h('th', null, 'more')),
            m.attributes.map(function (a) { return h('tr', null, h('td', null, a.name), h('td', null, a.type || ''), h('td', null, a.required ? 'yes' : ''), h('td', null, [a.enum ? 'enum ' + JSON.stringify(a.enum) : '', a.value ? 'value ' + a.value : '', a.map ? 'map ' + a.map : ''].filter(Boolean).join('; '))); })));
      });
      show(envHeader({ name: name, table: current.data ? current.data.table : '', region: current.data && current.data.region, runner: current.data ? current.data.runner : '', protected: current.data && current.data.protected, access: current.data && current.data.access }, 'schema'),
        h('div', { class: 'filters' }, 'Data model ', at, ' compared with ', cmp),
        s.found ? null : h('p', { class: 'muted' }, 'No schema ' + (s.version === 'table' ? 'stored in the table (_schema item).' : 'in migration ' + s.version + '.')),
        s.diffText ? [h('h2', null, 'Change from ' + (s.compare === 'table' ? 'the table\'s schema' : s.compare) + ' to ' + (s.version === 'table' ? 'the table\'s schema' : s.version)), h('pre', { 'data-test': 'schema-diff' }, s.diffText)] : null,
        s.indexes.length ? [h('h2', null, 'Indexes'), h('table', null, h('tr', null, h('th', null, 'index'), h('th', null, 'kind'), h('th', null, 'hash'), h('th', null, 'sort')),
          s.indexes.map(function (i) { return h('tr', null, h('td', null, i.name), h('td', null, i.kind), h('td', null, i.hash || ''), h('td', null, i.sort || '')); }))] : null,
        s.models.length ? h('h2', null, 'Models (' + s.models.length + ')') : null, h('div', { 'data-test': 'models' }, models));
    }).catch(function (e) { show(failure(e)); });
  }

  // ---- data by model ------------------------------------------------------
  function data(name) {
    var d = current.data || { name: name };
    var base = '/api/envs/' + encodeURIComponent(name);
    var check = h('button', { class: 'primary', 'data-test': 'scan' }, 'Check every item against the schema');
    var summary = h('div', { 'data-test': 'data-summary' });
    var list = h('div', { 'data-test': 'data' }, h('p', { class: 'muted' }, 'Reading the schema…'));
    var panels = {};
    function browse(model, cursor, into) {
      var q = new URLSearchParams({ model: model }); if (cursor) q.set('cursor', cursor);
      fill(into, h('p', { class: 'muted' }, 'Reading…'));
      api('GET', base + '/items?' + q.toString()).then(function (p) {
        var keys = {};
        p.items.forEach(function (it) { Object.keys(it).forEach(function (k) { keys[k] = true; }); });
        var cols = Object.keys(keys).sort(function (a, b) { return (a === 'pk' || a === 'sk' ? '0' : '1') + a < (b === 'pk' || b === 'sk' ? '0' : '1') + b ? -1 : 1; });
        fill(into, 
          p.items.length ? h('div', { class: 'scroll' }, h('table', { 'data-test': 'items' }, h('tr', null, cols.map(function (c) { return h('th', null, c); })),
            p.items.map(function (it) { return h('tr', null, cols.map(function (c) { var v = it[c]; return h('td', null, v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v)); })); })))
            : h('p', { class: 'muted' }, 'No ' + model + ' items in this part of the table.'),
          h('p', { class: 'muted' }, p.scanned + ' items read for this page (' + p.readUnits + ' RCU). ',
            p.cursor ? h('button', { 'data-test': 'next-page', on: { click: function () { browse(model, p.cursor, into); } } }, 'Next page') : 'End of the table.'));
      }).catch(function (e) { fill(into, failure(e)); });
    }
    api('GET', base + '/schema').then(function (s) {
      if (!s.models.length) { fill(list, h('p', { class: 'muted' }, 'The table stores no schema yet: its items cannot be grouped by model.')); return; }
      fill(list, s.models.map(function (m) {
        var findings = h('div');
        var items = h('div');
        panels[m.name] = findings;
        return h('div', { class: 'panel', 'data-model': m.name }, h('h3', null, m.name, ' ', h('button', { 'data-test': 'browse', on: { click: function () { browse(m.name, null, items); } } }, 'Browse items')), findings, items);
      }));
    }).catch(function (e) { fill(list, failure(e)); });
    check.addEventListener('click', function () {
      check.disabled = true; fill(summary, h('p', { class: 'muted' }, 'Scanning the whole table (read-only, rate-limited)…'));
      api('GET', base + '/data').then(function (r) {
        check.disabled = false;
        var rep = r.report;
        fill(summary, h('p', { 'data-test': 'validate-summary' }, rep.scanned + ' items scanned at up to ' + r.readRate + ' RCU/s against the schema of ' + rep.version + ' (type field ' + rep.typeField + '): ' + rep.invalid + ' do not fit, ' + rep.unknownType + ' of no model.'));
        Object.keys(rep.models).forEach(function (m) {
          var x = rep.models[m], slot = panels[m];
          if (!slot) return;
          fill(slot, h('p', null, badge(x.scanned + ' items'), x.invalid ? badge(x.invalid + ' do not fit', 'bad', 'invalid') : badge('all fit', 'ok', 'fit')),
            x.problems.length ? h('table', null, h('tr', null, h('th', null, 'attribute'), h('th', null, 'problem'), h('th', null, 'items')),
              x.problems.map(function (p) { return h('tr', null, h('td', null, p.attribute), h('td', null, p.kind), h('td', null, p.count)); })) : null,
            x.examples.length ? [h('h3', null, 'Examples that do not fit'), h('pre', null, x.examples.map(function (e) { return JSON.stringify(e); }).join('\n'))] : null);
        });
      }).catch(function (e) { check.disabled = false; fill(summary, failure(e)); });
    });
    show(envHeader(d.table ? d : { name: name, table: '', runner: '' }, 'data'),
      h('p', null, 'The table\'s items by the models of the schema stored in it. Browsing reads a page at a time; checking reads every item; both are read-only and kept under the read rate.'),
      check, summary, list);
  }

  // ---- audit log ----------------------------------------------------------
  function log(q, envName) {
    q = q || {};
    if (envName) q.env = envName;
    return api('GET', '/api/log?' + new URLSearchParams(q).toString()).then(function (r) {
      var actor = h('input', { placeholder: 'actor', value: q.actor || '', 'data-test': 'log-actor' });
      var outcome = h('select', { 'data-test': 'log-outcome' }, h('option', { value: '' }, 'any outcome'), r.outcomes.map(function (o) { return h('option', { value: o, selected: o === q.outcome }, o); }));
      var envSel = envName ? null : h('input', { placeholder: 'environment', value: q.env || '', 'data-test': 'log-env' });
      function go() { var o = {}; if (actor.value) o.actor = actor.value; if (outcome.value) o.outcome = outcome.value; if (envSel && envSel.value) o.env = envSel.value; log(o, envName); }
      var rows = r.entries.map(function (e) {
        return h('tr', null, h('td', null, when(e.at)), h('td', null, e.environment), h('td', null, e.actor), h('td', null, e.command),
          h('td', null, e.event), h('td', null, badge(e.outcome, /fail|error|refused/.test(e.outcome) ? 'bad' : '')), h('td', null, (e.versions || []).join(', ')),
          h('td', null, e.message || '', e.reason ? ' (' + e.reason + ')' : ''));
      });
      var head = envName && current.data ? envHeader(current.data, 'log') : [h('h1', null, 'Audit log')];
      show(head, h('div', { class: 'filters' }, envSel, actor, outcome, h('button', { on: { click: go } }, 'Filter')),
        r.errors.map(function (e) { return h('p', { class: 'refusal' }, e.environment + ': ' + e.error); }),
        h('table', { 'data-test': 'log' }, h('tr', null, ['when', 'environment', 'actor', 'command', 'event', 'outcome', 'versions', 'message'].map(function (x) { return h('th', null, x); })), rows));
    }).catch(function (e) { show(failure(e)); });
  }

  // ---- routing ------------------------------------------------------------
  function route() {
    var parts = location.hash.replace(/^#\/?/, '').split('/').map(decodeURIComponent);
    if (boardTimer) { clearInterval(boardTimer); boardTimer = null; }
    var keep = current && current.data;
    if (parts[0] === 'env' && parts[1]) {
      var name = parts[1], sub = parts[2] || '';
      current = { view: sub ? sub : 'env', env: name, data: keep && keep.name === name ? keep : null };
      if (sub === 'schema') return schema(name);
      if (sub === 'data') return data(name);
      if (sub === 'log') return log({}, name);
      return environment(name);
    }
    if (parts[0] === 'log') { current = { view: 'log' }; return log({}); }
    current = { view: 'board' };
    boardTimer = setInterval(board, 5000);
    return board();
  }
  function refresh() {
    if (!current) return;
    if (current.view === 'env') environment(current.env);
    else if (current.view === 'board') board();
  }
  window.addEventListener('hashchange', route);
  connect();
  route();
})();
`;
