// Agent screens beside the check: my checks (from the service), the offline queue, and the field tools — stolen
// report, document upload, correction proposal.
import { t, codeLabel, codes, formatDateTime } from '../i18n.js';
import { json, api, problemOf, enc } from '../api.js';
import { h, field, select, card, table, message, problemBlock, setBusy, loading, downloadBlob } from '../ui.js';
import * as queue from '../offline.js';
import { queueCard } from './check.js';

const PAGE_SIZE = 20;

/**
 * "Mes contrôles": the signed-in caller's own checks from the service (GET /api/checks/mine, newest first, by
 * pages), each opening its result, with its report when it has one; then the checks this device could not send
 * (refused by the service) and the offline queue. Anonymous visitors see the checks made from this device.
 */
export function historyScreen({ role, query } = {}) {
  const screen = h('div', {}, h('h1', { id: 'page-title', text: t('history.title') }));
  if (role === 'public') {
    screen.append(h('p.muted', { text: t('history.lead') }), deviceHistory(queue.history()), queueCard());
    return screen;
  }
  const page = Math.max(0, Number.parseInt((query && query.get('page')) || '0', 10) || 0);
  const list = h('div', { id: 'my-checks', 'aria-live': 'polite' }, loading());
  const refused = queue.history().filter((c) => c.error);
  screen.append(...[h('p.muted', { text: t('mine.lead') }), list,
    refused.length ? card(t('mine.refused'), deviceHistory(refused)) : null, queueCard()].filter(Boolean));   // no "null" text
  json(`/api/checks/mine?page=${page}&size=${PAGE_SIZE}`).then((body) => {
    const items = Array.isArray(body.items) ? body.items : [];
    if (!items.length) { list.replaceChildren(h('p', { id: 'history-empty', text: page ? t('mine.noMore') : t('history.empty') })); return; }
    const status = h('span.muted.small', { id: 'mine-report-status', role: 'status' });
    list.replaceChildren(
      table([t('field.date'), t('field.plate'), t('field.verdict'), t('field.channel'), ''],
        items.map((c) => [
          c.capturedAt ? h('span', {}, formatDateTime(c.capturedAt), h('span.muted.small', { text: ` (${t('mine.sentLater')})` }))
            : formatDateTime(c.requestedAt),
          c.plate ? h('span.plate', { text: c.plate }) : t('common.none'),
          h('span', { class: `verdict-text ${c.verdict || c.status || ''}`, text: codeLabel('verdict', c.verdict || c.status) }),
          codeLabel('source', c.source),
          h('span.row-actions', {},
            h('a', { href: `#/controle?id=${enc(c.id)}`, text: t('history.open'), 'aria-label': `${t('history.open')} ${c.plate || c.id}` }),
            c.report ? h('button.link', { type: 'button', text: t('mine.report'), 'aria-label': `${t('mine.report')} ${c.plate || c.id}`,
              onclick: () => downloadReport(c, status) }) : null),
        ]),
        { caption: t('history.title') }),
      status,
      h('nav.pager', { 'aria-label': t('mine.pages') },
        page > 0 ? h('a.button.secondary', { id: 'mine-newer', href: `#/historique?page=${page - 1}`, text: t('mine.newer') }) : null,
        h('span.muted.small', { text: t('mine.page', page + 1) }),
        body.hasMore ? h('a.button.secondary', { id: 'mine-older', href: `#/historique?page=${page + 1}`, text: t('mine.older') }) : null));
  }).catch((e) => list.replaceChildren(problemBlock(e.problem || { title: String(e), errors: [] })));
  return screen;
}

/** The checks kept on this device (its local history): date, plate, verdict, and the result or the refusal. */
function deviceHistory(items) {
  return items.length ? table([t('field.date'), t('field.plate'), t('field.verdict'), ''],
    items.map((c) => [formatDateTime(c.requestedAt), c.plate ? h('span.plate', { text: c.plate }) : t('common.none'),
      h('span', { class: `verdict-text ${c.verdict || ''}`, text: codeLabel('verdict', c.verdict) }),
      c.id ? h('a', { href: `#/controle?id=${enc(c.id)}`, text: t('history.open'), 'aria-label': `${t('history.open')} ${c.plate || c.id}` }) : (c.error || '')]),
    { caption: t('history.title') })
    : h('p', { id: 'history-empty', text: t('history.empty') });
}

async function downloadReport(check, status) {
  status.textContent = t('result.reportWait');
  try {
    const response = await api(check.report, { accept: 'application/pdf, application/problem+json' });
    if (!response.ok) {
      status.textContent = response.status === 404 ? t('result.reportNotReady') : (await problemOf(response)).title;
      return;
    }
    downloadBlob(await response.blob(), `autochec-rapport-${check.id}.pdf`);
    status.textContent = t('result.reportDone');
  } catch (e) { status.textContent = e.problem ? e.problem.title : String(e); }
}

export function queueScreen() {
  const empty = h('p', { id: 'queue-empty', text: t('queue.empty') });
  const screen = h('div', {}, h('h1', { id: 'page-title', text: t('queue.title') }), h('p.muted', { text: t('queue.lead') }), empty, queueCard());
  const update = (items) => { empty.hidden = items.length > 0; };
  queue.list().then(update).catch(() => {});
  const off = queue.onQueueChange(update);
  window.addEventListener('hashchange', off, { once: true });
  return screen;
}

/** A form that sends with action() and shows its outcome or problem below it. */
export function actionForm(id, title, controls, submitLabel, action, lead) {
  const out = h('div.outcome', { 'aria-live': 'polite' });
  const form = h('form', { id }, controls, h('button.primary', { type: 'submit', text: submitLabel }));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const button = form.querySelector('button[type=submit]');
    setBusy(button, true);
    out.replaceChildren();
    try {
      const text = await action(form);
      out.replaceChildren(message('success', text));
    } catch (e) {
      out.replaceChildren(problemBlock(e.problem || { title: String(e.message || e), errors: [] }));
    } finally { setBusy(button, false); }
  });
  return card(title, lead ? h('p.muted', { text: lead }) : null, form, out);
}

/** The purpose (a Purpose code) and, for OTHER, its text: what every staff read of person data states. */
export function purposeControls(prefix) {
  const purpose = select('purpose', codes('purpose').map((c) => [c, codeLabel('purpose', c)]),
    { required: true, placeholder: t('check.purposeChoose'), value: sessionStorage.getItem('check.purpose') || 'ROADSIDE_CONTROL' });
  purpose.id = `${prefix}-purpose`;
  const text = h('input', { id: `${prefix}-purpose-text`, name: 'purposeText', maxlength: '200', autocomplete: 'off' });
  const textField = field(t('check.purposeText'), text);
  const sync = () => { textField.hidden = purpose.value !== 'OTHER'; text.required = purpose.value === 'OTHER'; };
  purpose.addEventListener('change', sync);
  sync();
  return h('div', {}, field(t('check.purpose'), purpose), textField);
}

/** The purpose a form states, as query or form parameters. */
export function purposeOf(form) {
  const purpose = form.querySelector('select[name=purpose]');
  const text = form.querySelector('input[name=purposeText]');
  const out = {};
  if (purpose && purpose.value) out.purpose = purpose.value;
  if (purpose && purpose.value === 'OTHER' && text && text.value.trim()) out.purposeText = text.value.trim();
  return out;
}

function plateInput(id) {
  return h('input', { id, name: 'plate', required: true, maxlength: '20', autocomplete: 'off', autocapitalize: 'characters', placeholder: 'AB-123-CD' });
}

export const DOCUMENT_TYPES = ['REGISTRATION', 'INSURANCE', 'INSPECTION', 'TAX'];
// vehicle-service's proposal fields (ProposalField.apiName); owners never propose vin, make or model.
export const PROPOSAL_FIELDS = ['colour', 'variant', 'category', 'fuel', 'fiscalPower', 'powerKw', 'year', 'firstRegistration',
  'mileage', 'make', 'model', 'vin'];

/** Finds a vehicle by plate for an agent or admin (purpose stated, as every person-data read must). */
export async function vehicleByPlate(plate, purpose) {
  const query = new URLSearchParams({ plate, ...purpose });
  return json(`/api/vehicles?${query}`);
}

export function documentUploadForm(id, { plate: fixedPlate, agent } = {}) {
  const plate = fixedPlate ? null : plateInput(`${id}-plate`);
  const type = select('type', DOCUMENT_TYPES.map((c) => [c, codeLabel('documentType', c)]), { required: true });
  type.id = `${id}-type`;
  const file = h('input', { type: 'file', id: `${id}-file`, name: 'file', accept: 'image/jpeg,image/png,application/pdf', capture: 'environment', required: true });
  return actionForm(id, t('tools.upload'), [
    plate ? field(t('check.plate'), plate) : null, field(t('tools.documentType'), type), field(t('tools.documentFile'), file),
    agent ? purposeControls(id) : null,
  ], t('common.send'), async (form) => {
    const body = new FormData();
    body.append('file', file.files[0]);
    body.append('type', type.value);
    body.append('plate', fixedPlate || plate.value.trim());
    Object.entries(purposeOf(form)).forEach(([k, v]) => body.append(k, v));
    const response = await api('/api/documents', { method: 'POST', body });
    if (!response.ok) throw { problem: await problemOf(response, { missingIs404: true }) };
    form.reset();
    return t('tools.uploadDone');
  });
}

export function proposalForm(id, { plate: fixedPlate, owner } = {}) {
  const plate = fixedPlate ? null : plateInput(`${id}-plate`);
  const fields = owner ? PROPOSAL_FIELDS.filter((f) => !['vin', 'make', 'model'].includes(f)) : PROPOSAL_FIELDS;
  const which = select('field', fields.map((f) => [f, codeLabel('proposalField', f)]), { required: true });
  which.id = `${id}-field`;
  const value = h('input', { id: `${id}-value`, name: 'value', required: true, maxlength: '100', autocomplete: 'off' });
  const justification = h('textarea', { id: `${id}-justification`, name: 'justification', rows: '3', maxlength: '1000', required: true });
  return actionForm(id, t('tools.proposal'), [
    plate ? field(t('check.plate'), plate) : null, field(t('field.field'), which), field(t('field.value'), value),
    field(t('field.justification'), justification),
  ], t('common.send'), async (form) => {
    await json('/api/proposals', { method: 'POST', missingIs404: true, json: {
      plate: fixedPlate || plate.value.trim(), field: which.value, value: value.value.trim(), justification: justification.value.trim(), documentId: null,
    } });
    form.reset();
    return t('tools.proposalDone');
  });
}

export function toolsScreen() {
  const stolenPlate = plateInput('stolen-plate');
  const stolenReference = h('input', { id: 'stolen-reference', name: 'reference', maxlength: '100', autocomplete: 'off' });
  const stolen = actionForm('stolen-form', t('tools.stolen'), [
    field(t('check.plate'), stolenPlate), purposeControls('stolen'), field(`${t('field.reference')} (${t('common.optional')})`, stolenReference),
  ], t('tools.stolenConfirm'), async (form) => {
    // The vehicle is read with the stated purpose (audited), then reported: 200 STOLEN at once for law
    // enforcement and admins, 202 PENDING (a proposal an admin approves) for other agents.
    const vehicle = await vehicleByPlate(stolenPlate.value.trim(), purposeOf(form));
    const result = await json(`/api/vehicles/${enc(vehicle.id)}/stolen-report`, { method: 'POST',
      json: { reference: stolenReference.value.trim() || null } });
    form.reset();
    return result && result.status === 'PENDING' ? t('tools.stolenPending') : t('tools.stolenDone');
  }, t('tools.stolenLead'));
  return h('div', {}, h('h1', { id: 'page-title', text: t('tools.title') }),
    h('div.grid-cards', {}, stolen, documentUploadForm('upload-form', { agent: true }), proposalForm('proposal-form', {})));
}
