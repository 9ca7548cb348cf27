// Small DOM helpers: h('tag.class', {attrs}, children) builds elements with text nodes only (never innerHTML
// from data), so nothing the API returns can inject markup.
import { t } from './i18n.js';

export function h(spec, attrs = {}, ...children) {
  const [tag, ...classes] = spec.split('.');
  const el = document.createElement(tag || 'div');
  if (classes.length) el.className = classes.join(' ');
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2).toLowerCase(), value);
    else if (key === 'dataset') Object.assign(el.dataset, value);
    else if (key === 'text') el.textContent = value;
    else if (key in el && typeof value !== 'string') el[key] = value;
    else el.setAttribute(key, value === true ? '' : value);
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

let ids = 0;
export const uid = (prefix = 'f') => `${prefix}-${++ids}`;

/** A labelled form field: label + control (+ hint), wired with for/aria-describedby. */
export function field(labelText, control, hint) {
  if (!control.id) control.id = uid();
  const wrap = h('div.field', {}, h('label', { for: control.id, text: labelText }));
  if (hint) {
    const hintId = uid('hint');
    control.setAttribute('aria-describedby', hintId);
    wrap.append(h('p.hint', { id: hintId, text: hint }));
  }
  wrap.append(control.type === 'file' ? filePicker(control) : control);
  return wrap;
}

/** A file input the browser would label in its own language ("Choose File"): a French button and file name instead. */
function filePicker(input) {
  input.classList.add('sr-only');
  const name = h('span.file-name.muted', { 'aria-hidden': 'true', text: t('file.none') });
  input.addEventListener('change', () => { name.textContent = input.files[0] ? input.files[0].name : t('file.none'); });
  return h('div.file-picker', {}, input,
    h('label.button.secondary', { for: input.id, 'aria-hidden': 'true', text: input.hasAttribute('capture') ? t('file.take') : t('file.choose') }), name);
}

export function select(name, options, { required = false, value = '', placeholder } = {}) {
  const el = h('select', { name, required });
  if (placeholder !== undefined) el.append(h('option', { value: '', text: placeholder }));
  for (const [v, label] of options) el.append(h('option', { value: v, text: label, selected: v === value }));
  return el;
}

export function facts(pairs) {
  const dl = h('dl.facts');
  for (const [label, value] of pairs) {
    if (value === null || value === undefined || value === '') continue;
    dl.append(h('dt', { text: label }), h('dd', {}, value));
  }
  return dl;
}

export function table(headers, rows, { caption } = {}) {
  return h('div.table-wrap', { tabindex: '0', role: 'region', 'aria-label': caption || headers.join(', ') },
    h('table', {},
      caption ? h('caption', { text: caption }) : null,
      h('thead', {}, h('tr', {}, headers.map((x) => h('th', { scope: 'col', text: x })))),
      h('tbody', {}, rows.map((cells) => h('tr', {}, cells.map((c) => h('td', {}, c)))))));
}

export function card(title, ...children) {
  return h('section.card', {}, title ? h('h2', { text: title }) : null, ...children);
}

export function message(kind, text) {
  return h(`p.message.${kind}`, { role: kind === 'error' ? 'alert' : 'status', text });
}

/** A problem (RFC 9457) or an unavailable service as a readable block. */
export function problemBlock(problem) {
  const box = h('div.problem', { role: 'alert' },
    h('p.problem-title', { text: problem.title }),
    problem.detail ? h('p', { text: problem.detail }) : null);
  if (problem.errors && problem.errors.length) {
    box.append(h('ul', {}, problem.errors.map((e) => h('li', { text: e.field ? `${e.field} : ${e.message}` : e.message }))));
  }
  if (problem.unavailable) box.classList.add('unavailable');
  return box;
}

export function setBusy(button, busy) {
  if (!button) return;
  button.disabled = busy;
  button.setAttribute('aria-busy', busy ? 'true' : 'false');
}

export function loading() { return h('p.muted.loading', { role: 'status', text: t('common.loading') }); }

export function downloadBlob(blob, filename) {
  const url = URL.createObjectURL(blob);
  const link = h('a', { href: url, download: filename });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}
