// The admin console: dashboard (statistics, pending counts), pending documents (image beside the fields read,
// dates confirmed on validation), proposal and claim queues, vehicles and holders search and edit, CSV import
// with per-row errors, organisations and agents, outgoing webhooks and their delivery log, audit search with CSV
// export and chain verification.
import { t, codeLabel, codes, formatDate, formatDateTime, formatNumber } from '../i18n.js';
import { api, json, problemOf, enc, itemsOf, ApiError } from '../api.js';
import { h, field, select, card, facts, table, message, problemBlock, setBusy, downloadBlob } from '../ui.js';
import { async } from './owner.js';
import { actionForm, purposeControls, purposeOf, vehicleByPlate } from './agent.js';

const page = (titleKey, ...children) => h('div', {}, h('h1', { id: 'page-title', text: t(titleKey) }), ...children);
const totalOf = (body) => (Array.isArray(body) ? body.length : body.totalItems ?? body.total ?? itemsOf(body).length);
const isoDay = (d) => d.toISOString().slice(0, 10);

function decisionButtons(onApprove, onReject, approveKey = 'admin.approve') {
  const reason = h('input', { name: 'reason', maxlength: '500', autocomplete: 'off' });
  const out = h('div.outcome', { 'aria-live': 'polite' });
  const run = async (button, fn) => {
    setBusy(button, true);
    try { await fn(reason.value.trim()); out.replaceChildren(message('success', t('admin.done'))); button.closest('.queue-item')?.classList.add('decided'); }
    catch (e) { out.replaceChildren(problemBlock(e.problem || { title: String(e), errors: [] })); }
    finally { setBusy(button, false); }
  };
  const approve = h('button.primary', { type: 'button', dataset: { action: 'approve' }, text: t(approveKey) });
  const reject = h('button.danger', { type: 'button', dataset: { action: 'reject' }, text: t('admin.reject') });
  approve.addEventListener('click', () => run(approve, onApprove));
  reject.addEventListener('click', () => {
    if (!reason.value.trim()) { reason.focus(); reason.setAttribute('aria-invalid', 'true'); return; }
    run(reject, onReject);
  });
  return h('div.decision', {}, field(`${t('field.reason')} (${t('admin.reject').toLowerCase()})`, reason), h('div.row', {}, approve, reject), out);
}

// ---------- dashboard ----------

export function dashboardScreen() {
  const counts = h('div.counters', { id: 'pending-counts' });
  const count = (key, href, load, total) => {
    const value = h('span.counter-value', { text: '…' });
    load().then((b) => { value.textContent = total(b); })
      .catch((e) => { value.textContent = e.problem && e.problem.unavailable ? t('unavailable.title') : t('common.none'); value.classList.add('small'); });
    return h('a.counter.card', { href }, value, h('span', { text: t(key) }));
  };
  // The documents queue is a page without a total ({items, hasNext}); proposals carry totalItems; claims are a list.
  counts.append(
    count('admin.pendingDocuments', '#/admin/documents', () => json('/api/documents?status=PENDING&page=0&size=100', { missingIs404: true }),
      (b) => (b.hasNext ? t('admin.moreThan', formatNumber(itemsOf(b).length)) : formatNumber(itemsOf(b).length))),
    count('admin.pendingProposals', '#/admin/propositions', () => json('/api/proposals?status=PENDING&page=0&size=1', { missingIs404: true }),
      (b) => formatNumber(totalOf(b))),
    count('admin.pendingClaims', '#/admin/revendications', () => json('/api/accounts/claims?status=PENDING', { missingIs404: true }),
      (b) => formatNumber(totalOf(b))));
  const stats = h('div', { id: 'statistics' });
  const to = new Date();
  const from = new Date(Date.now() - 6 * 86400000);
  const counted = (map, family) => Object.entries(map || {}).map(([k, v]) => `${codeLabel(family, k)} ${formatNumber(v)}`).join(', ');
  async(stats, () => json(`/api/statistics?from=${isoDay(from)}&to=${isoDay(to)}`, { missingIs404: true }), (s) => {
    const days = s.days || [];
    const reasons = s.topReasons || [];
    const signals = s.fraudSignals || [];
    const latency = s.latencyMs || {};
    const rate = s.photoReading && s.photoReading.successRate;
    return [
      facts([[t('field.count'), formatNumber(s.checks ?? 0)],
        [t('admin.readingRate'), rate !== null && rate !== undefined ? `${Math.round(rate * 100)} %` : t('common.none')],
        [t('admin.latency'), latency.p50 !== null && latency.p50 !== undefined
          ? `${formatNumber(latency.p50)} / ${formatNumber(latency.p95)} / ${formatNumber(latency.max)} ms` : t('common.none')]]),
      days.length ? table([t('field.date'), t('field.count'), t('field.verdict'), t('admin.byRole'), t('admin.byChannel')],
        days.map((d) => [formatDate(d.date), formatNumber(d.checks), counted(d.byVerdict, 'verdict'), counted(d.byRole, 'role'), counted(d.byChannel, 'channel')]),
        { caption: t('admin.checksPerDay') }) : null,
      reasons.length ? table([t('result.reasons'), t('field.count')], reasons.map((r) => [codeLabel('reason', r.code), formatNumber(r.count)]),
        { caption: t('admin.topReasons') }) : null,
      signals.length ? table([t('admin.fraudSignals'), t('field.count')], signals.map((r) => [codeLabel('reason', r.code), formatNumber(r.count)]),
        { caption: t('admin.fraudSignals') }) : null,
    ];
  });
  return page('admin.dashboard', counts, card(t('admin.statistics'), stats));
}

// ---------- pending documents ----------

function documentImage(d) {
  const box = h('figure.doc-image', {}, h('figcaption.muted.small', { text: t('admin.image') }));
  if (!d.fileUrl) { box.append(h('p.muted', { text: t('admin.noFile') })); return box; }   // imported: no file
  api(d.fileUrl, { accept: 'image/*, application/pdf' }).then(async (r) => {
    if (!r.ok) { box.append(problemBlock(await problemOf(r))); return; }
    const blob = await r.blob();
    const url = URL.createObjectURL(blob);
    box.append(blob.type === 'application/pdf' ? h('a', { href: url, target: '_blank', rel: 'noopener', text: t('admin.file') })
      : h('img', { src: url, alt: `${t('admin.image')} — ${codeLabel('documentType', d.type)} ${d.plate || ''}` }));
  }).catch(() => box.append(message('error', t('unavailable.title'))));
  return box;
}

/**
 * The pending queue (GET /api/documents?status=PENDING → {items, page, size, hasNext}): the file beside the fields
 * read, the reading's proposal prefilled, and POST …/validate with the confirmed fields per type (INSURANCE and
 * ROAD_TAX: validFrom and validUntil; INSPECTION: visit date, next due date and result; REGISTRATION: no end) or
 * POST …/reject {reason}. A 400 lists every missing field.
 */
export function documentsScreen({ query } = {}) {
  const list = h('div', { id: 'pending-documents' });
  // The queue is oldest first, a page at a time; a plate narrows it to that vehicle's pending documents.
  const plate = h('input', { id: 'documents-plate', name: 'plate', maxlength: '20', autocomplete: 'off', autocapitalize: 'characters',
    value: (query && query.get('plaque')) || '' });
  let pageNo = 0;
  const load = () => async(list, () => {
    const q = plate.value.trim();
    return q ? json(`/api/documents?${new URLSearchParams({ plate: q })}`).then((docs) => ({ items: itemsOf(docs).filter((d) => d.status === 'PENDING') }))
      : json(`/api/documents?status=PENDING&page=${pageNo}&size=20`, { missingIs404: true });
  }, (body) => {
    const items = itemsOf(body);
    const pager = plate.value.trim() ? null : h('div.row.pager', {},
      h('button.secondary', { type: 'button', disabled: pageNo === 0, onclick: () => { pageNo -= 1; load(); }, text: t('admin.prev') }),
      h('button.secondary', { type: 'button', disabled: !body.hasNext, onclick: () => { pageNo += 1; load(); }, text: t('admin.next') }));
    if (!items.length) return h('p', { id: 'pending-empty', text: t('admin.none') });
    return [...items.map((d) => {
      const proposal = d.proposal || {};
      const validFrom = h('input', { type: 'date', name: 'validFrom', value: d.validFrom || proposal.validFrom || '' });
      const validUntil = h('input', { type: 'date', name: 'validUntil', value: d.validUntil || proposal.validUntil || '' });
      const result = select('result', ['FAVOURABLE', 'UNFAVOURABLE', 'COUNTER_VISIT'].map((c) => [c, codeLabel('inspectionResult', c)]),
        { placeholder: t('common.none'), value: d.result || proposal.result || '' });
      const reference = h('input', { name: 'reference', maxlength: '100', value: d.reference || proposal.reference || '', autocomplete: 'off' });
      const issuer = h('input', { name: 'issuer', maxlength: '100', value: d.issuer || proposal.issuer || '', autocomplete: 'off' });
      const fields = (d.extraction && d.extraction.fields) || [];
      const flags = d.flags && d.flags.length ? d.flags : ((d.extraction && d.extraction.mismatches) || []);
      const confirmed = () => {
        const body = { validFrom: validFrom.value || null, reference: reference.value.trim() || null, issuer: issuer.value.trim() || null };
        if (d.type !== 'REGISTRATION') body.validUntil = validUntil.value || null;
        if (d.type === 'INSPECTION') body.result = result.value || null;
        return body;
      };
      return h('article.card.queue-item.document-review', { dataset: { id: d.id } },
        h('h2', {}, codeLabel('documentType', d.type), ' ', d.plate ? h('span.plate', { text: d.plate }) : null),
        h('div.side-by-side', {},
          documentImage(d),
          h('div', {},
            facts([[t('field.vin'), d.vin], [t('field.source'), d.source ? codeLabel('source', d.source) : null],
              [t('field.purpose'), d.purpose ? codeLabel('purpose', d.purpose) : null], [t('field.date'), formatDateTime(d.createdAt)]]),
            h('h3', { text: t('admin.extracted') }),
            fields.length ? table([t('field.field'), t('field.read'), t('field.confidence')],
              fields.map((f) => [codeLabel('extractedField', f.name), String(f.value ?? ''), f.confidence !== undefined ? `${Math.round(f.confidence * 100)} %` : '']))
              : h('p.muted', { text: t('common.none') }),
            flags.length ? h('div', {}, h('h3', { text: t('admin.flags') }),
              h('ul.reasons', {}, flags.map((m) => h('li.WARNING', { dataset: { code: m }, text: codeLabel('documentFlag', m) })))) : null,
            h('fieldset', {}, h('legend', { text: t('admin.confirmDates') }),
              h('div.grid2', {}, field(d.type === 'INSPECTION' ? t('field.inspectionDate') : t('field.validFrom'), validFrom),
                d.type === 'REGISTRATION' ? null : field(d.type === 'INSPECTION' ? t('field.nextDue') : t('field.validUntil'), validUntil),
                d.type === 'INSPECTION' ? field(t('admin.inspectionResult'), result) : null,
                field(t('field.reference'), reference), field(t('field.issuer'), issuer))),
            decisionButtons(
              (reason) => json(`/api/documents/${enc(d.id)}/validate`, { method: 'POST', json: { ...confirmed(), reason: reason || null } }),
              (reason) => json(`/api/documents/${enc(d.id)}/reject`, { method: 'POST', json: { reason } }),
              'admin.validate'))));
    }), pager];
  });
  const form = h('form.search', { id: 'documents-search', role: 'search' }, field(t('check.plate'), plate),
    h('button.primary', { type: 'submit', text: t('admin.search') }));
  form.addEventListener('submit', (e) => { e.preventDefault(); pageNo = 0; load(); });
  load();
  return page('admin.pendingDocuments', card(null, form), list);
}

// ---------- proposals and claims ----------

export function proposalsScreen() {
  const list = h('div', { id: 'pending-proposals' });
  async(list, () => json('/api/proposals?status=PENDING', { missingIs404: true }), (body) => {
    const items = itemsOf(body);
    if (!items.length) return h('p', { id: 'pending-empty', text: t('admin.none') });
    return items.map((p) => h('article.card.queue-item', { dataset: { id: p.id } },
      h('h2', {}, h('span.plate', { text: p.plate }), ' ', codeLabel('proposalField', p.field)),
      facts([[t('field.current'), p.current ?? t('common.none')], [t('field.value'), p.proposed ?? t('common.none')],
        [t('field.justification'), p.justification],
        [t('field.user'), [p.proposedBy, p.proposerRole ? codeLabel('role', p.proposerRole) : null, p.proposerOrganisation].filter(Boolean).join(' · ')],
        [t('field.date'), formatDateTime(p.createdAt)]]),
      decisionButtons(
        (reason) => json(`/api/proposals/${enc(p.id)}/approve`, { method: 'POST', json: { reason: reason || null } }),
        (reason) => json(`/api/proposals/${enc(p.id)}/reject`, { method: 'POST', json: { reason } }))));
  });
  return page('admin.pendingProposals', list);
}

export function claimsScreen() {
  const list = h('div', { id: 'pending-claims' });
  async(list, () => json('/api/accounts/claims?status=PENDING', { missingIs404: true }), (body) => {
    const items = itemsOf(body);
    if (!items.length) return h('p', { id: 'pending-empty', text: t('admin.none') });
    return items.map((c) => h('article.card.queue-item', { dataset: { id: c.id } },
      h('h2', {}, h('span.plate', { text: c.plate })),
      facts([[t('field.user'), c.username], [t('field.vinLast4'), c.vinLast4], [t('field.certificate'), c.certificateNumber],
        [t('field.status'), codeLabel('status', c.status)], [t('field.date'), formatDateTime(c.createdAt)]]),
      c.mismatches && c.mismatches.length ? h('ul.reasons', {}, c.mismatches.map((m) => h('li.WARNING', { dataset: { code: m }, text: codeLabel('claimMismatch', m) }))) : null,
      decisionButtons(
        (reason) => json(`/api/accounts/claims/${enc(c.id)}/approve`, { method: 'POST', json: { reason: reason || null } }),
        (reason) => json(`/api/accounts/claims/${enc(c.id)}/reject`, { method: 'POST', json: { reason } }))));
  });
  return page('admin.pendingClaims', list);
}

// ---------- vehicles and holders ----------

const EDITABLE = ['make', 'model', 'variant', 'colour', 'category', 'fuel'];
const OWNER_FIELDS = ['ownerId', 'kind', 'name', 'street', 'postalCode', 'town', 'email', 'accountId'];

/** PUT /api/vehicles/{id} takes a VehicleRequest: the vehicle's fields and its holder, nothing else. */
function vehicleEditor(v) {
  const inputs = Object.fromEntries(EDITABLE.map((k) => [k, h('input', { name: k, value: v[k] || '', maxlength: '60' })]));
  const form = actionForm(`edit-${v.id}`, null, h('div.grid2', {}, EDITABLE.map((k) => field(t(`field.${k}`), inputs[k]))), t('admin.save'), async () => {
    const body = { plate: v.plate, vin: v.vin, year: v.year, fiscalPower: v.fiscalPower ?? null, powerKw: v.powerKw ?? null,
      firstRegistration: v.firstRegistration ?? null };
    EDITABLE.forEach((k) => { body[k] = inputs[k].value.trim() || null; });
    body.owner = v.owner ? Object.fromEntries(OWNER_FIELDS.map((k) => [k, v.owner[k] ?? null])) : null;
    await json(`/api/vehicles/${enc(v.id)}`, { method: 'PUT', json: body });
    return t('admin.saved');
  });
  return h('details', {}, h('summary', { text: t('admin.edit') }), form);
}

/**
 * The registry: GET /api/vehicles?page&size lists summaries without person data; a plate is opened with a stated
 * purpose (GET /api/vehicles?plate&purpose, audited) to see its holder and edit it.
 */
export function vehiclesScreen() {
  const plate = h('input', { id: 'admin-plate', name: 'plate', maxlength: '20', autocomplete: 'off', autocapitalize: 'characters' });
  const out = h('div', { id: 'admin-vehicles' });
  let pageNo = 0;
  let form;
  const load = () => async(out, () => {
    const q = plate.value.trim();
    return q ? vehicleByPlate(q, purposeOf(form)).then((v) => ({ one: v }))
      : json(`/api/vehicles?page=${pageNo}&size=20`, { missingIs404: true });
  }, (body) => {
    if (body.one) {
      const v = body.one;
      const o = v.owner || {};
      return [h('p.muted', { text: t('admin.results', formatNumber(1)) }),
        table([t('field.plate'), t('result.vehicle'), t('field.owner'), t('field.ownerTown'), ''],
          [[h('span.plate', { text: v.plate }), [v.make, v.model, v.year].filter(Boolean).join(' '), o.name || t('common.none'),
            [o.postalCode, o.town].filter(Boolean).join(' '), vehicleEditor(v)]], { caption: t('admin.vehicleSearch') })];
    }
    const items = itemsOf(body);
    const total = totalOf(body);
    return [h('p.muted', { text: t('admin.results', formatNumber(total)) }),
      table([t('field.plate'), t('result.vehicle'), t('field.colour'), t('field.status')],
        items.map((v) => [h('span.plate', { text: v.plate }), [v.make, v.model, v.year].filter(Boolean).join(' '), v.colour || '',
          (v.statuses || []).map((x) => codeLabel('vehicleStatus', x)).join(', ')]),
        { caption: t('admin.vehicleSearch') }),
      h('p.muted.small', { text: t('admin.editLead') }),
      h('div.row.pager', {},
        h('button.secondary', { type: 'button', disabled: pageNo === 0, onclick: () => { pageNo -= 1; load(); }, text: t('admin.prev') }),
        h('button.secondary', { type: 'button', disabled: (pageNo + 1) * 20 >= total, onclick: () => { pageNo += 1; load(); }, text: t('admin.next') }))];
  });
  form = h('form.search', { id: 'admin-vehicle-search', role: 'search' }, field(t('check.plate'), plate), purposeControls('admin-vehicle'),
    h('p.muted.small', { text: t('admin.purposeLead') }), h('button.primary', { type: 'submit', text: t('admin.search') }));
  form.addEventListener('submit', (e) => { e.preventDefault(); pageNo = 0; load(); });
  load();
  return page('admin.vehicleSearch', card(null, form), out);
}

// ---------- CSV import ----------

export function importScreen() {
  const kind = select('kind', [['vehicles', t('admin.importVehicles')], ['documents', t('admin.importDocuments')]], { required: true });
  kind.id = 'import-kind';
  const file = h('input', { type: 'file', id: 'import-file', name: 'file', accept: '.csv,text/csv', required: true });
  const out = h('div', { id: 'import-result', 'aria-live': 'polite' });
  const form = h('form', { id: 'import-form' }, field(t('admin.importKind'), kind), field(t('field.file'), file),
    h('button.primary', { type: 'submit', text: t('admin.importRun') }));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (!file.files[0]) return;
    const button = form.querySelector('button');
    setBusy(button, true);
    out.replaceChildren(h('p', { role: 'status' }, t('admin.importRunning'), ' ', h('progress', { 'aria-label': t('admin.importRunning') })));
    try {
      const body = new FormData();
      body.append('file', file.files[0]);
      const r = await json(`/api/${kind.value}/import`, { method: 'POST', body, missingIs404: true });
      const errors = r.errors || [];
      // (DOM append/replaceChildren write a null argument as the text "null": only real nodes are passed)
      out.replaceChildren(...[message(errors.length ? 'info' : 'success', t('admin.importResult', r.created || 0, r.updated || 0, r.unchanged || 0, errors.length)),
        errors.length ? table([t('field.line'), t('field.message')], errors.map((e) => [String(e.line), e.message]), { caption: t('admin.import') }) : null]
        .filter(Boolean));
    } catch (e) {
      out.replaceChildren(problemBlock(e.problem || { title: String(e), errors: [] }));
    } finally { setBusy(button, false); }
  });
  return page('admin.import', card(null, form), out);
}

// ---------- organisations and agents ----------

export function agentsScreen() {
  const orgs = h('div', { id: 'organisations' });
  const orgNames = new Map();
  const orgSelect = h('select', { name: 'organisationId', required: true, id: 'agent-org' });
  const loadOrgs = () => async(orgs, () => json('/api/organisations', { missingIs404: true }), (body) => {
    const items = itemsOf(body);
    items.forEach((o) => orgNames.set(o.id, o.name));
    orgSelect.replaceChildren(...items.filter((o) => o.active).map((o) => h('option', { value: o.id, text: o.name })));
    return table([t('field.name'), t('field.kind'), t('field.active'), ''], items.map((o) => [o.name, codeLabel('organisationKind', o.kind),
      o.active ? t('common.yes') : t('common.no'),
      h('button.link', { type: 'button', text: o.active ? t('admin.disable') : t('admin.enable'), onclick: async () => {
        await json(`/api/organisations/${enc(o.id)}`, { method: 'PATCH', json: { active: !o.active } }).catch(() => {});
        loadOrgs();
      } })]), { caption: t('admin.organisations') });
  });
  loadOrgs();
  const agents = h('div', { id: 'agents' });
  // Agents are the accounts of role agent (GET /api/accounts/users?role=agent → {items, page, size, hasMore}).
  const loadAgents = () => async(agents, () => json('/api/accounts/users?role=agent&page=0&size=100', { missingIs404: true }), (body) => table(
    [t('field.username'), t('field.name'), t('field.organisation'), t('field.active'), ''],
    itemsOf(body).map((a) => [a.username, [a.firstName, a.lastName].filter(Boolean).join(' '), orgNames.get(a.organisation) || a.organisation || '',
      a.enabled === false ? t('common.no') : t('common.yes'),
      h('button.link', { type: 'button', text: a.enabled === false ? t('admin.enable') : t('admin.disable'), onclick: async () => {
        await json(`/api/accounts/users/${enc(a.username)}/${a.enabled === false ? 'enable' : 'disable'}`, { method: 'POST' }).catch(() => {});
        loadAgents();
      } })]), { caption: t('admin.agents') }));
  loadAgents();
  const orgName = h('input', { name: 'name', required: true, maxlength: '120' });
  const orgKind = select('kind', codes('organisationKind').map((k) => [k, codeLabel('organisationKind', k)]), { required: true });
  const createOrg = actionForm('org-form', t('admin.createOrg'), [field(t('field.name'), orgName), field(t('field.kind'), orgKind)], t('common.send'), async (f) => {
    await json('/api/organisations', { method: 'POST', json: { name: orgName.value.trim(), kind: orgKind.value } });
    f.reset(); loadOrgs();
    return t('admin.created');
  });
  const inputs = {
    username: h('input', { name: 'username', required: true, maxlength: '60', autocomplete: 'off' }),
    email: h('input', { name: 'email', type: 'email', required: true, maxlength: '254' }),
    firstName: h('input', { name: 'firstName', required: true, maxlength: '100' }),
    lastName: h('input', { name: 'lastName', required: true, maxlength: '100' }),
    temporaryPassword: h('input', { name: 'temporaryPassword', type: 'password', required: true, minlength: '8', maxlength: '128', autocomplete: 'new-password' }),
  };
  const createAgent = actionForm('agent-form', t('admin.createAgent'), [
    field(t('field.username'), inputs.username), field(t('field.email'), inputs.email), field(t('field.firstName'), inputs.firstName),
    field(t('field.lastName'), inputs.lastName), field(t('field.organisation'), orgSelect),
    field(document.documentElement.lang === 'en' ? 'Temporary password' : 'Mot de passe provisoire', inputs.temporaryPassword)], t('common.send'), async (f) => {
    const body = Object.fromEntries(Object.entries(inputs).map(([k, el]) => [k, el.value.trim()]));
    body.organisationId = orgSelect.value;
    await json('/api/agents', { method: 'POST', json: body });
    f.reset(); loadAgents();
    return t('admin.created');
  });
  return page('nav.adminAgents', card(t('admin.organisations'), orgs), createOrg, card(t('admin.agents'), agents), createAgent);
}

// ---------- webhooks ----------

/** Outgoing webhooks (report-service): endpoints per organisation, their events, secret shown once, delivery log. */
export function webhooksScreen() {
  const list = h('div', { id: 'webhooks' });
  const log = h('div', { id: 'webhook-log', 'aria-live': 'polite' });
  const secretBox = h('div', { id: 'webhook-secret', 'aria-live': 'polite' });
  const showSecret = (w) => secretBox.replaceChildren(card(t('webhooks.secretTitle'),
    h('p', { text: t('webhooks.secretOnce') }), h('pre.secret', { text: w.secret })));
  const showLog = (w) => async(log, () => json(`/api/webhooks/${enc(w.id)}/deliveries`), (body) => {
    const items = itemsOf(body);
    if (!items.length) return card(t('webhooks.log', w.url), h('p.muted', { text: t('webhooks.noDelivery') }));
    return card(t('webhooks.log', w.url), table(
      [t('webhooks.event'), t('field.status'), t('webhooks.attempts'), t('webhooks.lastResult'), t('webhooks.nextAttempt'), t('webhooks.deliveredAt')],
      items.map((d) => [h('span', {}, codeLabel('webhookEvent', d.eventType), h('br'), h('small.muted', { text: d.eventId })),
        codeLabel('webhookStatus', d.status), formatNumber(d.attempts),
        d.lastStatusCode ? `HTTP ${d.lastStatusCode}` : (d.lastError || ''),
        d.nextAttemptAt ? formatDateTime(d.nextAttemptAt) : '', d.deliveredAt ? formatDateTime(d.deliveredAt) : ''])));
  });
  const load = () => async(list, () => json('/api/webhooks', { missingIs404: true }), (body) => {
    const items = itemsOf(body);
    if (!items.length) return h('p.muted', { text: t('webhooks.none') });
    return table([t('field.organisation'), t('webhooks.url'), t('webhooks.events'), t('webhooks.description'), ''],
      items.map((w) => [w.organisation, w.url, (w.events || []).map((e) => codeLabel('webhookEvent', e)).join(', '), w.description || '',
        h('div.actions', {},
          h('button.link', { type: 'button', text: t('webhooks.showLog'), onclick: () => showLog(w) }),
          h('button.link', { type: 'button', text: t('webhooks.rotate'), onclick: async () => {
            try { showSecret(await json(`/api/webhooks/${enc(w.id)}/rotate-secret`, { method: 'POST' })); } catch (e) {
              secretBox.replaceChildren(problemBlock(e.problem || { title: String(e.message || e), errors: [] }));
            }
          } }),
          h('button.link', { type: 'button', text: t('webhooks.delete'), onclick: async () => {
            if (!window.confirm(t('webhooks.confirmDelete', w.url))) return;
            await json(`/api/webhooks/${enc(w.id)}`, { method: 'DELETE' }).catch(() => {});
            load();
          } }))]), { caption: t('nav.adminWebhooks') });
  });
  load();
  const organisation = h('input', { name: 'organisation', required: true, maxlength: '200', list: 'webhook-orgs', autocomplete: 'off' });
  const orgOptions = h('datalist', { id: 'webhook-orgs' });
  json('/api/organisations', { missingIs404: true }).then((body) => orgOptions.replaceChildren(
    h('option', { value: 'Autochec' }), ...itemsOf(body).map((o) => h('option', { value: o.name })))).catch(() => {});
  const url = h('input', { name: 'url', type: 'url', required: true, maxlength: '2048', placeholder: 'https://', autocomplete: 'off' });
  const description = h('input', { name: 'description', maxlength: '200' });
  const boxes = codes('webhookEvent').map((code) => h('input', { type: 'checkbox', name: 'events', value: code, id: `webhook-event-${code}` }));
  const events = h('fieldset', {}, h('legend', { text: t('webhooks.events') }),
    ...boxes.map((box) => h('div.checkbox', {}, box, h('label', { for: box.id, text: codeLabel('webhookEvent', box.value) }))));
  const create = actionForm('webhook-form', t('webhooks.add'), [field(t('field.organisation'), organisation, t('webhooks.organisationHint')),
    orgOptions, field(t('webhooks.url'), url, t('webhooks.urlHint')), events, field(t('webhooks.description'), description)],
  t('common.send'), async (f) => {
    const created = await json('/api/webhooks', { method: 'POST', json: { organisation: organisation.value.trim(), url: url.value.trim(),
      events: boxes.filter((b) => b.checked).map((b) => b.value), description: description.value.trim() } });
    f.reset(); showSecret(created); load();
    return t('admin.created');
  });
  return page('nav.adminWebhooks', card(t('nav.adminWebhooks'), h('p.muted', { text: t('webhooks.lead') }), list), secretBox, create, log);
}

// ---------- audit ----------

export function auditScreen() {
  const inputs = {
    plate: h('input', { name: 'plate', maxlength: '20', autocomplete: 'off' }),
    username: h('input', { name: 'username', maxlength: '60', autocomplete: 'off' }),
    organisation: h('input', { name: 'organisation', maxlength: '120', autocomplete: 'off' }),
    purpose: select('purpose', codes('purpose').map((c) => [c, codeLabel('purpose', c)]), { placeholder: t('common.all') }),
    verdict: select('verdict', ['OK', 'WARNING', 'FAIL', 'NOT_FOUND', 'UNREADABLE'].map((c) => [c, codeLabel('verdict', c)]), { placeholder: t('common.all') }),
    action: select('action', codes('action').map((c) => [c, codeLabel('action', c)]), { placeholder: t('common.all') }),
    from: h('input', { name: 'from', type: 'date' }),
    to: h('input', { name: 'to', type: 'date' }),
  };
  const labels = { plate: 'check.plate', username: 'field.user', organisation: 'field.organisation', purpose: 'field.purpose',
    verdict: 'field.verdict', action: 'field.action', from: 'field.from', to: 'field.to' };
  const out = h('div', { id: 'audit-results' });
  const chain = h('div', { id: 'audit-chain', 'aria-live': 'polite' });
  let pageNo = 0;
  const query = () => {
    const q = new URLSearchParams();
    Object.entries(inputs).forEach(([k, el]) => {
      const v = el.value.trim();
      if (!v) return;
      q.set(k, v);   // from/to as yyyy-MM-dd: audit-service takes whole days
    });
    return q;
  };
  const load = () => async(out, () => { const q = query(); q.set('page', pageNo); q.set('size', 20); return json(`/api/audit?${q}`, { missingIs404: true }); }, (body) => {
    const items = itemsOf(body);
    const total = totalOf(body);
    return [h('p.muted', { text: t('admin.results', formatNumber(total)) }),
      table([t('field.sequence'), t('field.date'), t('field.action'), t('field.plate'), t('field.user'), t('field.organisation'), t('field.purpose'), t('field.verdict')],
        items.map((e) => [String(e.sequence ?? ''), formatDateTime(e.occurredAt), codeLabel('action', e.action), e.plate || '',
          e.actor ? `${e.actor.username || ''} (${codeLabel('role', e.actor.role)})` : '', e.actor ? e.actor.organisation || '' : '',
          e.purpose ? codeLabel('purpose', e.purpose) : '', e.verdict ? codeLabel('verdict', e.verdict) : '']), { caption: t('admin.audit') }),
      h('div.row.pager', {},
        h('button.secondary', { type: 'button', disabled: pageNo === 0, onclick: () => { pageNo -= 1; load(); }, text: t('admin.prev') }),
        h('button.secondary', { type: 'button', disabled: (pageNo + 1) * 20 >= total, onclick: () => { pageNo += 1; load(); }, text: t('admin.next') }))];
  });
  const form = h('form.search', { id: 'audit-form', role: 'search' },
    h('div.grid4', {}, Object.entries(inputs).map(([k, el]) => { el.id = `audit-${k}`; return field(t(labels[k]), el); })),
    h('div.row', {},
      h('button.primary', { type: 'submit', text: t('admin.search') }),
      h('button.secondary', { type: 'button', id: 'audit-export', text: t('admin.auditExport'), onclick: async (e) => {
        const button = e.currentTarget;
        setBusy(button, true);
        try {
          const r = await api(`/api/audit/export?${query()}`, { accept: 'text/csv, application/problem+json' });
          if (!r.ok) throw new ApiError(await problemOf(r, { missingIs404: true }));
          downloadBlob(await r.blob(), `autochec-audit-${isoDay(new Date())}.csv`);
        } catch (err) { chain.replaceChildren(problemBlock(err.problem || { title: String(err), errors: [] })); }
        finally { setBusy(button, false); }
      } }),
      h('button.secondary', { type: 'button', id: 'audit-verify', text: t('admin.auditVerify'), onclick: () => async(chain,
        () => json('/api/audit/verify', { missingIs404: true }),
        (r) => [message(r.valid ? 'success' : 'error', r.valid ? t('admin.chainValid', formatNumber(r.entries ?? 0))
          : t('admin.chainBroken', r.brokenAt ?? '?')), r.detail ? h('p.muted.small', { text: r.detail }) : null]) })));
  form.addEventListener('submit', (e) => { e.preventDefault(); pageNo = 0; load(); });
  load();
  return page('admin.audit', card(null, form, chain), out);
}
