// Small DOM helpers: elements are built with properties and text nodes, never from HTML strings, so nothing the
// feeds or the API send can inject markup.

/** h('a', { href, className }, 'text', child) → element. Attributes starting with "on" become listeners; "aria-*" / "data-*" are attributes. */
export function h(tag, props = {}, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(props || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') el.addEventListener(name.slice(2).toLowerCase(), value);
    else if (name.includes('-') || name === 'for' || name === 'role') el.setAttribute(name, value === true ? '' : value);
    else el[name] = value;
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** A snippet as the service marks it ("the [Shikotan] ferry") with each [hit] shown as <mark>. */
export function snippet(text) {
  const p = h('p', { className: 'snippet' });
  const re = /\[([^\[\]]+)\]/g;
  let last = 0;
  for (const m of (text || '').matchAll(re)) {
    p.append(text.slice(last, m.index), h('mark', {}, m[1]));
    last = m.index + m[0].length;
  }
  p.append((text || '').slice(last));
  return p;
}

/** The reason of a match: the service's sentence when it sends one ("why", "reason"), else one built from the hits. */
export function reason(match) {
  if (match.why) return match.why;
  if (match.reason) return match.reason;
  const byTerm = new Map();
  for (const hit of match.hits || []) {
    if (!byTerm.has(hit.term)) byTerm.set(hit.term, new Set());
    byTerm.get(hit.term).add(hit.field);
  }
  const parts = [...byTerm].map(([term, fields]) => `"${term}" in the ${[...fields].join(' and ')}`);
  return parts.length ? `Matched ${parts.join(', ')}.` : '';
}

export function time(value) {
  if (!value) return '—';
  const d = new Date(value);
  return h('time', { dateTime: d.toISOString(), title: d.toISOString() }, d.toLocaleString());
}

export function day(date) {
  return new Date(`${date}T00:00:00Z`).toLocaleDateString(undefined, { weekday: 'short', month: 'short', day: 'numeric', timeZone: 'UTC' });
}

/** The last n UTC days, oldest first, as yyyy-mm-dd. */
export function lastDays(n) {
  const days = [];
  const now = Date.now();
  for (let i = n - 1; i >= 0; i--) days.push(new Date(now - i * 86400000).toISOString().slice(0, 10));
  return days;
}

export function debounce(fn, ms) {
  let timer;
  return (...args) => { clearTimeout(timer); timer = setTimeout(() => fn(...args), ms); };
}

/** Shows a message in the live status region (read out by screen readers). */
export function say(message, kind = 'ok') {
  const status = document.getElementById('status');
  status.replaceChildren(message ? h('p', { className: `notice ${kind}` }, message) : '');
}

export function errorNotice(error) {
  return h('p', { className: 'notice error', role: 'alert' }, error.message || String(error));
}

/** A labelled form field: <div><label for=id>text</label><input id=id ...></div>. */
export function field(labelText, control, hint) {
  const hintEl = hint ? h('p', { className: 'muted', id: `${control.id}-hint` }, hint) : null;
  if (hintEl) control.setAttribute('aria-describedby', hintEl.id);
  return h('div', {}, h('label', { for: control.id }, labelText), control, hintEl);
}

export function badge(text, kind = text) {
  return h('span', { className: `badge ${kind}` }, text);
}

let carried = null;

/** Goes to a page (re-rendering it when already there) and shows a message there once it is drawn. */
export function go(hash, message) {
  carried = message || null;
  if (location.hash === hash) window.dispatchEvent(new HashChangeEvent('hashchange'));
  else location.hash = hash;
}

/** The message carried over by go(), once. */
export function takeCarried() {
  const message = carried;
  carried = null;
  return message;
}
