// Plays the user on the bridge's consent page, without a browser: opens the authorization URL, fills the
// form with ODOO_FIELDS (a JSON object of form fields: odoo_url, odoo_db, odoo_login, odoo_key, ...),
// submits it with the cookie the page set, and returns where the bridge sends the user back.
//   import { consent } from './oauth-consent.mjs'       (used by oauth-client.mjs)
//   node oauth-consent.mjs <authorization-url>           (a BROWSER for mcp-remote: also opens the callback)
import { appendFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

export async function consent(authorizationUrl, fields, language = 'en') {
  const page = await fetch(authorizationUrl, { redirect: 'manual', headers: { 'Accept-Language': language } });
  const html = await page.text();
  if (page.status !== 200) {
    const alert = /role="alert">([^<]*)</.exec(html);
    throw new Error(`consent page answered ${page.status}: ${alert ? alert[1] : html.slice(0, 500)}`);
  }
  const txn = /name="txn" value="([^"]+)"/.exec(html);
  if (!txn) throw new Error('no consent form on the page');
  const cookie = (page.headers.getSetCookie?.() || []).map((c) => c.split(';')[0]).find((c) => c.startsWith('odoomcp_consent='));
  if (!cookie) throw new Error('the consent page set no CSRF cookie');
  const form = new URLSearchParams({ txn: txn[1], lang: language, decision: 'allow', ...fields });
  const action = new URL('/oauth/authorize', authorizationUrl);
  const submitted = await fetch(action, {
    method: 'POST', redirect: 'manual', body: form,
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: cookie },
  });
  if (submitted.status !== 303) {
    throw new Error(`consent form answered ${submitted.status}: ${(await submitted.text()).slice(0, 800)}`);
  }
  const location = new URL(submitted.headers.get('location'));
  return { location, code: location.searchParams.get('code'), state: location.searchParams.get('state'),
    iss: location.searchParams.get('iss'), error: location.searchParams.get('error') };
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const log = process.env.CONSENT_LOG;
  try {
    const fields = JSON.parse(process.env.ODOO_FIELDS || '{}');
    const result = await consent(process.argv[2], fields);
    const clientId = new URL(process.argv[2]).searchParams.get("client_id") || "";
    if (log) appendFileSync(log, `consent ok for client ${clientId.startsWith("https://") ? clientId : "(registered)"}, back to ${result.location.origin}${result.location.pathname}\n`);
    await fetch(result.location, { redirect: 'manual' }); // the application's callback receives the code
  } catch (error) {
    if (log) appendFileSync(log, `consent failed: ${error.message}\n`);
    process.exit(1);
  }
}
