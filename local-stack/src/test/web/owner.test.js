// The owner's space: my vehicles, a vehicle's record with documents and validity, a document upload, who
// consulted it, notifications and preferences, proposals, claim — and a new user who registers on the French
// Keycloak page and claims a vehicle.
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const path = require('node:path');
const fs = require('node:fs');
const s = require('./support');

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

test('an owner reads their notifications and sets their preferences', async (t) => {
  const missing = await s.missingApi('GET /api/me/notifications (issue 10)', '/api/me/notifications', 'owner');
  const { context, page } = await ownerPage();
  await s.goto(page, '/notifications');
  await page.waitForSelector('#notifications > :not(.loading)', { timeout: 15000 });
  await s.shoot(page, 'owner-notifications');
  if (missing) {
    assert.match(await page.textContent('#notifications'), /Service indisponible/, 'a missing API shows "service indisponible"');
    s.assertNoConsoleErrors(page);
    await context.close();
    t.skip(missing);
    return;
  }
  assert.match(await page.textContent('#notifications'), /IJ-234-KL|Assurance/);
  await page.waitForSelector('#preferences-form');
  await page.click('#preferences-form button[type=submit]');
  await page.waitForSelector('#preferences-form + .outcome .message.success');
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

test('a new user registers on the French Keycloak page and claims a vehicle', async (t) => {
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

  // A vehicle of the demo registry, found by an admin as the claimant would read it on their carte grise.
  const registry = await (await s.call('/api/vehicles?page=0&size=5', 'admin')).json();
  const vehicle = (registry.items || []).find((v) => v.plate && v.vin && v.plate !== 'AB-123-CD') || registry.items[0];
  await s.goto(page, '/revendiquer');
  await page.fill('#claim-plate', vehicle.plate);
  await page.fill('#claim-vin', vehicle.vin);
  await page.fill('#claim-certificate', '2020AB12345');
  await page.click('#claim-form button[type=submit]');
  await page.waitForSelector('#claim-form + .outcome > *', { timeout: 15000 });
  await s.shoot(page, 'owner-claim-sent');
  assert.ok(await page.isVisible('#claim-form + .outcome .message.success'), await page.textContent('#claim-form + .outcome'));
  const outcome = await page.textContent('#claim-form + .outcome');
  if (!/Liée|Approuvée/.test(outcome)) {
    // Pending: an admin approves it in the console's claims queue.
    const admin = await s.open(browser);
    await s.goto(admin.page, '/admin/revendications');
    await s.login(admin.page, 'admin');
    await admin.page.waitForSelector('#pending-claims > :not(.loading)', { timeout: 15000 });
    const item = admin.page.locator('#pending-claims .queue-item', { hasText: vehicle.plate });
    if (await item.count() === 0 || /Service indisponible/.test(await admin.page.textContent('#pending-claims'))) {
      await admin.context.close(); await context.close();
      t.skip('the admin claims queue GET /api/accounts/claims?status=PENDING (issue 8) is not on this branch');
      return;
    }
    await s.shoot(admin.page, 'admin-claims');
    await item.first().locator('[data-action=approve]').click();
    await item.first().locator('.outcome > *').waitFor({ timeout: 15000 });
    const decided = await item.first().locator('.outcome').textContent();
    await admin.context.close();
    if (/Service indisponible/.test(decided)) {
      await context.close();
      t.skip('POST /api/accounts/claims/{id}/approve (issue 8) is not on this branch: the claim stays pending');
      return;
    }
  }
  await s.goto(page, '/vehicules');
  await page.waitForSelector('#my-vehicles > :not(.loading)', { timeout: 15000 });
  if (!(await page.textContent('#my-vehicles')).includes(vehicle.plate)) {
    // The claim is approved in auth-service; vehicle-service learns the account's vehicles from the link
    // auth-service publishes (issue 8). Until that lands, "my vehicles" cannot show it.
    const missing = await s.missingApi('the published account-vehicle link (issue 8: claims, proposals)', '/api/proposals/mine', 'owner');
    if (missing) { await s.shoot(page, 'owner-claimed-vehicle'); await context.close(); t.skip(missing); return; }
  }
  assert.match(await page.textContent('#my-vehicles'), new RegExp(vehicle.plate));
  await s.shoot(page, 'owner-claimed-vehicle');
  s.assertNoConsoleErrors(page);
  await context.close();
});
