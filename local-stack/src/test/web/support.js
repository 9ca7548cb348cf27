// Shared helpers of the web client's browser tests: one headless Chromium, pages at the two sizes the
// screenshots are taken at, Keycloak log-in through the real login page, demo users' tokens for preparing data
// through the API, and a console that must stay free of errors.
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const nodeTest = require('node:test');
const { chromium } = require('playwright-core');

const BASE_URL = process.env.AUTOCHEC_BASE_URL || 'http://localhost:8080';
const KEYCLOAK_URL = process.env.KEYCLOAK_URL || 'http://localhost:8180';
const SCREENSHOTS = process.env.AUTOCHEC_SCREENSHOTS || path.resolve(__dirname, '../../../target/web-screenshots');
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1440, height: 900 };

async function launch() {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
}

/** A new context and page at phone size, French, collecting console errors and uncaught exceptions. */
async function open(browser, options = {}) {
  const context = await browser.newContext({ viewport: PHONE, locale: 'fr-FR', acceptDownloads: true, ...options });
  const page = await context.newPage();
  page.errors = [];
  page.on('pageerror', (error) => page.errors.push(`uncaught: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const url = (message.location() && message.location().url) || '';
    // An API's 4xx/5xx answer is shown by the page itself ("service indisponible", a problem block); Chromium
    // still logs "Failed to load resource" for it. Only errors of the client's own code count.
    if (url.startsWith(KEYCLOAK_URL) || page.url().startsWith(KEYCLOAK_URL)) return;   // Keycloak's own pages
    if (/Failed to load resource/.test(message.text()) && /\/api\/|\/verify\//.test(url)) return;
    page.errors.push(`console: ${message.text()} (${url})`);
  });
  return { context, page };
}

function assertNoConsoleErrors(page) {
  assert.deepEqual(page.errors, [], 'no console errors');
}

/**
 * Screenshots of the current screen at 390×844 and 1440×900 (full page), back at phone size afterwards; the screen
 * must show no raw "null", "undefined", "NaN" or "[object Object]", and on a desktop every menu entry is in view.
 */
async function shoot(page, name) {
  // a value the page failed to format shows as a bare word: never on a screen people read
  const shown = await page.evaluate(() => (document.querySelector('main') || document.body).innerText);
  assert.doesNotMatch(shown, /(^|\s)(null|undefined|NaN|\[object Object\])(\s|$)/, `${name}: a raw value on screen`);
  for (const size of [PHONE, DESKTOP]) {
    await page.setViewportSize(size);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.waitForTimeout(150);
    if (size === DESKTOP) {
      // the menu wraps rather than hiding its last entries past the edge
      const hidden = await page.evaluate(() => [...document.querySelectorAll('.nav a')]
        .filter((a) => {
          const r = a.getBoundingClientRect();
          const list = a.closest('ul').getBoundingClientRect();
          return r.width === 0 || r.left < list.left - 1 || r.right > Math.min(list.right, window.innerWidth) + 1;
        })
        .map((a) => a.textContent.trim()));
      assert.deepEqual(hidden, [], `${name}: menu entries out of view at ${size.width} px`);
    }
    await page.screenshot({ path: path.join(SCREENSHOTS, `${name}-${size.width}x${size.height}.png`), fullPage: true });
  }
  await page.setViewportSize(PHONE);
}

async function header(page) {
  // The header stays one line on a phone: its height is that of one row of controls.
  const box = await page.locator('header.bar').boundingBox();
  assert.ok(box.height < 70, `header is one line at ${page.viewportSize().width} px (height ${box.height})`);
}

/** Logs in through Keycloak's (French, themed) login page. */
async function login(page, user, password = user, { screenshot } = {}) {
  await page.click('#login');
  await page.waitForSelector('#username', { timeout: 30000 });
  assert.equal(await page.getAttribute('html', 'lang'), 'fr', 'the Keycloak login page is French');
  if (screenshot) await shoot(page, screenshot);
  await page.fill('#username', user);
  await page.fill('#password', password);
  await page.click('#kc-login');
  await signedIn(page);
}

/** Back from Keycloak with a session (the name is in the header on a desktop, in the menu on a phone). */
async function signedIn(page) {
  await page.waitForFunction(() => { const el = document.querySelector('#user-name'); return el && !el.hidden; }, null, { timeout: 30000 });
}

const tokens = new Map();
/** A demo user's access token (password grant on autochec-cli, the local stack's script client). */
async function token(user) {
  if (tokens.has(user)) return tokens.get(user);
  const response = await fetch(`${KEYCLOAK_URL}/realms/autochec/protocol/openid-connect/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'password', client_id: 'autochec-cli', username: user, password: user }),
  });
  assert.equal(response.status, 200, `token for ${user}`);
  const value = (await response.json()).access_token;
  tokens.set(user, value);
  return value;
}

/** Calls the API as a demo user (or anonymously). */
async function call(pathAndQuery, user, options = {}) {
  const headers = { Accept: 'application/json', ...(options.headers || {}) };
  if (user) headers.Authorization = `Bearer ${await token(user)}`;
  return fetch(BASE_URL + pathAndQuery, { ...options, headers });
}

/** A French SIV plate drawn in the browser (white plate, blue bands, black characters) on a blue body, as PNG bytes. */
async function platePhoto(page, text = 'AB-123-CD') {
  const dataUrl = await page.evaluate((plate) => {
    const canvas = document.createElement('canvas');
    canvas.width = 800; canvas.height = 400;
    const g = canvas.getContext('2d');
    g.fillStyle = 'rgb(40,70,160)'; g.fillRect(0, 0, 800, 400);   // AB-123-CD is a blue car
    g.fillStyle = '#fff'; g.fillRect(100, 140, 600, 130);
    g.fillStyle = 'rgb(0,51,153)'; g.fillRect(100, 140, 60, 130); g.fillRect(640, 140, 60, 130);
    g.strokeStyle = '#000'; g.lineWidth = 4; g.strokeRect(100, 140, 600, 130);
    g.fillStyle = '#000'; g.font = 'bold 84px sans-serif'; g.textAlign = 'center'; g.textBaseline = 'middle';
    g.fillText(plate, 400, 208);
    return canvas.toDataURL('image/png');
  }, text);
  return Buffer.from(dataUrl.split(',')[1], 'base64');
}

async function readDownload(download) {
  const stream = await download.createReadStream();
  const chunks = [];
  for await (const chunk of stream) chunks.push(chunk);
  return Buffer.concat(chunks);
}

/** Clicks the report button until the PDF (rendered asynchronously after the check) downloads. */
async function downloadReport(page) {
  for (let attempt = 0; attempt < 30; attempt++) {
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 2000 }).catch(() => null),
      page.click('#report'),
    ]);
    if (download) return readDownload(download);
  }
  return null;
}

async function waitForVerdict(page, timeout = 60000) {
  await page.waitForFunction(() => {
    const v = document.querySelector('#verdict');
    return v && !['PENDING'].includes(v.dataset.code);
  }, null, { timeout });
  return page.getAttribute('#verdict', 'data-code');
}

/**
 * A browser test with its own time limit (three minutes): a test that hangs fails alone and the file goes on.
 * (node --test-timeout would also limit each whole file, whose tests together may take longer.)
 */
function test(name, fn) {
  return nodeTest.test(name, { timeout: 180000 }, fn);
}

/**
 * Waits (bounded) until a service worker controls the page's scope. navigator.serviceWorker.ready never settles
 * when no registration succeeds, so this waits 20 s, says what the registration looks like, reloads once (the
 * client registers again at each start, as a returning visitor's browser would) and waits again. Returns the
 * scope, or null.
 */
async function serviceWorkerReady(page) {
  const ready = () => page.evaluate(() => Promise.race([
    navigator.serviceWorker.ready.then((registration) => registration.scope),
    new Promise((resolve) => setTimeout(() => resolve(null), 20000))]));
  let scope = await ready();
  if (!scope) {
    const state = await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.getRegistration();
      return registration ? { installing: !!registration.installing, waiting: !!registration.waiting, active: !!registration.active } : 'none';
    });
    console.log(`service worker not ready after 20 s (registration: ${JSON.stringify(state)}); reloading once`);
    await page.reload();
    await page.waitForSelector('#page-title');
    scope = await ready();
  }
  if (scope && !(await page.evaluate(() => !!navigator.serviceWorker.controller))) {
    await page.reload();   // installed after this page loaded: the next load is controlled
    await page.waitForSelector('#page-title');
  }
  return scope;
}

async function goto(page, route) {
  await page.goto(`${BASE_URL}/#${route}`);
  await page.waitForSelector('#page-title');
}

module.exports = {
  signedIn, BASE_URL, KEYCLOAK_URL, SCREENSHOTS, PHONE, DESKTOP, launch, open, assertNoConsoleErrors, shoot, header, login, token,
  call, platePhoto, downloadReport, waitForVerdict, goto, readDownload, test, serviceWorkerReady,
};
