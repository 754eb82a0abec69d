// The consent page as a person meets it, in headless Chromium (Debian's, driven by playwright-core): it
// renders without script errors or CSP violations, every field has a label, Tab walks the form in order,
// a wrong API key is shown in place (the key not written back), Enter submits, the user lands on the
// application's redirect URI with a code that exchanges for tokens, it fits a phone, and it speaks Spanish.
//   node consent-page.mjs <bridge-base-url>
// Environment: ODOO_FIELDS (JSON: odoo_url, odoo_db, odoo_login, odoo_key), SCREENSHOT_DIR.
// Prints one JSON summary line; exits 0 when every check held, 1 otherwise.
import { chromium } from 'playwright-core';
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:http';

const base = process.argv[2];
const fields = JSON.parse(process.env.ODOO_FIELDS || '{}');
const shots = process.env.SCREENSHOT_DIR || 'screenshots';
mkdirSync(shots, { recursive: true });
// The application's callback: a real listener on loopback, as a desktop client would run.
let framedUrl = '';
const app = createServer((req, res) => {
  res.writeHead(200, { 'Content-Type': 'text/html' });
  res.end(req.url === '/frame' ? `<iframe src="${framedUrl.replaceAll('&', '&amp;')}"></iframe>` : '<h1>Back in the app</h1>');
});
await new Promise((resolve) => app.listen(0, '127.0.0.1', resolve));
const appOrigin = `http://127.0.0.1:${app.address().port}`;
const redirect = `${appOrigin}/callback`;
const summary = {};

function check(condition, message) {
  if (!condition) throw new Error(`check failed: ${message}`);
}

async function authorizeUrl(redirectUri = redirect) {
  const registered = await fetch(`${base}/oauth/register`, { method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ client_name: 'Claude', redirect_uris: [redirectUri], token_endpoint_auth_method: 'none' }) });
  check(registered.status === 201, `registration answered ${registered.status}`);
  const { client_id: clientId } = await registered.json();
  const verifier = randomBytes(32).toString('base64url');
  const challenge = createHash('sha256').update(verifier).digest('base64url');
  const url = new URL('/oauth/authorize', base);
  Object.entries({ response_type: 'code', client_id: clientId, code_challenge: challenge,
    code_challenge_method: 'S256', state: 'browser-state', resource: `${base}/mcp`, redirect_uri: redirectUri })
    .forEach(([k, v]) => url.searchParams.set(k, v));
  return { url: url.href, clientId, verifier };
}

async function watch(page) {
  const problems = [];
  // A re-shown form answers 400 (Chromium notes that as "Failed to load resource"); anything else, e.g. a CSP
  // violation by the page's own style, is a defect.
  page.on('console', (m) => {
    if ((m.type() === 'error' || m.type() === 'warning') && !m.text().startsWith('Failed to load resource')) problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(e.message));
  return problems;
}

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox',
  '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update',
  '--disable-sync'] });
try {
  // 1. Desktop, English, scripts disabled (the page needs none): render, labels, tab order, error in place, submit.
  const desktop = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US', javaScriptEnabled: false });
  const page = await desktop.newPage();
  const problems = await watch(page);
  const auth = await authorizeUrl();
  const response = await page.goto(auth.url);
  check(response.status() === 200, `consent page answered ${response.status()}`);
  check((await page.title()).includes('Connect your Odoo'), 'title');
  check(await page.locator('h1').innerText() === 'Connect your Odoo', 'heading');
  check((await page.locator('.who').innerText()).includes(appOrigin.slice(7)), 'shows where the user is sent back');
  for (const label of ['Odoo address', 'Database', 'Login', 'API key', 'Read-only']) {
    check(await page.getByLabel(label, { exact: true }).count() === 1, `one field labelled ${label}`);
  }
  await page.screenshot({ path: `${shots}/consent-desktop.png`, fullPage: true });
  // Focus starts on the first field; Tab walks the form in reading order.
  const order = [];
  for (let i = 0; i < 7; i++) {
    order.push(await page.evaluate(() => document.activeElement?.id || document.activeElement?.getAttribute('value') || ''));
    await page.keyboard.press('Tab');
  }
  summary.tabOrder = order;
  check(order.join(',') === 'odoo_url,odoo_db,odoo_login,odoo_key,read_only,allow,deny', `tab order ${order}`);
  // Type with the keyboard, a wrong key first, submit with Enter.
  await page.locator('#odoo_url').focus();
  await page.keyboard.type(fields.odoo_url);
  await page.keyboard.press('Tab');
  await page.keyboard.type(fields.odoo_db);
  await page.keyboard.press('Tab');
  await page.keyboard.type(fields.odoo_login);
  await page.keyboard.press('Tab');
  await page.keyboard.type('wrong-key-for-the-browser-test');
  await Promise.all([page.waitForLoadState('load'), page.keyboard.press('Enter')]);
  await page.waitForSelector('#odoo_key-error');
  check((await page.locator('#odoo_key-error').innerText()).includes('Odoo refused'), 'key error beside the key field');
  check(await page.locator('#odoo_key').getAttribute('aria-invalid') === 'true', 'key field marked invalid');
  check((await page.locator('#odoo_key').getAttribute('aria-describedby')).includes('odoo_key-error'), 'error tied to field');
  check(await page.locator('[role=alert]').count() === 1, 'error summary announced');
  check(await page.locator('#odoo_key').inputValue() === '', 'the key is not written back');
  check(await page.locator('#odoo_url').inputValue() === fields.odoo_url, 'the address is kept');
  check(!(await page.content()).includes('wrong-key-for-the-browser-test'), 'the key appears nowhere on the page');
  check(await page.evaluate(() => document.activeElement?.id) === 'odoo_key', 'focus on the field at fault');
  await page.screenshot({ path: `${shots}/consent-error.png`, fullPage: true });
  await page.keyboard.type(fields.odoo_key);
  await Promise.all([page.waitForURL((u) => u.href.startsWith(redirect)), page.keyboard.press('Enter')]);
  const back = new URL(page.url());
  check(back.searchParams.get('state') === 'browser-state', 'state returned');
  check(back.searchParams.get('iss') === base, 'iss returned');
  const token = await fetch(`${base}/oauth/token`, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'authorization_code', code: back.searchParams.get('code'), redirect_uri: redirect,
      client_id: auth.clientId, code_verifier: auth.verifier, resource: `${base}/mcp` }) });
  check(token.status === 200, `token exchange answered ${token.status}`);
  check(problems.length === 0, `console errors: ${problems.join(' | ')}`);
  summary.desktop = 'ok';
  // The picture for README: what a claude.ai user sees (the page is not submitted).
  const readme = await browser.newContext({ viewport: { width: 720, height: 1000 }, locale: 'en-US' });
  const shown = await readme.newPage();
  await shown.goto((await authorizeUrl('https://claude.ai/api/mcp/auth_callback')).url);
  check((await shown.locator('.who').innerText()).includes('claude.ai'), 'shows claude.ai as where the user returns');
  await shown.screenshot({ path: `${shots}/consent-claude.png`, fullPage: true });

  // 2. Phone (390 x 844, touch), Spanish: fits without sideways scrolling, touch targets large enough.
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true,
    hasTouch: true, locale: 'es-ES' });
  const mobile = await phone.newPage();
  const mobileProblems = await watch(mobile);
  await mobile.goto((await authorizeUrl()).url);
  check(await mobile.locator('html').getAttribute('lang') === 'es', 'Spanish page for es-ES');
  check(await mobile.locator('h1').innerText() === 'Conecta tu Odoo', 'Spanish heading');
  const layout = await mobile.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth, width: window.innerWidth,
    smallest: Math.min(...[...document.querySelectorAll('input:not([type=hidden]):not([type=checkbox]), button')]
      .map((e) => e.getBoundingClientRect().height)),
    fontSize: parseFloat(getComputedStyle(document.querySelector('#odoo_url')).fontSize),
  }));
  summary.phone = layout;
  check(layout.scrollWidth <= layout.width, `no sideways scrolling (${layout.scrollWidth} > ${layout.width})`);
  check(layout.smallest >= 44, `touch targets at least 44 px (${layout.smallest})`);
  check(layout.fontSize >= 16, 'inputs at 16 px, so phones do not zoom in');
  await mobile.screenshot({ path: `${shots}/consent-phone-es.png`, fullPage: true });
  check(mobileProblems.length === 0, `console errors: ${mobileProblems.join(' | ')}`);

  // 3. The page refuses to be framed (clickjacking): a page of another origin embeds it and gets nothing.
  const framing = await browser.newContext();
  const host = await framing.newPage();
  framedUrl = (await authorizeUrl()).url;
  await host.goto(`${appOrigin}/frame`);
  await host.waitForLoadState('load');
  const framed = host.frames().find((f) => f !== host.mainFrame());
  check(framed, 'the embedding page has its frame');
  const framedText = await framed.evaluate(() => document.body ? document.body.innerText : '').catch(() => '');
  check(!framedText.includes('Connect your Odoo'), `consent page rendered inside a frame: ${framedText.slice(0, 80)}`);
  summary.framing = 'refused';
  console.log(JSON.stringify(summary));
} catch (error) {
  console.error(`consent-page: ${error.message}`);
  process.exitCode = 1;
} finally {
  await browser.close();
  app.close();
}
