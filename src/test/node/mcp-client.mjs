// Drives a server with the official MCP TypeScript SDK client, the way real assistants connect.
//   node mcp-client.mjs http  <url>                  (Streamable HTTP; headers from MCP_HEADERS, a JSON object)
//   node mcp-client.mjs stdio <command> [args...]    (spawns a stdio server, e.g. the wrapper jar or mcp-remote)
// Environment: CALL_TOOL (tool to call), CALL_ARGS (JSON arguments), EXPECT_TEXT (substring the call's
// text must contain), EXPECT_TOOL_ERROR=1 (the call must come back with isError), TIMEOUT_MS.
// Prints one JSON summary line on stdout; exits 0 when every expectation held, 1 otherwise.
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';

const [mode, target, ...rest] = process.argv.slice(2);
const timeout = Number(process.env.TIMEOUT_MS || 20000);

function fail(message) {
  console.error(`mcp-client: ${message}`);
  process.exit(1);
}

let transport;
if (mode === 'http') {
  const headers = JSON.parse(process.env.MCP_HEADERS || '{}');
  transport = new StreamableHTTPClientTransport(new URL(target), { requestInit: { headers } });
} else if (mode === 'stdio') {
  transport = new StdioClientTransport({ command: target, args: rest, env: { ...process.env }, stderr: 'inherit' });
} else {
  fail('usage: mcp-client.mjs http <url> | stdio <command> [args...]');
}

const timer = setTimeout(() => fail(`no answer within ${timeout} ms`), timeout);
const client = new Client({ name: 'sdk-interop-test', version: '1.0.0' });
try {
  await client.connect(transport, { timeout });
  const server = client.getServerVersion();
  const { tools } = await client.listTools(undefined, { timeout });
  if (!Array.isArray(tools) || tools.length === 0) fail('tools/list returned no tools');
  const summary = { server: server?.name, protocol: transport.protocolVersion, tools: tools.map((t) => t.name) };
  if (process.env.CALL_TOOL) {
    const args = JSON.parse(process.env.CALL_ARGS || '{}');
    // The SDK validates structuredContent against the tool's outputSchema here.
    const result = await client.callTool({ name: process.env.CALL_TOOL, arguments: args }, undefined, { timeout });
    const text = (result.content || []).filter((c) => c.type === 'text').map((c) => c.text).join('\n');
    summary.isError = Boolean(result.isError);
    summary.text = text.slice(0, 2000);
    if (process.env.EXPECT_TOOL_ERROR === '1' && !result.isError) fail(`expected a tool error, got: ${text}`);
    if (process.env.EXPECT_TOOL_ERROR !== '1' && result.isError) fail(`tool failed: ${text}`);
    if (process.env.EXPECT_TEXT && !text.includes(process.env.EXPECT_TEXT)) {
      fail(`expected the result to contain ${JSON.stringify(process.env.EXPECT_TEXT)}, got: ${text}`);
    }
  }
  console.log(JSON.stringify(summary));
  clearTimeout(timer);
  await client.close();
  process.exit(0);
} catch (error) {
  fail(error && error.message ? error.message : String(error));
}
