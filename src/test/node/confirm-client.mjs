// Drives the bridge's confirmation step with the official TypeScript clients, the way assistants do.
//   node confirm-client.mjs v2 <url>   @modelcontextprotocol/client 2.4.0 on 2026-07-28 with form elicitation:
//        ANSWER=accept|decline  the elicitation handler's answer (auto-fulfilment: callTool retries by itself)
//   node confirm-client.mjs v1 <url>   @modelcontextprotocol/sdk 1.32.2 on 2025-11-25: preview + confirmation_token,
//        two callTool calls; OTHER_HEADERS (JSON) sends the second call as another tenant
// Environment: MCP_HEADERS (JSON), CALL_TOOL, CALL_ARGS (JSON), TIMEOUT_MS.
// Prints one JSON line per call on stdout, then a summary line; exits 0 unless the client itself failed.
import { Client as ClientV2, StreamableHTTPClientTransport as TransportV2 } from '@modelcontextprotocol/client';
import { Client as ClientV1 } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport as TransportV1 } from '@modelcontextprotocol/sdk/client/streamableHttp.js';

const [mode, url] = process.argv.slice(2);
const timeout = Number(process.env.TIMEOUT_MS || 20000);
const headers = JSON.parse(process.env.MCP_HEADERS || '{}');
const name = process.env.CALL_TOOL || 'delete_records';
const args = JSON.parse(process.env.CALL_ARGS || '{}');

function fail(message) {
  console.error(`confirm-client: ${message}`);
  process.exit(1);
}

function summary(result) {
  const texts = (result.content || []).filter((c) => c.type === 'text').map((c) => c.text);
  return {
    resultType: result.resultType, isError: Boolean(result.isError), text: (texts[0] || '').slice(0, 1500),
    structured: result.structuredContent, hasState: typeof result.requestState === 'string',
    inputRequests: result.inputRequests ? Object.keys(result.inputRequests) : undefined,
  };
}

setTimeout(() => fail(`no answer within ${timeout} ms`), timeout).unref();

async function v2() {
  const asked = [];
  const client = new ClientV2({ name: 'confirm-interop-v2', version: '1.0.0' }, {
    capabilities: { elicitation: { form: {} } },
    versionNegotiation: { mode: { pin: '2026-07-28' } },
  });
  client.setRequestHandler('elicitation/create', async (request) => {
    asked.push(request.params.message);
    const action = process.env.ANSWER || 'accept';
    return action === 'accept' ? { action, content: { confirm: true } } : { action };
  });
  await client.connect(new TransportV2(new URL(url), { requestInit: { headers } }));
  await client.listTools();
  const result = await client.callTool({ name, arguments: args }, { timeout });
  console.log(JSON.stringify({ call: 'auto', asked, ...summary(result) }));
}

async function v1Client(requestHeaders) {
  const client = new ClientV1({ name: 'confirm-interop-v1', version: '1.0.0' });
  const transport = new TransportV1(new URL(url), { requestInit: { headers: requestHeaders } });
  await client.connect(transport, { timeout });
  await client.listTools(undefined, { timeout }); // callTool checks results against the listed output schemas
  return { client, transport };
}

async function v1() {
  const { client, transport } = await v1Client(headers);
  const first = await client.callTool({ name, arguments: args }, undefined, { timeout });
  const pending = JSON.parse((first.content || [])[1]?.text || '{}');
  console.log(JSON.stringify({ call: 'first', protocol: transport.protocolVersion, ...summary(first),
    token: pending.confirmation_token ? 'present' : 'absent' }));
  if (!pending.confirmation_token) fail('expected a preview with a confirmation_token');
  const other = process.env.OTHER_HEADERS ? (await v1Client(JSON.parse(process.env.OTHER_HEADERS))).client : client;
  const second = await other.callTool({ name, arguments: { ...args, confirmation_token: pending.confirmation_token } },
    undefined, { timeout });
  console.log(JSON.stringify({ call: 'second', ...summary(second) }));
}

try {
  if (mode === 'v2') await v2();
  else if (mode === 'v1') await v1();
  else fail('usage: confirm-client.mjs v1|v2 <url>');
  console.log(JSON.stringify({ done: true }));
  process.exit(0);
} catch (error) {
  fail(error && error.stack ? error.stack : String(error));
}
