// Calls through the gateway. Every failure becomes a "problem" the screens can show: the RFC 9457 body the
// services send, or — for 404 on an API that is not deployed, 502/503/504 and network errors — a French
// "service indisponible" instead of a crash.
import { accessToken, signOutLocally } from './auth.js';
import { t, codeLabel, codes } from './i18n.js';

export class ApiError extends Error {
  constructor(problem) { super(problem.title); this.problem = problem; }
}

export async function api(path, options = {}) {
  const headers = new Headers(options.headers || {});
  headers.set('Accept', options.accept || 'application/json, application/problem+json');
  if (options.json !== undefined) headers.set('Content-Type', 'application/json');
  const token = await accessToken();
  if (token) headers.set('Authorization', `Bearer ${token}`);
  const body = options.json !== undefined ? JSON.stringify(options.json) : options.body;
  let response;
  try {
    response = await fetch(path, { method: options.method || (body ? 'POST' : 'GET'), headers, body, signal: options.signal });
  } catch (e) {
    if (e.name === 'AbortError') throw e;
    throw new ApiError({ title: t('error.network'), detail: t('error.networkDetail'), network: true, unavailable: true, errors: [] });
  }
  if (response.status === 401 && token) signOutLocally();
  return response;
}

/**
 * The problem a failed response carries. A 502/503/504 is "service indisponible"; so is a 404 or 405 when the
 * screen calls a collection that must exist ({@code missingIs404}: the API is not deployed yet).
 */
export async function problemOf(response, { missingIs404 = false } = {}) {
  let body = null;
  try { body = await response.clone().json(); } catch (e) { /* not JSON */ }
  const isProblem = body && typeof body === 'object' && (body.type || body.title);
  const unavailable = [502, 503, 504].includes(response.status)
    || (missingIs404 && (response.status === 404 || response.status === 405 || response.status === 501));
  if (unavailable) {
    return { status: response.status, unavailable: true, title: t('unavailable.title'), detail: t('unavailable.detail'), errors: [] };
  }
  const retry = response.headers.get('Retry-After');
  const slug = isProblem && typeof body.type === 'string' ? body.type.replace(/.*\/problems\//, '') : null;
  return {
    status: response.status,
    title: slug ? problemTitle(slug, body.title || t('error.status', response.status)) : ((isProblem && body.title) || t('error.status', response.status)),
    detail: [(isProblem && body.detail) || '', retry ? t('error.retryAfter', retry) : ''].filter(Boolean).join(' '),
    errors: (isProblem && Array.isArray(body.errors)) ? body.errors : [],
    type: isProblem ? body.type : undefined,
  };
}

function problemTitle(slug, fallback) {
  return codes('problem').includes(slug) ? codeLabel('problem', slug) : fallback;
}

/** GET/POST and parse JSON; throws ApiError with the problem. */
export async function json(path, options = {}) {
  const response = await api(path, options);
  if (!response.ok) throw new ApiError(await problemOf(response, { missingIs404: options.missingIs404 }));
  if (response.status === 204) return null;
  const text = await response.text();
  return text ? JSON.parse(text) : null;
}

/** A list from either a bare array or a page object ({items}, {content}). */
export function itemsOf(body) {
  if (!body) return [];
  if (Array.isArray(body)) return body;
  return body.items || body.content || body.results || body.candidates || [];
}

export const enc = encodeURIComponent;
