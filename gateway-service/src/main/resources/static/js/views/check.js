// The check screen — public landing and agent's roadside check alike: typed plate or photo (file input with
// capture="environment", or the camera with a plate guide), agent's purpose / observed make and colour /
// location / VIN, live progress (server-sent events, polling when they are unavailable), confirmation
// among candidates, the result card, report download and share, and the offline queue.
import { t, codeLabel, codes, formatDate, formatDateTime, reasonText, reasonDetail } from '../i18n.js';
import { api, json, problemOf, ApiError, enc } from '../api.js';
import { accessToken, getConfig, login } from '../auth.js';
import { h, field, select, facts, problemBlock, setBusy, downloadBlob, message, uid } from '../ui.js';
import * as queue from '../offline.js';

const MAX_PHOTO = 10 * 1024 * 1024;
const STAFF = (role) => role === 'agent' || role === 'admin';

export function checkScreen({ role, landing, query }) {
  const staff = STAFF(role);
  const root = h('div.check-screen');
  const result = h('section.card.result', { id: 'result', hidden: true, 'aria-live': 'polite', tabindex: '-1' });
  const errorBox = h('div', { id: 'error', hidden: true });
  let current = null;   // the check on screen
  let stream = null;    // the progress reader

  // ----- agent context: purpose, observed, location -----
  const purpose = select('purpose', codes('purpose').map((c) => [c, codeLabel('purpose', c)]),
    { required: staff, placeholder: t('check.purposeChoose'), value: sessionStorage.getItem('check.purpose') || '' });
  purpose.id = 'purpose';
  const purposeText = h('input', { id: 'purpose-text', name: 'purposeText', maxlength: '200', autocomplete: 'off' });
  const purposeTextField = field(t('check.purposeText'), purposeText);
  purposeTextField.hidden = purpose.value !== 'OTHER';
  purpose.addEventListener('change', () => {
    purposeTextField.hidden = purpose.value !== 'OTHER';
    purposeText.required = purpose.value === 'OTHER';
    sessionStorage.setItem('check.purpose', purpose.value);
  });
  const observedMake = h('input', { id: 'observed-make', name: 'observedMake', maxlength: '40', autocomplete: 'off' });
  const observedColour = h('input', { id: 'observed-colour', name: 'observedColour', maxlength: '40', autocomplete: 'off' });
  const locate = h('input', { type: 'checkbox', id: 'locate' });
  const locateStatus = h('span.muted.small', { role: 'status' });
  let location = null;
  locate.addEventListener('change', () => {
    location = null;
    locateStatus.textContent = '';
    if (!locate.checked) return;
    if (!navigator.geolocation) { locateStatus.textContent = t('check.locationFailed'); return; }
    navigator.geolocation.getCurrentPosition((pos) => {
      location = { lat: Number(pos.coords.latitude.toFixed(5)), lon: Number(pos.coords.longitude.toFixed(5)) };
      locateStatus.textContent = t('check.locationOk', location.lat, location.lon);
    }, () => { locateStatus.textContent = t('check.locationFailed'); locate.checked = false; }, { timeout: 10000, maximumAge: 60000 });
  });
  const vin = h('input', { id: 'vin', name: 'vin', maxlength: '17', minlength: '17', autocomplete: 'off', autocapitalize: 'characters', spellcheck: 'false' });
  // A photo of the VIN (stamped on the body, or under the windscreen), sent as the check's "vinPhoto" part (agents
  // and admins; config.json's vinPhoto flag can hide it).
  const vinPhoto = staff && (getConfig() || {}).vinPhoto
    ? h('input', { type: 'file', id: 'vin-photo', name: 'vinPhoto', accept: 'image/jpeg,image/png,image/webp', capture: 'environment' }) : null;

  const context = staff ? h('fieldset.context', {},
    h('legend', { text: t('check.context') }),
    field(t('check.purpose'), purpose),
    purposeTextField,
    h('details.observed', {},
      h('summary', { text: t('check.observed') }),
      h('div.grid2', {}, field(t('check.observedMake'), observedMake), field(t('check.observedColour'), observedColour)),
      h('div.checkbox', {}, locate, h('label', { for: 'locate', text: t('check.location') }), ' ', locateStatus),
      field(t('check.vin'), vin),
      vinPhoto ? field(t('check.vinPhoto'), vinPhoto, t('check.vinPhotoHint')) : null)) : null;

  function contextOf() {
    if (!staff) return {};
    const c = { purpose: purpose.value };
    if (purpose.value === 'OTHER') c.purposeText = purposeText.value.trim();
    const make = observedMake.value.trim();
    const colour = observedColour.value.trim();
    if (make || colour) c.observed = { ...(make ? { make } : {}), ...(colour ? { colour } : {}) };
    if (location) c.location = location;
    const typedVin = vin.value.trim().toUpperCase();
    if (typedVin) c.vin = typedVin;
    if (vinPhoto && vinPhoto.files[0]) { c.vinPhoto = vinPhoto.files[0]; c.vinPhotoName = vinPhoto.files[0].name || 'vin.jpg'; }
    return c;
  }

  function contextValid() {
    if (!staff) return true;
    if (!purpose.value) { showProblem({ title: t('check.purposeRequired'), errors: [] }); purpose.focus(); return false; }
    if (purpose.value === 'OTHER' && !purposeText.value.trim()) { purposeText.focus(); showProblem({ title: t('check.purposeTextRequired'), errors: [] }); return false; }
    return true;
  }

  // ----- typed -----
  const plate = h('input', { id: 'plate', name: 'plate', placeholder: 'AB-123-CD', maxlength: '20', required: true,
    autocomplete: 'off', autocapitalize: 'characters', spellcheck: 'false', inputmode: 'text' });
  const typedForm = h('form.typed', { id: 'typed-form', autocomplete: 'off' },
    h('h2', { text: t('check.typed') }),
    field(t('check.plate'), plate, t('check.plateHint')),
    h('button.primary', { type: 'submit', id: 'typed-submit', text: t('check.submit') }));
  typedForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (!contextValid()) return;
    const value = plate.value.trim();
    if (!value) { plate.focus(); return; }
    clear();
    const button = typedForm.querySelector('button[type=submit]');
    const item = { kind: 'typed', plate: value, ...contextOf(), capturedAt: new Date().toISOString() };
    setBusy(button, true);
    try {
      if (!navigator.onLine) { await queueIt(item); return; }
      const check = await sendTyped(item, false);
      show(check);
    } catch (e) {
      if (e.problem && e.problem.network) await queueIt(item); else showProblem(e.problem || { title: String(e), errors: [] });
    } finally { setBusy(button, false); }
  });

  // ----- photo -----
  const photo = h('input', { type: 'file', id: 'photo', name: 'photo', accept: 'image/jpeg,image/png,image/webp', capture: 'environment' });
  const preview = h('img.preview', { id: 'photo-preview', alt: t('check.preview'), hidden: true });
  let photoBlob = null;
  function setPhoto(blob) {
    photoBlob = blob;
    if (preview.src) URL.revokeObjectURL(preview.src);
    preview.hidden = !blob;
    if (blob) preview.src = URL.createObjectURL(blob);
  }
  photo.addEventListener('change', () => setPhoto(photo.files[0] || null));
  const camera = cameraPanel((blob) => setPhoto(blob));
  const photoForm = h('form.photo', { id: 'photo-form' },
    h('h2', { text: t('check.photo') }),
    field(t('check.photoLabel'), photo),
    navigator.mediaDevices && navigator.mediaDevices.getUserMedia ? camera.open : null,
    camera.panel,
    preview,
    h('button.primary', { type: 'submit', id: 'photo-submit', text: t('check.photoSubmit') }));
  photoForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (!photoBlob) { photo.focus(); return; }
    if (!contextValid()) return;
    clear();
    if (photoBlob.size > MAX_PHOTO) { showProblem({ title: t('check.photoTooLarge'), errors: [] }); return; }
    const button = photoForm.querySelector('button[type=submit]');
    const item = { kind: 'photo', photo: photoBlob, photoName: photoBlob.name || 'plaque.jpg', ...contextOf(), capturedAt: new Date().toISOString() };
    setBusy(button, true);
    try {
      if (!navigator.onLine) { await queueIt(item); return; }
      const accepted = await sendPhoto(item, false);
      show({ status: 'PENDING', source: 'PHOTO', ...accepted });
    } catch (e) {
      if (e.problem && e.problem.network) await queueIt(item); else showProblem(e.problem || { title: String(e), errors: [] });
    } finally { setBusy(button, false); }
  });

  // ----- sending (also used by the queue) -----
  async function queueIt(item) {
    await queue.enqueue(item);
    errorBox.hidden = false;
    errorBox.replaceChildren(message('info', t('check.queued')));
  }

  // ----- result -----
  function clear() {
    errorBox.hidden = true;
    result.hidden = true;
    if (stream) { stream.abort(); stream = null; }
  }

  function showProblem(problem) {
    errorBox.hidden = false;
    errorBox.replaceChildren(problemBlock(problem));
  }

  function show(check) {
    const first = !current || (current.id || current.checkId) !== (check.id || check.checkId) || result.hidden;
    current = check;
    errorBox.hidden = true;
    result.hidden = false;
    result.replaceChildren(...renderCheck(check, { role, onConfirm: confirm, onReport: downloadReport }));
    const status = check.status || (check.verdict ? 'COMPLETED' : 'PENDING');
    if (status === 'COMPLETED' || check.verdict) queue.recordHistory(check);
    if (first) result.focus({ preventScroll: false });
    if ((status === 'PENDING' || ['RECEIVED', 'READING', 'VERIFYING'].includes(status)) && (check.id || check.checkId)) follow(check.id || check.checkId);
  }

  function follow(id) {
    if (stream) stream.abort();
    stream = followCheck(id, (stage, check) => {
      if (!current || (current.id || current.checkId) !== id) return;
      if (check) { show({ ...check, stage }); return; }
      current = { ...current, stage };
      result.replaceChildren(...renderCheck(current, { role, onConfirm: confirm, onReport: downloadReport }));
    }, (problem) => showProblem(problem));
  }

  async function confirm(id, chosen) {
    try {
      const check = await json(`/api/checks/${enc(id)}/confirm`, { method: 'POST', json: { plate: chosen }, missingIs404: false });
      show(check || { id, status: 'PENDING' });
    } catch (e) { showProblem(e.problem || { title: String(e), errors: [] }); }
  }

  async function downloadReport(id, share, statusEl) {
    statusEl.textContent = t('result.reportWait');
    const response = await api(`/api/checks/${enc(id)}/report`, { accept: 'application/pdf, application/problem+json' }).catch((e) => e);
    if (response instanceof ApiError) { statusEl.textContent = response.problem.title; return; }
    if (!response.ok) {
      const problem = await problemOf(response);
      statusEl.textContent = response.status === 404 ? t('result.reportNotReady') : `${problem.title} ${problem.detail || ''}`;
      return;
    }
    const blob = await response.blob();
    const name = `autochec-rapport-${id}.pdf`;
    if (share && navigator.canShare) {
      const file = new File([blob], name, { type: 'application/pdf' });
      if (navigator.canShare({ files: [file] })) { await navigator.share({ files: [file], title: name }).catch(() => {}); statusEl.textContent = ''; return; }
    }
    downloadBlob(blob, name);
    statusEl.textContent = t('result.reportDone');
  }

  const intro = landing ? h('section.hero', {},
    h('h1', { id: 'page-title', text: t('landing.h1') }),
    h('p.lead', { text: t('landing.lead') }),
    h('ul.checks-list', {}, h('li', { text: t('landing.what1') }), h('li', { text: t('landing.what2') }), h('li', { text: t('landing.what3') })),
    h('p.muted', { text: t('landing.who') }),
    h('div.cta', {},
      h('a.button.primary', { href: '#photo-form', onclick: (e) => { e.preventDefault(); photo.focus(); }, text: t('check.photo') }),
      h('a.button.secondary', { href: '#typed-form', onclick: (e) => { e.preventDefault(); plate.focus(); }, text: t('check.typed') })),
    role === 'public' ? h('p.register', {}, h('button.link', { type: 'button', id: 'register', onclick: () => login({ register: true }), text: t('auth.register') }),
      ' ', h('span.muted', { text: t('landing.register') })) : null)
    : h('h1', { id: 'page-title', text: t('nav.check') });

  root.append(...[intro,
    h('section.card.forms', {}, context, h('div.forms-grid', {}, typedForm, photoForm)),
    errorBox, result, queueCard(),
    landing ? h('p.verify-link', {}, h('a', { href: '#/verifier', text: t('landing.verifyLink') })) : null].filter(Boolean));
  const reopen = query && query.get('id');
  if (reopen) json(`/api/checks/${enc(reopen)}`).then(show).catch((e) => showProblem(e.problem || { title: String(e), errors: [] }));
  return root;
}

// ---------- sending ----------

export async function sendTyped(item, queued) {
  let response;
  if (item.vinPhoto) {
    // with a photo of the VIN: the same check as multipart, the typed plate as its "plate" part
    const form = new FormData();
    form.append('plate', item.plate);
    contextParts(form, item, queued);
    response = await api('/api/checks', { method: 'POST', body: form });
  } else {
    const body = { plate: item.plate };
    ['purpose', 'purposeText', 'observed', 'vin', 'location'].forEach((k) => { if (item[k]) body[k] = item[k]; });
    if (queued) body.capturedAt = item.capturedAt;
    response = await api('/api/checks', { method: 'POST', json: body });
  }
  if (!response.ok) {
    // An unknown plate is still a check (audited, with its verdict): the service answers it with a 404.
    const answer = await response.clone().json().catch(() => null);
    if (answer && answer.verdict && (answer.id || answer.plate)) return answer;
    throw new ApiError(await problemOf(response));
  }
  return response.json();
}

export async function sendPhoto(item, queued) {
  const config = getConfig();
  const form = new FormData();
  form.append(config.photoField || 'photo', item.photo, item.photoName || 'plaque.jpg');
  contextParts(form, item, queued);
  const response = await api(config.photoCheckPath || '/api/checks', { method: 'POST', body: form });
  if (!response.ok) throw new ApiError(await problemOf(response));
  return response.json();
}

/**
 * verification-service's multipart parts besides the plate or its photo: purpose, purposeText, observedMake,
 * observedColour, vin, lat, lon, vinPhoto (the VIN's photo, when the flag offers it) and, for a queued check,
 * capturedAt (when it was made).
 */
function contextParts(form, item, queued) {
  if (item.purpose) form.append('purpose', item.purpose);
  if (item.purposeText) form.append('purposeText', item.purposeText);
  if (item.observed && item.observed.make) form.append('observedMake', item.observed.make);
  if (item.observed && item.observed.colour) form.append('observedColour', item.observed.colour);
  if (item.vin) form.append('vin', item.vin);
  if (item.location) { form.append('lat', item.location.lat); form.append('lon', item.location.lon); }
  if (item.vinPhoto) form.append('vinPhoto', item.vinPhoto, item.vinPhotoName || 'vin.jpg');
  if (queued) form.append('capturedAt', item.capturedAt);
}

export function sendQueued(item) {
  return item.kind === 'photo' ? sendPhoto(item, true) : sendTyped(item, true);
}

// ---------- progress: server-sent events over fetch (bearer token), polling as fallback ----------

const FINAL = ['COMPLETED', 'NEEDS_CONFIRMATION', 'FAILED'];

export function followCheck(id, onStage, onProblem) {
  const controller = new AbortController();
  const started = Date.now();
  let done = false;
  const finish = (stage, check) => { if (FINAL.includes(stage) || (check && check.verdict && stage !== 'NEEDS_CONFIRMATION')) done = true; onStage(stage, check); };

  async function viaEvents() {
    const headers = { Accept: 'text/event-stream' };
    const token = await accessToken();
    if (token) headers.Authorization = `Bearer ${token}`;
    const response = await fetch(`/api/checks/${enc(id)}/events`, { headers, signal: controller.signal });
    if (!response.ok || !(response.headers.get('Content-Type') || '').includes('text/event-stream') || !response.body) return false;
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    while (!done) {
      const { value, done: end } = await reader.read();
      if (end) break;
      buffer += value.replace(/\r\n/g, '\n');
      let cut;
      while ((cut = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, cut);
        buffer = buffer.slice(cut + 2);
        let event = 'message';
        const data = [];
        block.split('\n').forEach((line) => {
          if (line.startsWith('event:')) event = line.slice(6).trim();
          else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
        });
        if (!data.length && event === 'message') continue;
        let payload = null;
        try { payload = JSON.parse(data.join('\n')); } catch (e) { payload = null; }
        const stage = (event !== 'message' ? event : null) || (payload && (payload.stage || payload.step || payload.status)) || 'PENDING';
        const check = payload && (payload.check || (payload.id && (payload.verdict || payload.candidates) ? payload : null));
        finish(String(stage).toUpperCase(), check);
      }
    }
    reader.cancel().catch(() => {});
    return true;
  }

  async function viaPolling() {
    while (!done && !controller.signal.aborted) {
      if (Date.now() - started > 60000) { onProblem({ title: t('result.stillReading'), errors: [] }); return; }
      await new Promise((r) => setTimeout(r, 1000));
      if (controller.signal.aborted) return;
      try {
        const check = await json(`/api/checks/${enc(id)}`, { signal: controller.signal });
        const status = check.status || (check.verdict ? 'COMPLETED' : 'PENDING');
        if (status === 'PENDING' || ['RECEIVED', 'READING', 'VERIFYING'].includes(status)) onStage(status === 'PENDING' ? 'READING' : status, null);
        else finish(status, check);
      } catch (e) {
        if (e.name === 'AbortError') return;
        if (!(e.problem && e.problem.network)) { onProblem(e.problem); return; }
      }
    }
  }

  (async () => {
    let streamed = false;
    try { streamed = await viaEvents(); } catch (e) { if (e.name === 'AbortError') return; }
    if (!done && !controller.signal.aborted) await viaPolling();
  })();
  return controller;
}

// ---------- rendering a check ----------

const STAGES = ['RECEIVED', 'READING', 'VERIFYING', 'COMPLETED'];

function progress(stage) {
  const index = Math.max(0, STAGES.indexOf(stage === 'PENDING' ? 'READING' : stage));
  return h('ol.progress', { id: 'progress', 'aria-label': t('progress.title') },
    STAGES.map((s, i) => h(`li.${i < index ? 'done' : i === index ? 'current' : 'todo'}`,
      { 'aria-current': i === index ? 'step' : null, text: t(`progress.${s}`) })));
}

function flags(check) {
  const docs = Array.isArray(check.documents) ? check.documents : [];
  const reasons = (check.reasons || []).map((r) => (typeof r === 'string' ? r : r.code));
  const docFlag = (...types) => {
    const found = docs.filter((d) => types.includes(d.type));
    if (!found.length) return null;
    return found.some((d) => d.valid);
  };
  const has = (...codes) => codes.some((c) => reasons.includes(c));
  const stolen = (check.vehicle && check.vehicle.stolen) || has('REPORTED_STOLEN');
  // From the rules' codes (docs/rules.md) first, the documents' validity when no rule spoke.
  const insured = has('INSURANCE_EXPIRED', 'INSURANCE_MISSING') ? false : has('INSURANCE_VALID', 'INSURANCE_EXPIRING_SOON') ? true
    : has('INSURANCE_UNKNOWN') ? null : docFlag('INSURANCE');
  const inspection = has('INSPECTION_EXPIRED', 'INSPECTION_MISSING', 'INSPECTION_FAILED') ? false
    : has('INSPECTION_VALID', 'INSPECTION_NOT_YET_DUE', 'INSPECTION_DUE_SOON') ? true
      : has('INSPECTION_UNKNOWN', 'INSPECTION_COUNTER_VISIT_PENDING') ? null : docFlag('INSPECTION');
  const tax = has('TAX_ANNUAL_UNPAID') ? false : has('TAX_PAID') ? true : docFlag('ROAD_TAX', 'TAX');
  const item = (label, value, good = true) => {
    const ok = value === null ? null : (value === good);
    return h(`li.flag.${ok === null ? 'unknown' : ok ? 'ok' : 'bad'}`, {},
      h('span.flag-icon', { 'aria-hidden': 'true', text: ok === null ? '?' : ok ? '✔' : '✖' }),
      `${label} : `, h('strong', { text: value === null ? t('flag.unknown') : value ? t('flag.yes') : t('flag.no') }));
  };
  return h('ul.flags', { id: 'flags' },
    item(t('flag.insured'), insured), item(t('flag.inspection'), inspection), item(t('flag.tax'), tax), item(t('flag.stolen'), !!stolen, false));
}

function vehicleFacts(vehicle) {
  if (!vehicle) return null;
  const owner = vehicle.owner && typeof vehicle.owner === 'object' ? vehicle.owner : null;
  const address = owner ? [owner.street, [owner.postalCode, owner.town].filter(Boolean).join(' ')].filter(Boolean).join(', ') : null;
  return facts([
    [t('field.plate'), vehicle.plate], [t('field.make'), vehicle.make], [t('field.model'), vehicle.model],
    [t('field.variant'), vehicle.variant], [t('field.year'), vehicle.year], [t('field.colour'), vehicle.colour],
    [t('field.category'), vehicle.category ? codeLabel('category', vehicle.category) : null],
    [t('field.fuel'), vehicle.fuel ? codeLabel('fuel', vehicle.fuel) : null],
    [t('field.firstRegistration'), vehicle.firstRegistration ? formatDate(vehicle.firstRegistration) : null],
    [t('field.vin'), vehicle.vin], [t('field.fiscalPower'), vehicle.fiscalPower], [t('field.powerKw'), vehicle.powerKw],
    [t('field.owner'), owner ? owner.name : (vehicle.ownerName || null)],
    [owner && owner.street ? t('field.ownerAddress') : t('field.ownerTown'), address || vehicle.ownerTown || null],
    [t('field.ownerEmail'), owner ? owner.email : null],
  ]);
}

export function documentLine(d) {
  const validity = d.validUntil ? (d.valid ? t('doc.validUntil', formatDate(d.validUntil)) : t('doc.invalidUntil', formatDate(d.validUntil)))
    : (d.valid ? t('doc.valid') : t('doc.invalid'));
  const status = d.status && d.status !== 'VALIDATED' ? ` · ${codeLabel('documentStatus', d.status)}` : '';
  return h(`li.${d.valid ? 'valid' : 'invalid'}`, {},
    h('span.flag-icon', { 'aria-hidden': 'true', text: d.valid ? '✔' : '✖' }),
    h('strong', { text: codeLabel('documentType', d.type) }), ` — ${validity}${status}`);
}

export function renderCheck(check, { role, onConfirm, onReport }) {
  const id = check.id || check.checkId;
  const stage = check.stage || check.status || (check.verdict ? 'COMPLETED' : 'PENDING');
  const pending = !check.verdict && !['COMPLETED', 'NEEDS_CONFIRMATION', 'FAILED'].includes(stage);
  const verdict = pending ? 'PENDING' : (stage === 'NEEDS_CONFIRMATION' ? 'NEEDS_CONFIRMATION' : check.verdict || stage);
  const out = [];
  out.push(h('div.result-head', {},
    h('span', { id: 'verdict', class: `verdict ${verdict}`, dataset: { code: verdict }, text: codeLabel('verdict', verdict) }),
    check.plate ? h('span.plate', { id: 'result-plate', text: check.plate }) : h('span', { id: 'result-plate' }),
    id ? h('span.muted.small', { id: 'check-id', text: t('result.check', id) }) : null));
  if (check.capturedAt) out.push(h('p.muted.small', { id: 'captured-at' }, h('time', { datetime: check.capturedAt, text: t('result.capturedAt', formatDateTime(check.capturedAt)) })));
  if (check.source === 'PHOTO' || pending) out.push(progress(pending ? stage : 'COMPLETED'));
  if (pending) out.push(h('p.muted', { id: 'result-detail', text: t('result.reading') }));
  else if (check.reading && check.reading.text) {
    out.push(h('p.muted', { id: 'result-detail', text: t('result.read', check.reading.text, Math.round((check.reading.confidence || 0) * 100)) }));
  }
  if (stage === 'NEEDS_CONFIRMATION' && id) out.push(confirmation(id, check, onConfirm));
  if (pending || stage === 'NEEDS_CONFIRMATION') return out;

  // Worse than INFO first and in full (with the service's message: dates, deadlines); INFO results folded.
  const reasons = (Array.isArray(check.reasons) ? check.reasons : []).map((r) => (typeof r === 'string' ? { code: r, severity: 'WARNING' } : r));
  const problems = reasons.filter((r) => (r.severity || 'INFO') !== 'INFO');
  const infos = reasons.filter((r) => (r.severity || 'INFO') === 'INFO');
  const reasonItem = (r, detail) => h(`li.${r.severity || 'INFO'}`, { dataset: { code: r.code } },
    h('span.severity', { text: codeLabel('severity', r.severity || 'INFO') }), ' ', h('strong', { text: reasonText(r) }),
    detail && reasonDetail(r) ? h('span.reason-detail.muted.small', { text: reasonDetail(r) }) : null);
  out.push(h('h3', { text: problems.length ? t('result.problems') : t('result.reasons') }));
  out.push(problems.length ? h('ul.reasons', { id: 'reasons' }, problems.map((r) => reasonItem(r, true)))
    : h('p', { id: 'reasons', text: t('result.noReasons') }));
  if (infos.length) {
    out.push(h('details.reason-details', { id: 'reason-details' }, h('summary', { text: t('result.details', infos.length) }),
      h('ul.reasons.info', {}, infos.map((r) => reasonItem(r, false)))));
  }
  if (check.vehicle || (check.documents && check.documents.length)) {
    out.push(h('h3', { text: t('result.status') }), flags(check));
  }
  if (check.vehicle) out.push(h('h3', { text: t('result.vehicle') }), h('div', { id: 'vehicle' }, vehicleFacts(check.vehicle)));
  const documents = Array.isArray(check.documents) ? check.documents : [];
  if (documents.length) out.push(h('h3', { text: t('result.documents') }), h('ul.documents', { id: 'documents' }, documents.map(documentLine)));
  if (id && STAFF(role) && onReport) {
    const status = h('span.muted.small', { id: 'report-status', role: 'status' });
    out.push(h('div.report-row', { id: 'report-row' },
      h('button.primary', { type: 'button', id: 'report', onclick: () => onReport(id, false, status), text: t('result.report') }),
      navigator.canShare ? h('button.secondary', { type: 'button', id: 'report-share', onclick: () => onReport(id, true, status), text: t('result.share') }) : null,
      status));
  }
  return out;
}

function confirmation(id, check, onConfirm) {
  // verification-service offers options {plate, confidence, origin, registered, make, model, colour}, best first.
  const candidates = check.options || check.candidates || (check.reading && check.reading.candidates) || [];
  const name = uid('candidate');
  const other = h('input', { id: 'confirm-other', maxlength: '20', autocomplete: 'off', autocapitalize: 'characters' });
  const form = h('form.confirm', { id: 'confirm-form' },
    h('fieldset', {}, h('legend', { text: t('confirm.title') }), h('p.muted', { text: t('confirm.lead') }),
      candidates.map((c, i) => {
        const value = c.plate || c.text;
        const cid = `${name}-${i}`;
        const registered = c.registered === undefined ? '' : ` · ${c.registered ? t('confirm.registered') : t('confirm.notRegistered')}`;
        const vehicle = [c.make, c.model, c.colour].filter(Boolean).join(' ');
        return h('div.radio', {}, h('input', { type: 'radio', name, id: cid, value, checked: i === 0 }),
          h('label', { for: cid }, h('span.plate', { text: value }), ` ${Math.round((c.confidence || c.score || 0) * 100)} %${registered}`,
            vehicle ? h('span.muted.small', { text: ` · ${vehicle}` }) : null));
      }),
      field(t('confirm.other'), other)),
    h('button.primary', { type: 'submit', text: t('confirm.button') }));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const typed = other.value.trim();
    const picked = form.querySelector(`input[name="${name}"]:checked`);
    const chosen = typed || (picked && picked.value);
    if (chosen) onConfirm(id, chosen);
  });
  return form;
}

// ---------- the camera with a plate guide ----------

function cameraPanel(onCapture) {
  const video = h('video', { playsinline: true, muted: true, autoplay: true, 'aria-label': t('check.cameraGuide') });
  const guide = h('div.plate-guide', { 'aria-hidden': 'true' });
  const panel = h('div.camera', { hidden: true }, h('div.camera-frame', {}, video, guide),
    h('p.muted.small', { text: t('check.cameraGuide') }));
  let streamRef = null;
  const stop = () => { if (streamRef) streamRef.getTracks().forEach((tr) => tr.stop()); streamRef = null; panel.hidden = true; open.hidden = false; };
  const capture = h('button.primary', { type: 'button', text: t('check.capture'), onclick: () => {
    const canvas = document.createElement('canvas');
    canvas.width = video.videoWidth; canvas.height = video.videoHeight;
    canvas.getContext('2d').drawImage(video, 0, 0);
    canvas.toBlob((blob) => { if (blob) { blob.name = 'plaque.jpg'; onCapture(blob); } stop(); }, 'image/jpeg', 0.9);
  } });
  const close = h('button.secondary', { type: 'button', text: t('check.cameraClose'), onclick: stop });
  panel.append(h('div.row', {}, capture, close));
  const open = h('button.secondary', { type: 'button', id: 'camera-open', text: t('check.camera'), onclick: async () => {
    try {
      streamRef = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment', width: { ideal: 1920 } }, audio: false });
      video.srcObject = streamRef;
      panel.hidden = false; open.hidden = true;
      capture.focus();
    } catch (e) { open.disabled = true; open.textContent = `${t('check.camera')} — ${t('unavailable.title').toLowerCase()}`; }
  } });
  window.addEventListener('hashchange', stop, { once: true });
  return { open, panel };
}

// ---------- the visible offline queue ----------

export function queueCard() {
  const list = h('ul.queue', { id: 'queue-list' });
  const count = h('span.badge', { id: 'queue-count' });
  const section = h('section.card.queue-card', { id: 'queue', hidden: true },
    h('h2', {}, t('queue.title'), ' ', count), h('p.muted.small', { text: t('queue.lead') }), list,
    h('button.secondary', { type: 'button', id: 'queue-send', onclick: () => window.dispatchEvent(new Event('autochec:flush')), text: t('queue.send') }));
  const render = (items) => {
    section.hidden = items.length === 0;
    count.textContent = t('queue.count', items.length);
    list.replaceChildren(...items.map((item) => h('li', { dataset: { id: item.id } },
      h('span', { text: item.kind === 'photo' ? t('queue.photoItem') : t('queue.typed', item.plate) }), ' · ',
      h('time', { datetime: item.capturedAt, text: formatDateTime(item.capturedAt) }),
      item.purpose ? ` · ${codeLabel('purpose', item.purpose)}` : '',
      ' ', h('button.link', { type: 'button', text: t('queue.remove'), onclick: () => queue.remove(item.id) }))));
  };
  queue.list().then(render).catch(() => {});
  const off = queue.onQueueChange(render);
  window.addEventListener('hashchange', off, { once: true });
  return section;
}
