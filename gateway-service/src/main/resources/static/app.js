// Autochec web client: plain JavaScript, no dependencies, no build step.
// Log-in is OAuth 2.0 Authorization Code + PKCE (S256) against Keycloak with the public client from
// /config.json; tokens live in sessionStorage (this tab only) and are sent as bearer tokens.
(() => {
  'use strict';

  const $ = (id) => document.getElementById(id);
  const store = window.sessionStorage;
  let config = null;
  let currentCheckId = null;
  let pollTimer = null;

  // ---------- OAuth 2.0 Authorization Code + PKCE ----------

  function base64Url(bytes) {
    let s = '';
    bytes.forEach((b) => { s += String.fromCharCode(b); });
    return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  }

  function randomString(size) {
    const bytes = new Uint8Array(size);
    crypto.getRandomValues(bytes);
    return base64Url(bytes);
  }

  async function challengeFor(verifier) {
    const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
    return base64Url(new Uint8Array(digest));
  }

  const redirectUri = () => window.location.origin + '/';
  const oidc = (path) => `${config.issuer}/protocol/openid-connect/${path}`;

  async function login() {
    const verifier = randomString(48);
    const state = randomString(16);
    store.setItem('pkce.verifier', verifier);
    store.setItem('pkce.state', state);
    const params = new URLSearchParams({
      client_id: config.clientId,
      redirect_uri: redirectUri(),
      response_type: 'code',
      scope: 'openid',
      state,
      code_challenge: await challengeFor(verifier),
      code_challenge_method: 'S256',
    });
    window.location.assign(`${oidc('auth')}?${params}`);
  }

  async function tokenRequest(form) {
    const response = await fetch(oidc('token'), {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(form),
    });
    if (!response.ok) throw new Error(`Keycloak refused the request (${response.status}).`);
    const tokens = await response.json();
    store.setItem('token.access', tokens.access_token);
    if (tokens.refresh_token) store.setItem('token.refresh', tokens.refresh_token);
    if (tokens.id_token) store.setItem('token.id', tokens.id_token);
  }

  async function completeLogin() {
    const url = new URL(window.location.href);
    const code = url.searchParams.get('code');
    const error = url.searchParams.get('error');
    if (!code && !error) return;
    const state = url.searchParams.get('state');
    const expected = store.getItem('pkce.state');
    const verifier = store.getItem('pkce.verifier');
    store.removeItem('pkce.state');
    store.removeItem('pkce.verifier');
    window.history.replaceState(null, '', '/');
    if (error) { notice(`Log-in failed: ${url.searchParams.get('error_description') || error}`); return; }
    if (!state || state !== expected || !verifier) { notice('Log-in failed: unexpected state. Try again.'); return; }
    try {
      await tokenRequest({
        grant_type: 'authorization_code', client_id: config.clientId, code,
        redirect_uri: redirectUri(), code_verifier: verifier,
      });
    } catch (e) {
      notice(`Log-in failed: ${e.message}`);
    }
  }

  function claims(token) {
    try {
      const payload = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
      const json = decodeURIComponent(Array.from(atob(payload), (c) => '%' + c.charCodeAt(0).toString(16).padStart(2, '0')).join(''));
      return JSON.parse(json);
    } catch (e) {
      return null;
    }
  }

  function effectiveRole(c) {
    const roles = (c && Array.isArray(c.roles)) ? c.roles : [];
    return ['admin', 'agent', 'owner'].find((r) => roles.includes(r)) || (c ? 'user' : 'public');
  }

  function signOutLocally() {
    ['token.access', 'token.refresh', 'token.id'].forEach((k) => store.removeItem(k));
  }

  function logout() {
    const idToken = store.getItem('token.id');
    signOutLocally();
    const params = new URLSearchParams({ client_id: config.clientId, post_logout_redirect_uri: redirectUri() });
    if (idToken) params.set('id_token_hint', idToken);
    window.location.assign(`${oidc('logout')}?${params}`);
  }

  /** A valid access token, refreshed when it is about to expire; null when logged out. */
  async function accessToken() {
    const token = store.getItem('token.access');
    if (!token) return null;
    const c = claims(token);
    if (c && c.exp && c.exp * 1000 > Date.now() + 15000) return token;
    const refresh = store.getItem('token.refresh');
    if (!refresh) { signOutLocally(); return null; }
    try {
      await tokenRequest({ grant_type: 'refresh_token', client_id: config.clientId, refresh_token: refresh });
      return store.getItem('token.access');
    } catch (e) {
      signOutLocally();
      renderUser();
      notice('Your session has expired. Log in again.');
      return null;
    }
  }

  function renderUser() {
    const c = claims(store.getItem('token.access') || '');
    const role = effectiveRole(c);
    $('login').hidden = !!c;
    $('logout').hidden = !c;
    $('user-name').hidden = !c;
    $('user-role').hidden = !c;
    if (c) {
      $('user-name').textContent = c.preferred_username || c.sub;
      $('user-role').textContent = c.organisation ? `${role} · ${c.organisation}` : role;
    }
    $('purpose-row').hidden = !(role === 'agent' || role === 'admin');
    document.body.dataset.role = role;
  }

  // ---------- API calls through the gateway ----------

  async function api(path, options = {}) {
    const headers = new Headers(options.headers || {});
    headers.set('Accept', options.accept || 'application/json, application/problem+json');
    const token = await accessToken();
    if (token) headers.set('Authorization', `Bearer ${token}`);
    const response = await fetch(path, { ...options, headers });
    if (response.status === 401 && token) {
      signOutLocally();
      renderUser();
    }
    return response;
  }

  async function problemOf(response) {
    let body = null;
    try { body = await response.json(); } catch (e) { /* not JSON */ }
    return {
      title: (body && body.title) || `Error ${response.status}`,
      detail: (body && body.detail) || response.statusText || 'The request failed.',
      errors: (body && Array.isArray(body.errors)) ? body.errors : [],
      retryAfter: response.headers.get('Retry-After'),
    };
  }

  function showProblem(problem) {
    $('error').hidden = false;
    $('error-title').textContent = problem.title;
    $('error-detail').textContent = problem.retryAfter
      ? `${problem.detail} (retry after ${problem.retryAfter} s)` : problem.detail;
    const list = $('error-fields');
    list.replaceChildren(...problem.errors.map((e) => li(`${e.field}: ${e.message}`)));
  }

  function clearOutput() {
    $('error').hidden = true;
    $('result').hidden = true;
    if (pollTimer) { clearTimeout(pollTimer); pollTimer = null; }
  }

  // ---------- Rendering a check ----------

  const li = (text, cls) => { const e = document.createElement('li'); e.textContent = text; if (cls) e.className = cls; return e; };
  const checkIdOf = (check) => check.checkId || check.id;
  const statusOf = (check) => check.status || (check.verdict ? 'COMPLETED' : 'PENDING');

  const VEHICLE_LABELS = {
    plate: 'Plate', make: 'Make', model: 'Model', variant: 'Variant', year: 'Year', colour: 'Colour', category: 'Category',
    fuel: 'Fuel', firstRegistration: 'First registration', vin: 'VIN', fiscalPower: 'Fiscal power',
    powerKw: 'Power (kW)', ownerName: 'Owner', ownerTown: 'Owner town', stolen: 'Reported stolen',
    insured: 'Insured', inspectionValid: 'CT valid', roadTaxPaid: 'Road tax paid',
  };

  function renderCheck(check) {
    $('error').hidden = true;
    $('result').hidden = false;
    currentCheckId = checkIdOf(check);
    const pending = statusOf(check) === 'PENDING';
    const verdict = pending ? 'PENDING' : (check.verdict || statusOf(check));
    $('verdict').textContent = verdict;
    $('verdict').className = `verdict ${verdict}`;
    $('result-plate').textContent = check.plate || (check.reading && check.reading.text) || '—';
    $('check-id').textContent = currentCheckId ? `check ${currentCheckId}` : '';
    const reading = check.reading;
    $('result-detail').textContent = pending ? 'Reading the photo…'
      : reading ? `Read from the photo: ${reading.text} (confidence ${Math.round((reading.confidence || 0) * 100)} %)` : '';

    const reasons = Array.isArray(check.reasons) ? check.reasons : [];
    $('reasons-title').hidden = reasons.length === 0;
    $('reasons').replaceChildren(...reasons.map((r) => li(typeof r === 'string' ? r : (r.message || r.code), r.severity)));

    const vehicle = check.vehicle || null;
    const facts = [];
    const fact = (label, value) => {
      const dt = document.createElement('dt');
      dt.textContent = label;
      const dd = document.createElement('dd');
      dd.textContent = typeof value === 'boolean' ? (value ? 'yes' : 'no') : String(value);
      facts.push(dt, dd);
    };
    if (vehicle) {
      Object.entries(vehicle).forEach(([key, value]) => {
        if (value === null || value === undefined || typeof value === 'object' || /id$/i.test(key)) return;
        fact(VEHICLE_LABELS[key] || key, value);
      });
      const owner = vehicle.owner;
      if (owner && typeof owner === 'object') {
        if (owner.name) fact('Owner', owner.name);
        const address = [owner.street, [owner.postalCode, owner.town].filter(Boolean).join(' ')].filter(Boolean).join(', ');
        if (address) fact(owner.street ? 'Owner address' : 'Owner town', address);
        if (owner.email) fact('Owner e-mail', owner.email);
      }
    }
    $('vehicle-title').hidden = facts.length === 0;
    $('vehicle').replaceChildren(...facts);

    const documents = Array.isArray(check.documents) ? check.documents : [];
    $('documents-title').hidden = documents.length === 0;
    $('documents').replaceChildren(...documents.map((d) => li(
      `${d.type}${d.validUntil ? (d.valid ? ` — valid until ${d.validUntil}` : ` — not valid (until ${d.validUntil})`) : (d.valid ? '' : ' — not valid')}${d.status && d.status !== 'VALIDATED' ? ` · ${d.status.toLowerCase()}` : ''}`,
      d.valid ? 'valid' : 'invalid')));

    const role = document.body.dataset.role;
    $('report-row').hidden = pending || !currentCheckId || !(role === 'agent' || role === 'admin');
    $('report-status').textContent = '';

    if (pending && currentCheckId) schedulePoll(currentCheckId, Date.now());
  }

  function schedulePoll(id, startedAt) {
    if (pollTimer) clearTimeout(pollTimer);
    pollTimer = setTimeout(async () => {
      pollTimer = null;
      if (id !== currentCheckId) return;
      if (Date.now() - startedAt > 60000) { $('result-detail').textContent = 'Still reading the photo. Try again later.'; return; }
      const response = await api(`/api/checks/${encodeURIComponent(id)}`);
      if (!response.ok) { showProblem(await problemOf(response)); return; }
      const check = await response.json();
      if (statusOf(check) === 'PENDING') schedulePoll(id, startedAt); else renderCheck(check);
    }, 500);
  }

  // ---------- Forms ----------

  async function submitting(form, action) {
    const button = form.querySelector('button[type=submit]');
    button.disabled = true;
    try { await action(); } catch (e) { showProblem({ title: 'Network error', detail: e.message, errors: [] }); }
    finally { button.disabled = false; }
  }

  $('typed-form').addEventListener('submit', (event) => {
    event.preventDefault();
    clearOutput();
    submitting(event.target, async () => {
      const body = { plate: $('plate').value.trim() };
      const purpose = $('purpose').value.trim();
      if (!$('purpose-row').hidden && purpose) body.purpose = purpose;
      const response = await api('/api/checks', {
        method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body),
      });
      if (!response.ok) { showProblem(await problemOf(response)); return; }
      renderCheck(await response.json());
    });
  });

  $('photo-form').addEventListener('submit', (event) => {
    event.preventDefault();
    clearOutput();
    const file = $('photo').files[0];
    if (!file) return;
    if (file.size > 10 * 1024 * 1024) {
      showProblem({ title: 'Photo too large', detail: 'Photos up to 10 MB are accepted.', errors: [] });
      return;
    }
    submitting(event.target, async () => {
      const form = new FormData();
      form.append(config.photoField, file);
      const purpose = $('purpose').value.trim();
      if (!$('purpose-row').hidden && purpose) form.append('purpose', purpose);
      const response = await api(config.photoCheckPath, { method: 'POST', body: form });
      if (!response.ok) { showProblem(await problemOf(response)); return; }
      const check = await response.json();
      renderCheck({ status: 'PENDING', ...check });
    });
  });

  $('report').addEventListener('click', async () => {
    if (!currentCheckId) return;
    $('report-status').textContent = 'Preparing…';
    const response = await api(`/api/checks/${encodeURIComponent(currentCheckId)}/report`, { accept: 'application/pdf, application/problem+json' });
    if (!response.ok) {
      const problem = await problemOf(response);
      $('report-status').textContent = response.status === 404 ? 'The report is not ready yet. Try again in a moment.' : `${problem.title}: ${problem.detail}`;
      return;
    }
    const blob = await response.blob();
    const url = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = `autochec-report-${currentCheckId}.pdf`;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
    $('report-status').textContent = 'Downloaded.';
  });

  function notice(text) {
    $('notice').textContent = text;
    $('notice').hidden = !text;
  }

  $('login').addEventListener('click', () => login().catch((e) => notice(`Log-in failed: ${e.message}`)));
  $('logout').addEventListener('click', logout);

  // ---------- Start ----------

  (async () => {
    const response = await fetch('/config.json');
    config = await response.json();
    await completeLogin();
    renderUser();
  })().catch((e) => notice(`The page could not start: ${e.message}`));
})();
