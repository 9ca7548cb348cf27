// The web client as a person uses it: headless Chromium against the gateway of the running local stack.
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { chromium } = require('playwright-core');

const BASE_URL = process.env.AUTOCHEC_BASE_URL || 'http://localhost:8080';
let browser;

before(async () => {
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
});

after(async () => browser && browser.close());

async function check(page, plate) {
  await page.fill('#plate', plate);
  await page.press('#plate', 'Enter');
  await page.waitForFunction(() => !document.querySelector('#result').hidden
    && document.querySelector('#result-plate').textContent.includes('-'), null, { timeout: 15000 });
}

test('the public sees the verdict and reasons of a typed check, and nobody\'s personal data', async () => {
  const page = await browser.newPage();
  await page.goto(BASE_URL + '/');
  await check(page, 'ef 456 gh');

  assert.equal((await page.textContent('#verdict')).trim(), 'FAIL');
  assert.match(await page.textContent('#reasons'), /insurance/i);
  const shown = await page.textContent('#result');
  assert.doesNotMatch(shown, /Owner|VIN/);
  assert.equal(await page.isHidden('#report-row'), true);
  await page.close();
});

test('an agent logs in through Keycloak (PKCE), sees the owner\'s name and downloads the PDF report', async () => {
  const context = await browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  await page.goto(BASE_URL + '/');
  await page.click('#login');
  await page.waitForSelector('#username', { timeout: 30000 });
  await page.fill('#username', 'agent');
  await page.fill('#password', 'agent');
  await page.click('#kc-login');
  await page.waitForSelector('#user-name:not([hidden])', { timeout: 30000 });
  assert.match(await page.textContent('#user-role'), /agent/i);

  await check(page, 'AB-123-CD');
  assert.equal((await page.textContent('#verdict')).trim(), 'OK');
  assert.match(await page.textContent('#vehicle'), /Odile Martin/);

  // The report is rendered asynchronously after the check: the page retries until it is there.
  let pdf;
  for (let attempt = 0; attempt < 30 && !pdf; attempt++) {
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 2000 }).catch(() => null),
      page.click('#report'),
    ]);
    if (download) {
      const stream = await download.createReadStream();
      const chunks = [];
      for await (const chunk of stream) chunks.push(chunk);
      pdf = Buffer.concat(chunks);
    }
  }
  assert.ok(pdf, 'the report was downloaded');
  assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
  await context.close();
});
