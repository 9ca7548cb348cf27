// The report verification screen: upload a PDF (POST /api/reports/verify → result GENUINE, ALTERED or UNKNOWN,
// the signature's checks and the matching report's public data) or open /verify/{reportId}, the page a report's
// QR code leads to (served by report-service).
import { t, codeLabel, formatDateTime } from '../i18n.js';
import { api, problemOf, enc } from '../api.js';
import { h, field, card, facts, problemBlock, setBusy } from '../ui.js';

const CLASS = { GENUINE: 'OK', ALTERED: 'FAIL', UNKNOWN: 'WARNING' };

export function verifyScreen() {
  const file = h('input', { type: 'file', id: 'verify-file', name: 'file', accept: 'application/pdf', required: true });
  const out = h('div', { id: 'verify-result', 'aria-live': 'polite' });
  const form = h('form', { id: 'verify-form' }, field(t('verify.file'), file), h('button.primary', { type: 'submit', text: t('verify.submit') }));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (!file.files[0]) return;
    const button = form.querySelector('button');
    setBusy(button, true);
    try {
      const body = new FormData();
      body.append('file', file.files[0]);
      const response = await api('/api/reports/verify', { method: 'POST', body });
      if (!response.ok) { out.replaceChildren(problemBlock(await problemOf(response, { missingIs404: true }))); return; }
      const r = await response.json();
      const result = ['GENUINE', 'ALTERED', 'UNKNOWN'].includes(r.result) ? r.result : 'UNKNOWN';
      const report = r.report || {};
      const yesNo = (v) => (v === undefined || v === null ? null : v ? t('common.yes') : t('common.no'));
      out.replaceChildren(
        h('p', {}, h('span', { id: 'verify-verdict', class: `verdict ${CLASS[result]}`, dataset: { code: result }, text: t(`verify.${result}`) })),
        facts([[t('field.plate'), report.maskedPlate], [t('field.verdict'), report.verdict ? codeLabel('verdict', report.verdict) : null],
          [t('field.date'), report.issuedAt ? formatDateTime(report.issuedAt) : null],
          [t('verify.signed'), r.signed ? yesNo(r.signatureValid && r.signedByAutochec) : t('common.no')],
          [t('verify.whole'), r.signed ? yesNo(r.coversWholeDocument) : null],
          ['SHA-256', r.sha256 ? h('code', { text: r.sha256 }) : null]]),
        report.reportId ? h('p', {}, h('a', { href: `/verify/${enc(report.reportId)}`, text: t('verify.open') })) : null);
    } catch (e) {
      out.replaceChildren(problemBlock(e.problem || { title: String(e), errors: [] }));
    } finally { setBusy(button, false); }
  });
  const id = h('input', { id: 'verify-id', name: 'reportId', autocomplete: 'off', maxlength: '64' });
  const open = h('form', { id: 'verify-open' }, field(t('verify.id'), id), h('button.secondary', { type: 'submit', text: t('verify.open') }));
  open.addEventListener('submit', (event) => { event.preventDefault(); if (id.value.trim()) window.location.assign(`/verify/${enc(id.value.trim())}`); });
  return h('div', {}, h('h1', { id: 'page-title', text: t('verify.title') }), card(null, h('p', { text: t('verify.lead') }), form, out), card(null, open));
}
