// The owner's space: my vehicles, a vehicle's record with documents and validity, a document upload, who
// consulted it, notifications and preferences, proposals, claim — and a new user who registers on the French
// Keycloak page and claims a vehicle.
const { before, after } = require('node:test');
const assert = require('node:assert/strict');
const path = require('node:path');
const fs = require('node:fs');
const s = require('./support');
const { test } = s;

let browser;
before(async () => { browser = await s.launch(); });
after(async () => browser && browser.close());

const CARTE_GRISE = path.resolve(__dirname, '../resources/e2e/carte-grise-degraded.jpg');

async function ownerPage() {
  const opened = await s.open(browser);
  await s.goto(opened.page, '/vehicules');
  await s.login(opened.page, 'owner');
  await opened.page.waitForSelector('#my-vehicles > :not(.loading)', { timeout: 15000 });
  return opened;
}

test('an owner sees their vehicles, a vehicle\'s record with its documents, and uploads a document', async () => {
  const { context, page } = await ownerPage();
  assert.match(await page.textContent('#my-vehicles'), /AB-123-CD/);
  await s.header(page);
  await s.shoot(page, 'owner-vehicles');
  await page.click('#my-vehicles a[href^="#/vehicule/"]');
  await page.waitForSelector('#vehicle-documents table, #vehicle-documents p:not(.loading), #vehicle-documents .problem', { timeout: 15000 });
  assert.match(await page.textContent('#page-title'), /AB-123-CD/);
  assert.doesNotMatch(await page.textContent('#vehicle-documents'), /\b(INSURANCE|INSPECTION|VALIDATED|PENDING)\b/, 'document codes translated');
  await page.waitForSelector('#vehicle-consultations > :not(.loading)', { timeout: 15000 });
  await s.shoot(page, 'owner-vehicle');

  await page.selectOption('#owner-upload-type', 'REGISTRATION');
  await page.setInputFiles('#owner-upload-file', { name: 'carte-grise.jpg', mimeType: 'image/jpeg', buffer: fs.readFileSync(CARTE_GRISE) });
  await page.click('#owner-upload button[type=submit]');
  await page.waitForSelector('#owner-upload + .outcome > *', { timeout: 30000 });
  assert.ok(await page.isVisible('#owner-upload + .outcome .message.success'), await page.textContent('#owner-upload + .outcome'));
  await s.shoot(page, 'owner-upload-done');
  s.assertNoConsoleErrors(page);
  await context.close();
});

test('an owner reads their notifications and sets their preferences', async () => {
  const { context, page } = await ownerPage();
  await s.goto(page, '/notifications');
  await page.waitForSelector('#notifications > :not(.loading)', { timeout: 15000 });
  await s.shoot(page, 'owner-notifications');
  // The demo's expiry alert: IJ-234-KL's insurance ends within 30 days (document-service scans at start).
  assert.match(await page.textContent('#notifications'), /IJ-234-KL/);
  assert.doesNotMatch(await page.textContent('#notifications'), /\bEXPIRY_ALERT\b/);
  const unread = page.locator('#notifications li.unread button.link').first();
  if (await unread.count()) {
    const before = await page.locator('#notifications li.unread').count();
    await unread.click();
    await page.waitForFunction((n) => document.querySelectorAll('#notifications li.unread').length < n, before, { timeout: 15000 });
  }
  await page.waitForSelector('#preferences-form');
  await page.uncheck('#pref-email');
  await page.check('#pref-inapp');
  await page.click('#preferences-form button[type=submit]');
  await page.waitForSelector('#preferences-form + .outcome .message.success');
  const saved = await (await s.call('/api/me/notification-preferences', 'owner')).json();
  assert.equal(saved.inApp, true);
  assert.equal(saved.email, false);
  s.assertNoConsoleErrors(page);
  await context.close();
});

test('an owner checks their own vehicle and shares its report with a buyer, then revokes the link', async () => {
  const { context, page } = await ownerPage();
  await page.click('#my-vehicles a[href^="#/vehicule/"]');
  await page.waitForSelector('#share-form');
  await page.fill('#share-days', '3');
  await page.click('#share-form button[type=submit]');
  await page.waitForSelector('#share-form + .outcome > *', { timeout: 60000 });
  assert.ok(await page.isVisible('#share-form + .outcome .message.success'), await page.textContent('#share-form + .outcome'));
  const url = await page.inputValue('#share-url');
  assert.match(url, /\/verify\/shared\/[A-Za-z0-9_-]+$/);
  const token = url.split('/').pop();
  const opened = await fetch(`${s.BASE_URL}/verify/shared/${token}`, { headers: { Accept: 'application/json' } });
  assert.equal(opened.status, 200);
  await page.waitForSelector('#share-links table', { timeout: 15000 });
  await s.shoot(page, 'owner-share');
  await page.locator('#share-links button.link').first().click();
  await page.waitForFunction(() => !document.querySelector('#share-links button.link'), null, { timeout: 15000 });
  const closed = await fetch(`${s.BASE_URL}/verify/shared/${token}`, { headers: { Accept: 'application/json' } });
  assert.equal(closed.status, 404);
  s.assertNoConsoleErrors(page);
  await context.close();
});

test('an owner sees who consulted their vehicles, their proposals and claims', async () => {
  const { context, page } = await ownerPage();
  for (const [route, box, name] of [['/consultations', '#consultations', 'owner-consultations'],
    ['/propositions', '#my-proposals', 'owner-proposals'], ['/revendiquer', '#my-claims', 'owner-claim']]) {
    await s.goto(page, route);
    await page.waitForFunction((sel) => { const el = document.querySelector(sel); return el && !el.querySelector('.loading'); }, box, { timeout: 15000 });
    assert.doesNotMatch(await page.textContent('main'), /\b(ROADSIDE_CONTROL|PENDING|APPROVED)\b/, `${route}: codes translated`);
    await s.shoot(page, name);
  }
  s.assertNoConsoleErrors(page);
  await context.close();
});

test('a new user registers on the French Keycloak page, claims a vehicle and sees it', async () => {
  const { context, page } = await s.open(browser);
  await s.goto(page, '/');
  await page.click('#register');
  await page.waitForSelector('#username', { timeout: 30000 });
  assert.equal(await page.getAttribute('html', 'lang'), 'fr');
  await s.shoot(page, 'keycloak-register');
  const user = `acheteur${Date.now().toString(36)}`;
  await page.fill('#username', user);
  await page.fill('#email', `${user}@example.fr`);
  await page.fill('#firstName', 'Camille');
  await page.fill('#lastName', 'Durand');
  await page.fill('#password', 'Acheteur-2026!');
  await page.fill('#password-confirm', 'Acheteur-2026!');
  await page.click('[type=submit]');
  await s.signedIn(page);
  assert.equal((await page.textContent('#user-name')).trim(), user);

  // A vehicle of the demo registry nobody holds yet, as its keeper reads it on the carte grise: plate, VIN, and the
  // certificate number (the reference of its validated REGISTRATION document).
  const registry = await (await s.call(`/api/vehicles?page=${1 + Math.floor(Math.random() * 50)}&size=20`, 'admin')).json();
  let vehicle = null;
  let certificate = null;
  for (const candidate of registry.items.filter((v) => v.plate && v.vin && !(v.statuses || []).includes('STOLEN'))) {
    const docs = await (await s.call(`/api/documents?vin=${candidate.vin}`, 'admin')).json();
    const registration = docs.find((d) => d.type === 'REGISTRATION' && d.status === 'VALIDATED' && d.reference);
    if (registration) { vehicle = candidate; certificate = registration.reference; break; }
  }
  assert.ok(vehicle, 'a demo vehicle with a validated registration certificate');
  await s.goto(page, '/revendiquer');
  await page.fill('#claim-plate', vehicle.plate);
  await page.fill('#claim-vin', vehicle.vin.slice(-4));
  await page.fill('#claim-certificate', certificate);
  await page.click('#claim-form button[type=submit]');
  await page.waitForSelector('#claim-form + .outcome > *', { timeout: 15000 });
  await s.shoot(page, 'owner-claim-sent');
  assert.ok(await page.isVisible('#claim-form + .outcome .message.success'), await page.textContent('#claim-form + .outcome'));
  const outcome = await page.textContent('#claim-form + .outcome');
  if (!/Approuvée/.test(outcome)) {
    // Pending (the vehicle is held by another account, e.g. an earlier run's): an admin approves it in the queue.
    const admin = await s.open(browser);
    await s.goto(admin.page, '/admin/revendications');
    await s.login(admin.page, 'admin');
    await admin.page.waitForSelector('#pending-claims > :not(.loading)', { timeout: 15000 });
    const item = admin.page.locator('#pending-claims .queue-item', { hasText: user }).first();
    await item.waitFor({ timeout: 15000 });
    await s.shoot(admin.page, 'admin-claims');
    await item.locator('[data-action=approve]').click();
    await item.locator('.outcome .message.success').waitFor({ timeout: 15000 });
    s.assertNoConsoleErrors(admin.page);
    await admin.context.close();
  }
  // Approval publishes the account-vehicle link; vehicle-service links the holder and "my vehicles" shows it.
  const deadline = Date.now() + 60000;
  await s.goto(page, '/vehicules');
  for (;;) {
    await page.waitForSelector('#my-vehicles > :not(.loading)', { timeout: 15000 });
    if ((await page.textContent('#my-vehicles')).includes(vehicle.plate) || Date.now() > deadline) break;
    await page.waitForTimeout(2000);
    await page.reload();
    await page.waitForSelector('#page-title');
  }
  assert.match(await page.textContent('#my-vehicles'), new RegExp(vehicle.plate));
  await s.shoot(page, 'owner-claimed-vehicle');
  s.assertNoConsoleErrors(page);
  await context.close();
});
