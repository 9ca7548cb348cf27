// The public, as a buyer uses Autochec before a purchase: French landing, typed and photo checks with a result
// card that never shows personal data, the English switch, the report verification page, the PWA's manifest.
const { before, after } = require('node:test');
const assert = require('node:assert/strict');
const s = require('./support');
const { test } = s;

let browser;
before(async () => { browser = await s.launch(); });
after(async () => browser && browser.close());

test('the landing is French, says what Autochec checks and offers a photo or a typed plate', async () => {
  const { context, page } = await s.open(browser);
  await s.goto(page, '/');
  assert.equal(await page.getAttribute('html', 'lang'), 'fr');
  assert.match(await page.textContent('#page-title'), /Vérifier un véhicule/);
  assert.match(await page.textContent('main'), /Prendre une photo/);
  assert.match(await page.textContent('main'), /Saisir la plaque/);
  await s.header(page);
  await s.shoot(page, 'public-landing');
  s.assertNoConsoleErrors(page);
  await context.close();
});

test('a typed check shows the translated verdict, reasons and status, and nobody\'s personal data', async () => {
  const { context, page } = await s.open(browser);
  await s.goto(page, '/');
  await page.fill('#plate', 'ef 456 gh');
  await page.press('#plate', 'Enter');
  const verdict = await s.waitForVerdict(page, 15000);
  assert.equal(verdict, 'FAIL');
  assert.equal((await page.textContent('#verdict')).trim(), 'Non conforme');
  const shown = await page.textContent('#result');
  assert.match(shown, /assurance/i);
  assert.doesNotMatch(shown, /Titulaire|VIN|Odile/);
  assert.doesNotMatch(shown, /\b(INSURANCE_EXPIRED|NOT_FOUND|ESSENCE|DIESEL|ROAD_TAX|VALIDATED)\b/, 'no raw code on screen');
  assert.equal(await page.locator('#report-row').count(), 0, 'no report for the public');
  await s.shoot(page, 'public-result');

  await page.click('#lang');
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  assert.match(await page.textContent('#page-title'), /Check a vehicle/);
  await page.fill('#plate', 'EF-456-GH');
  await page.press('#plate', 'Enter');
  await page.waitForFunction(() => document.querySelector('#verdict') && document.querySelector('#verdict').textContent.trim() === 'Fail');
  await s.shoot(page, 'public-result-en');
  await page.click('#lang');
  await page.waitForFunction(() => document.documentElement.lang === 'fr');
  s.assertNoConsoleErrors(page);
  await context.close();
});

test('an unknown plate is said so in French, and a malformed one gets a readable problem', async () => {
  const { context, page } = await s.open(browser);
  await s.goto(page, '/');
  await page.fill('#plate', 'ZZ-999-ZZ');
  await page.press('#plate', 'Enter');
  await page.waitForSelector('#verdict, #error .problem', { timeout: 15000 });
  const text = await page.textContent('main');
  assert.doesNotMatch(text, /\bNOT_FOUND\b|\bVEHICLE_NOT_FOUND\b/);
  s.assertNoConsoleErrors(page);
  await context.close();
});

test('a photo check from the phone: preview, live progress, then the result', async () => {
  const { context, page } = await s.open(browser);
  await s.goto(page, '/');
  await page.setInputFiles('#photo', { name: 'plaque.png', mimeType: 'image/png', buffer: await s.platePhoto(page) });
  await page.waitForSelector('#photo-preview:not([hidden])');
  await s.shoot(page, 'public-photo-preview');
  await page.click('#photo-submit');
  await page.waitForSelector('#progress', { timeout: 15000 });
  const verdict = await s.waitForVerdict(page);
  assert.notEqual(verdict, 'PENDING');
  assert.ok(await page.isVisible('#progress'), 'the progress steps stay visible on a photo check');
  await s.shoot(page, 'public-photo-result');
  assert.doesNotMatch(await page.textContent('#result'), /Titulaire|VIN/);
  s.assertNoConsoleErrors(page);
  await context.close();
});

test('the report verification page takes a PDF', async () => {
  const { context, page } = await s.open(browser);
  await s.goto(page, '/verifier');
  assert.match(await page.textContent('#page-title'), /Vérifier un rapport/);
  await page.setInputFiles('#verify-file', { name: 'faux.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n%%EOF\n') });
  await page.click('#verify-form button[type=submit]');
  await page.waitForSelector('#verify-result > *', { timeout: 15000 });
  await s.shoot(page, 'public-verify');
  s.assertNoConsoleErrors(page);
  await context.close();
});

test('the PWA: manifest, icons and a service worker that caches the app shell', async () => {
  const manifest = await fetch(`${s.BASE_URL}/manifest.webmanifest`);
  assert.equal(manifest.status, 200);
  assert.match(manifest.headers.get('content-type'), /application\/manifest\+json/);
  const body = await manifest.json();
  assert.equal(body.lang, 'fr');
  for (const icon of body.icons) assert.equal((await fetch(s.BASE_URL + icon.src)).status, 200, icon.src);
  const { context, page } = await s.open(browser);
  await s.goto(page, '/');
  const scope = await s.serviceWorkerReady(page);
  assert.equal(scope, `${s.BASE_URL}/`, 'the service worker is installed and controls the whole site');
  await context.close();
});

test('/admin leads to the client (sign-in asked), not to a JSON 404', async () => {
  const { context, page } = await s.open(browser);
  await page.goto(`${s.BASE_URL}/admin`);
  await page.waitForSelector('#page-title');
  assert.match(await page.textContent('main'), /Connectez-vous/);
  s.assertNoConsoleErrors(page);
  await context.close();
});
