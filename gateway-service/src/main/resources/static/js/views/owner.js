// The owner's space: my vehicles, a vehicle's record with its documents (validity, upload), who consulted it,
// correction proposals, sharing a report with a buyer; notifications and preferences; claiming a vehicle.
import { t, codeLabel, formatDate, formatDateTime } from '../i18n.js';
import { json, enc, itemsOf } from '../api.js';
import { h, field, card, facts, table, message, problemBlock, loading } from '../ui.js';
import { documentUploadForm, proposalForm, actionForm } from './agent.js';

/** Fills box with render(data) once load() answers, or with the problem ("service indisponible" on 404/503). */
export function async(box, load, render) {
  box.replaceChildren(loading());
  load().then((data) => box.replaceChildren(...[].concat(render(data)).filter(Boolean)))
    .catch((e) => box.replaceChildren(problemBlock(e.problem || { title: String(e.message || e), errors: [] })));
  return box;
}

const mine = () => json('/api/vehicles/mine', { missingIs404: true });

function vehicleTitle(v) {
  return [v.make, v.model, v.variant].filter(Boolean).join(' ');
}

export function vehiclesScreen() {
  const list = h('div', { id: 'my-vehicles' });
  async(list, mine, (body) => {
    const items = itemsOf(body);
    if (!items.length) return [h('p', { text: t('owner.noVehicles') }), h('a.button.primary', { href: '#/revendiquer', text: t('owner.claimCta') })];
    return h('ul.vehicle-list', {}, items.map((v) => h('li.card.vehicle-card', {},
      h('span.plate', { text: v.plate }), h('strong', { text: vehicleTitle(v) }),
      h('span.muted', { text: [v.year, v.colour, v.fuel ? codeLabel('fuel', v.fuel) : null].filter(Boolean).join(' · ') }),
      h('a.button.secondary', { href: `#/vehicule/${enc(v.id || v.plate)}`, text: t('owner.details'), 'aria-label': `${t('owner.details')} ${v.plate}` }))));
  });
  return h('div', {}, h('h1', { id: 'page-title', text: t('owner.vehicles') }), list,
    h('p', {}, h('a', { href: '#/revendiquer', text: t('owner.claimCta') })));
}

function documentsTable(documents) {
  if (!documents.length) return h('p', { text: t('owner.noDocuments') });
  return table([t('field.type'), t('field.status'), t('field.validFrom'), t('field.validUntil'), t('field.reference')],
    documents.map((d) => [codeLabel('documentType', d.type), h('span', { class: `status ${d.status}`, text: codeLabel('documentStatus', d.status) }),
      formatDate(d.validFrom), h('span', { class: d.validUntil && new Date(d.validUntil) < new Date() ? 'bad' : '' }, formatDate(d.validUntil)),
      d.reference || t('common.none')]), { caption: t('owner.documents') });
}

function consultationsOf(vehicle) {
  if (!vehicle) return h('p', { text: t('owner.noConsultations') });
  const rows = (vehicle.consultations || []).map((c) => [formatDateTime(c.occurredAt),
    c.organisation || (c.lawEnforcement ? t('owner.lawEnforcement') : t('common.none')),
    codeLabel('role', c.role), c.purpose ? codeLabel('purpose', c.purpose) : t('common.none')]);
  return h('div', {},
    rows.length ? table([t('field.date'), t('field.organisation'), t('field.role'), t('field.purpose')], rows)
      : h('p', { text: t('owner.noConsultations') }),
    h('p.muted', { text: t('owner.publicCount', vehicle.publicLookups || 0) }));
}

function shareCard(vehicle) {
  const days = h('input', { type: 'number', id: 'share-days', name: 'days', min: '1', max: '30', value: '7', required: true });
  const link = h('div', { id: 'share-link' });
  const c = actionForm('share-form', t('owner.share'), [field(t('field.days'), days)], t('owner.shareCreate'), async () => {
    const share = await json('/api/reports/shares', { method: 'POST', missingIs404: true,
      json: { vehicleId: vehicle.id, plate: vehicle.plate, validDays: Number(days.value) } });
    const url = share.url || (share.token ? `${window.location.origin}/verify/shared/${share.token}` : '');
    link.replaceChildren(field(t('owner.shareLink'), h('input', { readonly: true, value: url, id: 'share-url' })),
      share.id ? h('button.secondary', { type: 'button', text: t('owner.shareRevoke'), onclick: async () => {
        await json(`/api/reports/shares/${enc(share.id)}`, { method: 'DELETE' }).catch(() => {});
        link.replaceChildren(message('info', codeLabel('status', 'REVOKED')));
      } }) : null);
    return share.expiresAt ? `${codeLabel('status', 'ACTIVE')} — ${formatDateTime(share.expiresAt)}` : codeLabel('status', 'ACTIVE');
  }, t('owner.shareLead'));
  c.append(link);
  return c;
}

export function vehicleScreen({ param }) {
  const body = h('div', { id: 'vehicle-detail' });
  const title = h('h1', { id: 'page-title', text: t('result.vehicle') });
  async(body, async () => {
    let vehicle;
    if (/^[0-9a-f-]{20,}$/i.test(param)) vehicle = await json(`/api/vehicles/${enc(param)}`, { missingIs404: true });
    else vehicle = itemsOf(await mine()).find((v) => v.plate === param);
    return vehicle;
  }, (v) => {
    if (!v) return message('error', t('common.notFound'));
    title.replaceChildren(h('span.plate', { text: v.plate }), ' ', vehicleTitle(v));
    const docs = h('div', { id: 'vehicle-documents' });
    async(docs, () => json(`/api/documents?${new URLSearchParams(v.vin ? { vin: v.vin } : { plate: v.plate })}`, { missingIs404: true }),
      (d) => documentsTable(itemsOf(d)));
    const seen = h('div', { id: 'vehicle-consultations' });
    async(seen, () => json('/api/audit/my-vehicles', { missingIs404: true }),
      (r) => consultationsOf((r.vehicles || []).find((x) => x.plate === v.plate)));
    return [
      card(t('result.vehicle'), facts([
        [t('field.plate'), v.plate], [t('field.make'), v.make], [t('field.model'), v.model], [t('field.variant'), v.variant],
        [t('field.year'), v.year], [t('field.colour'), v.colour], [t('field.category'), v.category ? codeLabel('category', v.category) : null],
        [t('field.fuel'), v.fuel ? codeLabel('fuel', v.fuel) : null], [t('field.firstRegistration'), v.firstRegistration ? formatDate(v.firstRegistration) : null],
        [t('field.vin'), v.vin], [t('field.stolen'), v.stolen ? t('common.yes') : t('common.no')],
        [t('field.owner'), v.owner && v.owner.name], [t('field.ownerTown'), v.owner && [v.owner.postalCode, v.owner.town].filter(Boolean).join(' ')],
      ])),
      card(t('owner.documents'), docs),
      documentUploadForm('owner-upload', { plate: v.plate }),
      card(t('owner.consultations'), seen),
      proposalForm('owner-proposal', { plate: v.plate, owner: true }),
      shareCard(v),
    ];
  });
  return h('div', {}, h('p', {}, h('a', { href: '#/vehicules', text: `← ${t('owner.vehicles')}` })), title, body);
}

export function notificationsScreen() {
  const list = h('div', { id: 'notifications' });
  const load = () => async(list, () => json('/api/me/notifications', { missingIs404: true }), (body) => {
    const items = itemsOf(body);
    if (!items.length) return h('p', { text: t('owner.noNotifications') });
    return h('ul.notifications', {}, items.map((n) => h(`li.card.${n.read ? 'read' : 'unread'}`, {},
      h('strong', { text: n.title || [codeLabel('notification', n.threshold ? `EXPIRY_${n.threshold}` : n.type || n.kind), n.documentType ? codeLabel('documentType', n.documentType) : null].filter(Boolean).join(' — ') }),
      n.plate ? h('span.plate', { text: n.plate }) : null,
      h('p', { text: n.messageFr && document.documentElement.lang === 'fr' ? n.messageFr : (n.message || '') }),
      h('p.muted.small', {}, formatDateTime(n.createdAt), n.dueDate || n.validUntil ? ` · ${t('field.validUntil')} ${formatDate(n.dueDate || n.validUntil)}` : '',
        n.read ? '' : ` · ${t('owner.unread')}`),
      n.read || !n.id ? null : h('button.link', { type: 'button', text: t('owner.markRead'), onclick: async () => {
        await json(`/api/me/notifications/${enc(n.id)}/read`, { method: 'POST' }).catch(() => {});
        load();
      } }))));
  });
  load();
  const prefs = h('div', { id: 'preferences' });
  async(prefs, () => json('/api/me/notification-preferences', { missingIs404: true }), (p) => {
    const inApp = h('input', { type: 'checkbox', id: 'pref-inapp', checked: p.inApp !== false });
    const email = h('input', { type: 'checkbox', id: 'pref-email', checked: !!(p.email ?? p.emailEnabled) });
    return actionForm('preferences-form', null, [
      h('div.checkbox', {}, inApp, h('label', { for: 'pref-inapp', text: t('owner.prefInApp') })),
      h('div.checkbox', {}, email, h('label', { for: 'pref-email', text: t('owner.prefEmail') })),
    ], t('owner.prefSave'), async () => {
      await json('/api/me/notification-preferences', { method: 'PUT', json: { ...p, inApp: inApp.checked, email: email.checked } });
      return t('owner.prefSaved');
    });
  });
  return h('div', {}, h('h1', { id: 'page-title', text: t('owner.notifications') }), list, card(t('owner.preferences'), prefs));
}

export function consultationsScreen() {
  const box = h('div', { id: 'consultations' });
  async(box, () => json('/api/audit/my-vehicles', { missingIs404: true }), (r) => {
    const vehicles = r.vehicles || itemsOf(r);
    if (!vehicles.length) return h('p', { text: t('owner.noConsultations') });
    return vehicles.map((v) => card(null, h('h2', {}, h('span.plate', { text: v.plate })), consultationsOf(v)));
  });
  return h('div', {}, h('h1', { id: 'page-title', text: t('owner.consultations') }), box);
}

export function proposalsScreen({ role }) {
  const box = h('div', { id: 'my-proposals' });
  async(box, () => json('/api/proposals/mine', { missingIs404: true }), (body) => {
    const items = itemsOf(body);
    if (!items.length) return h('p', { text: t('owner.noProposals') });
    return table([t('field.date'), t('field.plate'), t('field.field'), t('field.value'), t('field.status')],
      items.map((p) => [formatDateTime(p.createdAt), p.plate, codeLabel('proposalField', p.field), String(p.value ?? p.proposedValue ?? ''),
        codeLabel('status', p.status)]), { caption: t('owner.proposals') });
  });
  return h('div', {}, h('h1', { id: 'page-title', text: t('owner.proposals') }), box,
    proposalForm('proposal-form', { owner: role !== 'agent' }));
}

export function claimScreen() {
  const plate = h('input', { id: 'claim-plate', name: 'plate', required: true, maxlength: '20', autocapitalize: 'characters', autocomplete: 'off' });
  const vin = h('input', { id: 'claim-vin', name: 'vinLast4', required: true, minlength: '4', maxlength: '17', autocapitalize: 'characters', autocomplete: 'off' });
  const certificate = h('input', { id: 'claim-certificate', name: 'certificateNumber', maxlength: '30', autocomplete: 'off' });
  const claims = h('div', { id: 'my-claims' });
  const loadClaims = () => async(claims, () => json('/api/accounts/claims', { missingIs404: true }), (body) => {
    const items = itemsOf(body);
    return items.length ? table([t('field.date'), t('field.plate'), t('field.status')],
      items.map((c) => [formatDateTime(c.createdAt), c.plate, codeLabel('status', c.status)]), { caption: t('owner.claims') }) : null;
  });
  loadClaims();
  const form = actionForm('claim-form', null, [field(t('check.plate'), plate), field(t('field.vinLast4'), vin), field(t('field.certificate'), certificate)],
    t('common.send'), async (f) => {
      const typed = vin.value.trim().toUpperCase();
      const body = { plate: plate.value.trim(), vinLast4: typed.slice(-4), certificateNumber: certificate.value.trim() || null };
      if (typed.length === 17) body.vin = typed;
      const claim = await json('/api/accounts/claims', { method: 'POST', json: body, missingIs404: true });
      f.reset();
      loadClaims();
      return t('owner.claimDone', codeLabel('status', claim && claim.status));
    }, t('owner.claimLead'));
  return h('div', {}, h('h1', { id: 'page-title', text: t('owner.claim') }), form, card(t('owner.claims'), claims));
}
