// The roadside agent, phone first: Keycloak log-in (French page), purpose required, photo check with live
// progress (and confirmation when the reading is uncertain), full result with the owner's name, the PDF
// report; the offline queue kept across an offline reload and sent on reconnect with its time; my checks from the
// service (result and report from the list); field tools.
const { before, after } = require('node:test');
const assert = require('node:assert/strict');
const s = require('./support');
const { test } = s;

let browser;
before(async () => { browser = await s.launch(); });
after(async () => browser && browser.close());

async function agentPage() {
  const opened = await s.open(browser);
  await s.goto(opened.page, '/');
  await s.login(opened.page, 'agent');
  await opened.page.waitForSelector('#typed-form');
  return opened;
}

test('an agent logs in on the French login page and must state a purpose before a typed check', async () => {
  const { context, page } = await s.open(browser);
  await s.goto(page, '/');
  await s.login(page, 'agent', 'agent', { screenshot: 'keycloak-login' });
  await page.waitForSelector('#typed-form');
  assert.match(await page.textContent('#user-role'), /Agent/);
  await s.header(page);
  await page.selectOption('#purpose', '');
  await page.fill('#plate', 'AB-123-CD');
  await page.click('#typed-submit');
  await page.waitForSelector('#error .problem');
  assert.match(await page.textContent('#error'), /motif/i);

  await page.selectOption('#purpose', 'ROADSIDE_CONTROL');
  await page.click('#typed-submit');
  assert.equal(await s.waitForVerdict(page, 15000), 'OK');
  assert.match(await page.textContent('#vehicle'), /Odile Martin/);
  assert.doesNotMatch(await page.textContent('#result'), /\b(ESSENCE|DIESEL|HYBRIDE|INSURANCE|INSPECTION)\b/, 'no raw code');
  await s.shoot(page, 'agent-typed-result');
  const pdf = await s.downloadReport(page);
  assert.ok(pdf, 'the report was downloaded');
  assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
  s.assertNoConsoleErrors(page);
  await context.close();
});

test('an agent\'s photo check shows its progress live, then the result and the report', async () => {
  const { context, page } = await agentPage();
  await page.selectOption('#purpose', 'ROADSIDE_CONTROL');
  await page.click('.observed summary');
  await page.fill('#observed-make', 'Peugeot');
  await page.fill('#observed-colour', 'Gris');
  const config = await (await s.call('/config.json')).json();
  assert.equal(!!(await page.$('#vin-photo')), !!config.vinPhoto, 'the VIN photo field follows config.json\'s vinPhoto flag');
  await s.shoot(page, 'agent-check-form');
  await page.setInputFiles('#photo', { name: 'plaque.png', mimeType: 'image/png', buffer: await s.platePhoto(page) });
  await page.click('#photo-submit');
  await page.waitForSelector('#progress li.current', { timeout: 15000 });
  await s.shoot(page, 'agent-photo-progress');
  let verdict = await s.waitForVerdict(page);
  if (verdict === 'NEEDS_CONFIRMATION') {
    await s.shoot(page, 'agent-photo-confirmation');
    await page.fill('#confirm-other', 'AB-123-CD');
    await page.click('#confirm-form button[type=submit]');
    await page.waitForFunction(() => !['PENDING', 'NEEDS_CONFIRMATION'].includes(document.querySelector('#verdict').dataset.code), null, { timeout: 60000 });
    verdict = await page.getAttribute('#verdict', 'data-code');
  }
  assert.ok(['OK', 'WARNING', 'FAIL', 'NOT_FOUND', 'UNREADABLE'].includes(verdict), verdict);
  await s.shoot(page, 'agent-photo-result');
  if (verdict !== 'UNREADABLE') {
    const pdf = await s.downloadReport(page);
    assert.ok(pdf && pdf.subarray(0, 5).toString('latin1') === '%PDF-', 'the photo check\'s report was downloaded');
  }
  s.assertNoConsoleErrors(page);
  await context.close();
});

test('a check made offline is queued, survives an offline reload, and is sent with its time on reconnect', async () => {
  const { context, page } = await agentPage();
  // The service worker must control the page before the network goes away.
  assert.ok(await s.serviceWorkerReady(page), 'a service worker controls the page');
  await page.waitForSelector('#typed-form');
  await context.setOffline(true);
  await page.waitForSelector('#offline:not([hidden])');
  await page.selectOption('#purpose', 'ROADSIDE_CONTROL');
  await page.fill('#plate', 'GH-789-JK');
  await page.click('#typed-submit');
  await page.waitForSelector('#queue:not([hidden]) #queue-list li');
  assert.match(await page.textContent('#queue-list'), /GH-789-JK/);
  await s.shoot(page, 'agent-offline-queue');

  await page.reload();   // offline: the service worker serves the app shell, the queue is in IndexedDB
  await page.waitForSelector('#queue:not([hidden]) #queue-list li', { timeout: 15000 });
  assert.match(await page.textContent('#queue-list'), /GH-789-JK/);
  await s.shoot(page, 'agent-offline-reload');

  await context.setOffline(false);
  await page.waitForSelector('#queue[hidden]', { state: 'attached', timeout: 30000 });
  await page.waitForSelector('#notice:not([hidden])');
  assert.match(await page.textContent('#notice'), /1 contrôle/);
  const history = await page.evaluate(() => JSON.parse(localStorage.getItem('autochec.history') || '[]'));
  const sent = history.find((h) => h.plate && h.plate.replace(/\W/g, '') === 'GH789JK');
  assert.ok(sent && sent.id, `the queued check reached the server: ${JSON.stringify(history[0])}`);
  // My checks (from the service): the queued check is listed with the time it was made, and opens its result
  await s.goto(page, '/historique');
  await page.waitForSelector('#my-checks table');
  const row = page.locator('#my-checks tbody tr', { hasText: 'GH-789-JK' }).first();
  assert.match(await row.textContent(), /envoyé plus tard/);
  await s.shoot(page, 'agent-history');
  await row.getByRole('link', { name: /Ouvrir/ }).click();
  await page.waitForSelector('#captured-at');
  assert.match(await page.textContent('#captured-at'), /Constaté le/);
  s.assertNoConsoleErrors(page);
  await context.close();
});

test('my checks: the agent\'s own checks from the service, newest first, each opening its result and its report', async () => {
  const { context, page } = await agentPage();
  await page.selectOption('#purpose', 'ROADSIDE_CONTROL');
  await page.fill('#plate', 'AB-123-CD');
  await page.click('#typed-submit');
  await s.waitForVerdict(page, 15000);
  const id = (await page.textContent('#check-id')).trim().split(/\s+/).pop();
  await s.goto(page, '/historique');
  await page.waitForSelector('#my-checks table');
  const first = page.locator('#my-checks tbody tr').first();
  assert.match(await first.textContent(), /AB-123-CD/);
  assert.match(await first.textContent(), /Saisie/, 'the channel, translated');
  assert.doesNotMatch(await page.textContent('#my-checks'), /\b(TYPED|PHOTO|ROADSIDE_CONTROL)\b/, 'no raw code');
  await s.shoot(page, 'agent-my-checks');
  // the report, straight from the list (rendered asynchronously: retried until it is ready)
  let pdf = null;
  for (let attempt = 0; attempt < 30 && !pdf; attempt++) {
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 2000 }).catch(() => null),
      first.getByRole('button', { name: /Rapport/ }).click(),
    ]);
    if (download) pdf = await s.readDownload(download);
  }
  assert.ok(pdf && pdf.subarray(0, 5).toString('latin1') === '%PDF-', 'the report was downloaded from my checks');
  await first.getByRole('link', { name: /Ouvrir/ }).click();
  await page.waitForSelector('#verdict');
  assert.equal((await page.textContent('#check-id')).includes(id), true, 'the listed check opens its own result');
  // another user's list does not hold it
  const other = await (await s.call('/api/checks/mine', 'owner')).json();
  assert.ok(Array.isArray(other.items) && !other.items.some((c) => c.id === id), 'an owner does not see the agent\'s check');
  s.assertNoConsoleErrors(page);
  await context.close();
});

test('the agent\'s field tools: stolen report, document upload and correction proposal forms', async () => {
  const { context, page } = await agentPage();
  await s.goto(page, '/outils');
  for (const form of ['#stolen-form', '#upload-form', '#proposal-form']) assert.ok(await page.isVisible(form), form);
  await s.shoot(page, 'agent-tools');
  await page.fill('#proposal-form-plate', 'AB-123-CD');
  await page.selectOption('#proposal-form-field', 'colour');
  await page.fill('#proposal-form-value', 'Vert');
  await page.fill('#proposal-form-justification', 'Couleur constatée lors d’un contrôle routier.');
  await page.click('#proposal-form button[type=submit]');
  await page.waitForSelector('#proposal-form + .outcome .message.success', { timeout: 15000 });
  // A stolen report by the demo agent (police: in effect at once) on a vehicle of the random fleet.
  const fleet = await (await s.call(`/api/vehicles?page=${20 + Math.floor(Math.random() * 80)}&size=5`, 'admin')).json();
  const target = fleet.items.find((v) => !(v.statuses || []).includes('STOLEN'));
  await page.fill('#stolen-plate', target.plate);
  await page.selectOption('#stolen-purpose', 'ROADSIDE_CONTROL');
  await page.click('#stolen-form button[type=submit]');
  await page.waitForSelector('#stolen-form + .outcome > *', { timeout: 15000 });
  assert.ok(await page.isVisible('#stolen-form + .outcome .message.success'), await page.textContent('#stolen-form + .outcome'));
  await s.shoot(page, 'agent-tools-done');
  assert.match(await page.textContent('#stolen-form + .outcome'), /Signalement enregistré/);
  s.assertNoConsoleErrors(page);
  await context.close();
});
