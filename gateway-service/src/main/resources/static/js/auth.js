// Log-in: OAuth 2.0 Authorization Code + PKCE (S256) against Keycloak with the public client named by
// /config.json (autochec-web). Tokens live in sessionStorage (this tab only) and go out as bearer tokens.
// The role is read from the access token's flat "roles" claim (admin > agent > owner); the services decide
// what each role may see, the screens only choose what to offer.
import { currentLanguage } from './i18n.js';

const store = window.sessionStorage;
let config = null;

export function setConfig(c) { config = c; }
export function getConfig() { return config; }

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

/** Goes to Keycloak's login (or registration) page in the page's language; comes back to the same screen. */
export async function login({ register = false } = {}) {
  const verifier = randomString(48);
  const state = randomString(16);
  store.setItem('pkce.verifier', verifier);
  store.setItem('pkce.state', state);
  store.setItem('pkce.return', window.location.hash || '#/');
  const params = new URLSearchParams({
    client_id: config.clientId,
    redirect_uri: redirectUri(),
    response_type: 'code',
    scope: 'openid',
    state,
    code_challenge: await challengeFor(verifier),
    code_challenge_method: 'S256',
    ui_locales: currentLanguage(),
  });
  window.location.assign(`${register ? oidc('registrations') : oidc('auth')}?${params}`);
}

async function tokenRequest(form) {
  const response = await fetch(oidc('token'), {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(form),
  });
  if (!response.ok) throw new Error(`Keycloak ${response.status}`);
  const tokens = await response.json();
  store.setItem('token.access', tokens.access_token);
  if (tokens.refresh_token) store.setItem('token.refresh', tokens.refresh_token);
  if (tokens.id_token) store.setItem('token.id', tokens.id_token);
}

/** After Keycloak's redirect: exchanges the code; returns an error text, or null. */
export async function completeLogin() {
  const url = new URL(window.location.href);
  const code = url.searchParams.get('code');
  const error = url.searchParams.get('error');
  if (!code && !error) return null;
  const state = url.searchParams.get('state');
  const expected = store.getItem('pkce.state');
  const verifier = store.getItem('pkce.verifier');
  const back = store.getItem('pkce.return') || '#/';
  ['pkce.state', 'pkce.verifier', 'pkce.return'].forEach((k) => store.removeItem(k));
  window.history.replaceState(null, '', '/' + back);
  if (error) return url.searchParams.get('error_description') || error;
  if (!state || state !== expected || !verifier) return 'state';
  try {
    await tokenRequest({
      grant_type: 'authorization_code', client_id: config.clientId, code,
      redirect_uri: redirectUri(), code_verifier: verifier,
    });
    return null;
  } catch (e) {
    return e.message;
  }
}

export function claims(token = store.getItem('token.access')) {
  if (!token) return null;
  try {
    const payload = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    const json = decodeURIComponent(Array.from(atob(payload), (c) => '%' + c.charCodeAt(0).toString(16).padStart(2, '0')).join(''));
    return JSON.parse(json);
  } catch (e) {
    return null;
  }
}

export function role(c = claims()) {
  const roles = (c && Array.isArray(c.roles)) ? c.roles : [];
  return ['admin', 'agent', 'owner'].find((r) => roles.includes(r)) || (c ? 'user' : 'public');
}

export function signOutLocally() {
  ['token.access', 'token.refresh', 'token.id'].forEach((k) => store.removeItem(k));
}

export function logout() {
  const idToken = store.getItem('token.id');
  signOutLocally();
  const params = new URLSearchParams({ client_id: config.clientId, post_logout_redirect_uri: redirectUri() });
  if (idToken) params.set('id_token_hint', idToken);
  window.location.assign(`${oidc('logout')}?${params}`);
}

let onExpired = () => {};
export function onSessionExpired(fn) { onExpired = fn; }

/** A valid access token, refreshed when about to expire; null when logged out. */
export async function accessToken() {
  const token = store.getItem('token.access');
  if (!token) return null;
  const c = claims(token);
  if (c && c.exp && c.exp * 1000 > Date.now() + 15000) return token;
  const refresh = store.getItem('token.refresh');
  if (!refresh) { signOutLocally(); onExpired(); return null; }
  try {
    await tokenRequest({ grant_type: 'refresh_token', client_id: config.clientId, refresh_token: refresh });
    return store.getItem('token.access');
  } catch (e) {
    if (!navigator.onLine) return token;   // offline: keep the session, the queue sends later
    signOutLocally();
    onExpired();
    return null;
  }
}
