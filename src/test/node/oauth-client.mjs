// The official MCP TypeScript SDK client connecting through OAuth, as claude.ai or Claude Desktop's
// connectors do: discovery from the 401, client registration (a Client ID Metadata Document when
// CLIENT_METADATA_URL is set, else Dynamic Client Registration), authorization with PKCE, the consent page
// (played by oauth-consent.mjs), token exchange, tool call, a forced refresh (the access token is rejected),
// and a second call.
//   node oauth-client.mjs <mcp-url>
// Environment: ODOO_FIELDS (JSON consent form fields), CALL_TOOL, CALL_ARGS, EXPECT_TEXT, CLIENT_METADATA_URL,
// REDIRECT_URL (default http://127.0.0.1:9/callback: nothing listens; the script reads the code itself).
// Prints one JSON summary line; exits 0 when every expectation held, 1 otherwise.
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { UnauthorizedError } from '@modelcontextprotocol/sdk/client/auth.js';
import { consent } from './oauth-consent.mjs';

const target = new URL(process.argv[2]);
const redirectUrl = process.env.REDIRECT_URL || 'http://127.0.0.1:9/callback';
const fields = JSON.parse(process.env.ODOO_FIELDS || '{}');
const timer = setTimeout(() => fail('no answer within 60 s'), 60000);

function fail(message) {
  console.error(`oauth-client: ${message}`);
  process.exit(1);
}

class MemoryProvider {
  constructor() {
    this.saved = { tokens: 0, clients: 0 };
    this.clientMetadataUrl = process.env.CLIENT_METADATA_URL || undefined;
  }
  get redirectUrl() { return redirectUrl; }
  get clientMetadata() {
    return { client_name: 'SDK OAuth interop (DCR)', redirect_uris: [redirectUrl], grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'], token_endpoint_auth_method: 'none' };
  }
  state() { this.lastState = `st-${Math.random().toString(36).slice(2)}`; return this.lastState; }
  clientInformation() { return this.client; }
  saveClientInformation(info) { this.client = info; this.saved.clients++; }
  tokens() { return this.tokenSet; }
  saveTokens(tokens) { this.tokenSet = tokens; this.saved.tokens++; }
  redirectToAuthorization(url) { this.authorizationUrl = url; }
  saveCodeVerifier(verifier) { this.verifier = verifier; }
  codeVerifier() { return this.verifier; }
  saveDiscoveryState(state) { this.discovery = state; }
  discoveryState() { return this.discovery; }
  invalidateCredentials(scope) { if (scope === 'all' || scope === 'tokens') this.tokenSet = undefined; }
}

async function call(provider, label) {
  const client = new Client({ name: 'sdk-oauth-interop', version: '1.0.0' });
  const transport = new StreamableHTTPClientTransport(target, { authProvider: provider });
  await client.connect(transport);
  const { tools } = await client.listTools();
  const result = await client.callTool({ name: process.env.CALL_TOOL, arguments: JSON.parse(process.env.CALL_ARGS || '{}') });
  const text = (result.content || []).filter((c) => c.type === 'text').map((c) => c.text).join('\n');
  await client.close();
  if (result.isError) fail(`${label}: tool failed: ${text}`);
  if (process.env.EXPECT_TEXT && !text.includes(process.env.EXPECT_TEXT)) fail(`${label}: expected ${process.env.EXPECT_TEXT} in ${text}`);
  return { tools: tools.length, text: text.slice(0, 300) };
}

try {
  const provider = new MemoryProvider();
  const first = new StreamableHTTPClientTransport(target, { authProvider: provider });
  try {
    await new Client({ name: 'sdk-oauth-interop', version: '1.0.0' }).connect(first);
    fail('the bridge let an unauthenticated client in');
  } catch (error) {
    if (!(error instanceof UnauthorizedError)) throw error;
  }
  if (!provider.authorizationUrl) fail('the SDK did not start an authorization');
  const registration = provider.client.client_id.startsWith('https://') ? 'cimd' : 'dcr';
  if (process.env.CLIENT_METADATA_URL && registration !== 'cimd') fail('the SDK did not use the client metadata document');
  const back = await consent(provider.authorizationUrl, fields);
  if (back.error) fail(`authorization refused: ${back.error}`);
  if (back.state !== provider.lastState) fail('state did not come back unchanged');
  if (back.iss !== provider.discovery.authorizationServerUrl.replace(/\/$/, '')) fail(`iss ${back.iss} is not the issuer`);
  await first.finishAuth(back.code);
  const before = await call(provider, 'first call');
  const refreshToken = provider.tokenSet.refresh_token;
  // The bridge refuses this access token (401 invalid_token): the SDK must refresh and retry by itself.
  const t = provider.tokenSet.access_token;
  provider.tokenSet = { ...provider.tokenSet, access_token: t.slice(0, -6) + (t.endsWith('AAAAAA') ? 'BBBBBB' : 'AAAAAA') };
  const after = await call(provider, 'call after refresh');
  if (provider.tokenSet.refresh_token === refreshToken) fail('the refresh token was not rotated');
  console.log(JSON.stringify({ registration, clientIdLength: provider.client.client_id.length,
    accessTokenLength: provider.tokenSet.access_token.length, tokensSaved: provider.saved.tokens, before, after }));
  clearTimeout(timer);
  process.exit(0);
} catch (error) {
  fail(error && error.stack ? error.stack : String(error));
}
