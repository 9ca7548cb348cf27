// The owner's space: my vehicles, a vehicle's record with its documents (validity, upload), who consulted it,
// correction proposals, sharing a report with a buyer; notifications and preferences; claiming a vehicle.
import { t, codeLabel, formatDate, formatDateTime, currentLanguage } from '../i18n.js';
import { api, json, problemOf, enc, itemsOf, ApiError } from '../api.js';
import { h, field, card, facts, table, message, problemBlock, loading, setBusy } from '../ui.js';
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

/** One vehicle of GET /api/audit/my-vehicles: professionals' consultations (never a name), public lookups counted. */
function consultationsOf(vehicle) {
  if (!vehicle) return h('p', { text: t('owner.noConsultations') });
  const rows = (vehicle.consultations || []).map((c) => [formatDateTime(c.occurredAt), codeLabel('consultationKind', c.kind),
    c.lawEnforcement ? t('owner.lawEnforcement') : (c.organisation || t('common.none')),
    codeLabel('role', c.role), c.purpose ? codeLabel('purpose', c.purpose) : t('common.none')]);
  return h('div', {},
    rows.length ? table([t('field.date'), t('owner.consultationKind'), t('field.organisation'), t('field.role'), t('field.purpose')], rows)
      : h('p', { text: t('owner.noConsultations') }),
    h('p.muted', { text: t('owner.publicCount', vehicle.publicLookups || 0) }));
}

const samePlate = (a, b) => !!a && !!b && a.replace(/[^A-Za-z0-9]/g, '').toUpperCase() === b.replace(/[^A-Za-z0-9]/g, '').toUpperCase();

/**
 * Sharing a report with a buyer: report-service shares only a report of the owner's own check of their own
 * vehicle. So: the owner checks the vehicle (POST /api/checks), the report is issued (its id comes with the PDF,
 * header X-Report-Id), then POST /api/reports/{reportId}/shares {days} → {token, url, expiresAt}; the report's
 * links are listed (GET …/shares) and revoked (DELETE …/shares/{token}).
 */
function shareCard(vehicle) {
  const key = `autochec.report.${vehicle.id || vehicle.plate}`;
  const days = h('input', { type: 'number', id: 'share-days', name: 'days', min: '1', max: '30', value: '7', required: true });
  const link = h('div', { id: 'share-link' });
  const links = h('div', { id: 'share-links' });
  const loadLinks = (reportId) => {
    if (!reportId) { links.replaceChildren(); return; }
    async(links, () => json(`/api/reports/${enc(reportId)}/shares`), (list) => {
      const items = itemsOf(list);
      if (!items.length) return h('p.muted', { text: t('owner.shareNone') });
      return table([t('owner.shareLink'), t('field.status'), ''], items.map((x) => [
        h('a', { href: x.url, text: x.url.replace(/^https?:\/\/[^/]+/, '').slice(0, 40) + '…', target: '_blank', rel: 'noopener' }),
        `${x.open ? t('owner.shareOpen') : t('owner.shareClosed')} · ${x.revokedAt ? codeLabel('status', 'REVOKED') : t('owner.shareExpires', formatDateTime(x.expiresAt))}`,
        x.open ? h('button.link', { type: 'button', text: t('owner.shareRevoke'), onclick: async (e) => {
          setBusy(e.currentTarget, true);
          await json(`/api/reports/${enc(reportId)}/shares/${enc(x.token)}`, { method: 'DELETE' }).catch(() => {});
          loadLinks(reportId);
        } }) : '']), { caption: t('owner.shareLinks') });
    });
  };
  const c = actionForm('share-form', t('owner.share'), [field(t('field.days'), days)], t('owner.shareCheck'), async () => {
    link.replaceChildren(h('p.muted', { role: 'status', text: t('owner.shareWait') }));
    const reportId = await ownReport(vehicle);
    localStorage.setItem(key, reportId);
    const share = await json(`/api/reports/${enc(reportId)}/shares`, { method: 'POST', json: { days: Number(days.value) } });
    link.replaceChildren(field(t('owner.shareLink'), h('input', { readonly: true, value: share.url, id: 'share-url' })));
    loadLinks(reportId);
    return `${codeLabel('status', 'ACTIVE')} — ${t('owner.shareExpires', formatDateTime(share.expiresAt))}`;
  }, t('owner.shareLead'));
  c.append(link, links);
  loadLinks(localStorage.getItem(key));
  return c;
}

/** The id of a report of the owner's own check of this vehicle: a new check, its report waited for (issued asynchronously). */
async function ownReport(vehicle) {
  const check = await json('/api/checks', { method: 'POST', json: { plate: vehicle.plate } });
  for (let attempt = 0; attempt < 45; attempt++) {
    const response = await api(`/api/checks/${enc(check.id)}/report`, { accept: 'application/pdf, application/problem+json' });
    if (response.ok && response.headers.get('X-Report-Id')) return response.headers.get('X-Report-Id');
    if (response.status !== 404) throw new ApiError(await problemOf(response));
    await new Promise((r) => setTimeout(r, 1000));
  }
  throw new ApiError({ title: t('owner.shareNotReady'), errors: [] });
}

export function vehicleScreen({ param }) {
  const body = h('div', { id: 'vehicle-detail' });
  const title = h('h1', { id: 'page-title', text: t('result.vehicle') });
  async(body, async () => {
    let vehicle;
    if (/^[0-9a-f-]{20,}$/i.test(param)) vehicle = await json(`/api/vehicles/${enc(param)}`);
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
      (r) => consultationsOf((r.vehicles || []).find((x) => x.vehicleId === v.id || samePlate(x.plate, v.plate))));
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
    const en = currentLanguage() === 'en';
    return h('ul.notifications', {}, items.map((n) => h(`li.card.${n.read ? 'read' : 'unread'}`, { dataset: { id: n.id, kind: n.kind } },
      h('strong', { text: (en ? n.titleEn : n.titleFr) || n.titleFr || codeLabel('notification', n.kind) }),
      n.plate ? h('span.plate', { text: n.plate }) : null,
      h('p', { text: (en ? n.bodyEn : n.bodyFr) || n.bodyFr || '' }),
      h('p.muted.small', {}, formatDateTime(n.createdAt), n.read ? '' : ` · ${t('owner.unread')}`),
      n.read || !n.id ? null : h('button.link', { type: 'button', text: t('owner.markRead'), onclick: async () => {
        await json(`/api/me/notifications/${enc(n.id)}/read`, { method: 'POST' }).catch(() => {});
        load();
      } }))));
  });
  load();
  const prefs = h('div', { id: 'preferences' });
  async(prefs, () => json('/api/me/notification-preferences', { missingIs404: true }), (p) => {
    const inApp = h('input', { type: 'checkbox', id: 'pref-inapp', checked: p.inApp !== false });
    const email = h('input', { type: 'checkbox', id: 'pref-email', checked: !!p.email });
    return actionForm('preferences-form', null, [
      h('div.checkbox', {}, inApp, h('label', { for: 'pref-inapp', text: t('owner.prefInApp') })),
      h('div.checkbox', {}, email, h('label', { for: 'pref-email', text: t('owner.prefEmail') })),
    ], t('owner.prefSave'), async () => {
      await json('/api/me/notification-preferences', { method: 'PUT', json: { inApp: inApp.checked, email: email.checked } });
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
      items.map((p) => [formatDateTime(p.createdAt), p.plate, codeLabel('proposalField', p.field), String(p.proposed ?? ''),
        codeLabel('status', p.status)]), { caption: t('owner.proposals') });
  });
  return h('div', {}, h('h1', { id: 'page-title', text: t('owner.proposals') }), box,
    proposalForm('proposal-form', { owner: role !== 'agent' }));
}

export function claimScreen() {
  const plate = h('input', { id: 'claim-plate', name: 'plate', required: true, maxlength: '20', autocapitalize: 'characters', autocomplete: 'off' });
  const vin = h('input', { id: 'claim-vin', name: 'vinLast4', required: true, minlength: '4', maxlength: '17', autocapitalize: 'characters', autocomplete: 'off' });
  const certificate = h('input', { id: 'claim-certificate', name: 'certificateNumber', required: true, minlength: '6', maxlength: '30', autocapitalize: 'characters', autocomplete: 'off' });
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
      // auth-service takes {plate, vinLast4, certificateNumber}: the VIN's last 4 characters, even when all 17 are typed.
      const body = { plate: plate.value.trim(), vinLast4: typed.slice(-4), certificateNumber: certificate.value.trim() };
      const claim = await json('/api/accounts/claims', { method: 'POST', json: body, missingIs404: true });
      f.reset();
      loadClaims();
      return t('owner.claimDone', codeLabel('status', claim && claim.status));
    }, t('owner.claimLead'));
  return h('div', {}, h('h1', { id: 'page-title', text: t('owner.claim') }), form, card(t('owner.claims'), claims));
}
