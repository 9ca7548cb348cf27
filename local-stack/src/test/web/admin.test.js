// The admin console: dashboard, the pending documents queue (image beside the fields read, dates confirmed on
// validation), proposals approved, vehicles search, CSV import with per-row errors, organisations and agents,
// audit search with export and chain verification.
const { before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const s = require('./support');
const { test } = s;

let browser;
before(async () => { browser = await s.launch(); });
after(async () => browser && browser.close());

async function adminPage(route = '/admin') {
  const opened = await s.open(browser);
  await s.goto(opened.page, route);
  await s.login(opened.page, 'admin');
  await opened.page.waitForSelector('#page-title');
  return opened;
}

const settled = (page, selector) => page.waitForFunction((sel) => {
  const el = document.querySelector(sel);
  return el && el.children.length > 0 && !el.querySelector(':scope > .loading');
}, selector, { timeout: 20000 });

test('the dashboard shows pending counts and statistics (or says which service is unavailable)', async () => {
  const { context, page } = await adminPage('/admin');
  await page.waitForFunction(() => [...document.querySelectorAll('.counter-value')].every((v) => v.textContent !== '…'), null, { timeout: 20000 });
  await settled(page, '#statistics');
  await s.header(page);
  await s.shoot(page, 'admin-dashboard');
  s.assertNoConsoleErrors(page);
  await context.close();
});

test('an admin validates a pending document with confirmed dates', async () => {
  // A document to validate: the owner uploads one through the API.
  const form = new FormData();
  form.append('file', new Blob([fs.readFileSync(path.resolve(__dirname, '../resources/e2e/carte-grise-degraded.jpg'))], { type: 'image/jpeg' }), 'carte-grise.jpg');
  form.append('type', 'INSURANCE');
  form.append('plate', 'AB-123-CD');
  const upload = await s.call('/api/documents', 'owner', { method: 'POST', body: form });
  assert.ok([200, 201].includes(upload.status), `owner's upload: ${upload.status}`);
  const uploaded = await upload.json();

  const { context, page } = await adminPage('/admin/documents');
  await settled(page, '#pending-documents');
  // The queue is oldest first (the demo data holds pending documents too): narrowed to the vehicle's plate.
  await page.fill('#documents-plate', 'AB-123-CD');
  await page.click('#documents-search button[type=submit]');
  const item = page.locator(`#pending-documents .queue-item[data-id="${uploaded.id}"]`);
  await item.waitFor({ timeout: 20000 });
  await item.locator('.doc-image img, .doc-image a, .doc-image .problem, .doc-image p').first().waitFor({ timeout: 20000 });
  await s.shoot(page, 'admin-documents');
  // Without dates the service says which confirmed fields are missing.
  await item.locator('input[name=validFrom]').fill('');
  await item.locator('input[name=validUntil]').fill('');
  await item.locator('[data-action=approve]').click();
  await item.locator('.outcome .problem').waitFor({ timeout: 15000 });
  assert.match(await item.locator('.outcome').textContent(), /validFrom/);
  // Valid well beyond 30 days: AB-123-CD stays "everything valid" for the agent's and owner's tests that follow.
  const day = (offset) => new Date(Date.now() + offset * 86400000).toISOString().slice(0, 10);
  await item.locator('input[name=validFrom]').fill(day(-30));
  await item.locator('input[name=validUntil]').fill(day(330));
  await item.locator('[data-action=approve]').click();
  await item.locator('.outcome .message.success').waitFor({ timeout: 15000 });
  const decided = await (await s.call(`/api/documents/${uploaded.id}`, 'admin')).json();
  assert.equal(decided.status, 'VALIDATED');
  assert.equal(decided.validUntil, day(330));
  s.assertNoConsoleErrors(page);
  await context.close();
});

test('an admin approves an agent\'s correction proposal', async () => {
  const proposed = await s.call('/api/proposals', 'agent', { method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ plate: 'GH-789-JK', field: 'colour', value: 'Vert', justification: 'Constaté au contrôle.', documentId: null }) });
  const proposedBody = await proposed.text(); // (a body reads once: the text serves the message and the JSON)
  assert.equal(proposed.status, 201, proposedBody);
  const proposal = JSON.parse(proposedBody);
  const { context, page } = await adminPage('/admin/propositions');
  await settled(page, '#pending-proposals');
  const item = page.locator(`#pending-proposals .queue-item[data-id="${proposal.id}"]`);
  await item.waitFor();
  assert.match(await item.textContent(), /Vert/);
  assert.match(await item.textContent(), /Couleur/);
  await s.shoot(page, 'admin-proposals');
  await item.locator('[data-action=approve]').click();
  await item.locator('.outcome .message.success').waitFor({ timeout: 15000 });
  const mine = await (await s.call('/api/proposals/mine', 'agent')).json();
  assert.equal(mine.items.find((p) => p.id === proposal.id).status, 'APPROVED');
  s.assertNoConsoleErrors(page);
  await context.close();
});

test('the console\'s other screens: claims, vehicles search, CSV import with per-row errors, agents, audit', async () => {
  const { context, page } = await adminPage('/admin/vehicules');
  await settled(page, '#admin-vehicles');
  assert.match(await page.textContent('#admin-vehicles'), /résultat/);
  await s.shoot(page, 'admin-vehicles');
  await page.fill('#admin-plate', 'AB-123-CD');
  await page.selectOption('#admin-vehicle-purpose', 'OTHER');
  await page.fill('#admin-vehicle-purpose-text', 'Vérification d’un dossier');
  await page.click('#admin-vehicle-search button[type=submit]');
  await page.waitForFunction(() => /Odile Martin/.test(document.querySelector('#admin-vehicles').textContent), null, { timeout: 15000 });

  await s.goto(page, '/admin/revendications');
  await settled(page, '#pending-claims');
  await s.shoot(page, 'admin-claims-queue');

  await s.goto(page, '/admin/import');
  const csv = 'plate,vin,make,model,variant,year,colour,category,fuel,fiscal_power,power_kw,first_registration,stolen,owner_id,owner_kind,owner_name,owner_street,owner_postal_code,owner_town,owner_email,owner_account_id\n'
    + 'PAS-UNE-PLAQUE,123,Renault,Clio,,2020,Blanc,M1,ESSENCE,4,55,2020-01-01,false,,PERSON,Test,,,,,\n';
  await page.setInputFiles('#import-file', { name: 'erreurs.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await page.click('#import-form button[type=submit]');
  await page.waitForSelector('#import-result table, #import-result .problem', { timeout: 30000 });
  assert.match(await page.textContent('#import-result'), /erreur|Ligne/i);
  await s.shoot(page, 'admin-import');

  await s.goto(page, '/admin/agents');
  await settled(page, '#organisations');
  assert.match(await page.textContent('#organisations'), /Police nationale/);
  await settled(page, '#agents');
  await s.shoot(page, 'admin-agents');

  await s.goto(page, '/admin/audit');
  await settled(page, '#audit-results');
  await page.click('#audit-verify');
  await settled(page, '#audit-chain');
  assert.match(await page.textContent('#audit-chain'), /Chaîne intègre|Service indisponible/);
  await s.shoot(page, 'admin-audit');
  s.assertNoConsoleErrors(page);
  await context.close();
});

test('an admin adds a webhook, sees its secret once and its delivery log, then deletes it', async () => {
  const { context, page } = await adminPage('/admin/webhooks');
  await settled(page, '#webhooks');
  const url = `http://127.0.0.1:9/autochec-${Date.now()}`; // loopback: allowed in the local stack only; nothing listens
  await page.fill('#webhook-form input[name=organisation]', 'Autochec');
  await page.fill('#webhook-form input[name=url]', url);
  await page.check('#webhook-event-EXPIRY_ALERT');
  await page.fill('#webhook-form input[name=description]', 'Test du navigateur');
  await page.click('#webhook-form button[type=submit]');
  await page.waitForSelector('#webhook-secret pre', { timeout: 15000 });
  assert.match(await page.textContent('#webhook-secret'), /whsec_/);
  await page.waitForFunction((u) => document.querySelector('#webhooks').textContent.includes(u), url, { timeout: 15000 });
  assert.match(await page.textContent('#webhooks'), /Alerte d’échéance/);
  await s.shoot(page, 'admin-webhooks');
  const row = page.locator('#webhooks tr', { hasText: url });
  await row.getByRole('button', { name: 'Journal des envois' }).click();
  await page.waitForFunction(() => /Envois vers|Aucun envoi/.test(document.querySelector('#webhook-log').textContent), null, { timeout: 15000 });
  page.once('dialog', (dialog) => dialog.accept());
  await row.getByRole('button', { name: 'Supprimer' }).click();
  await page.waitForFunction((u) => !document.querySelector('#webhooks').textContent.includes(u), url, { timeout: 15000 });
  s.assertNoConsoleErrors(page);
  await context.close();
});
