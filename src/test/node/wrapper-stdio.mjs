// Interop test of target/odoo-mcp-wrapper.jar with the official MCP TypeScript SDK: spawns the jar
// as Claude Desktop would (StdioClientTransport), then checks the happy path and two failures.
//
// Environment (or argv[2] for MCP_SERVER_URL):
//   MCP_SERVER_URL        server to test against (required for the happy path)
//   ODOO_URL ODOO_DB ODOO_USERNAME ODOO_API_KEY MCP_ACCESS_TOKEN ODOO_PROTOCOL   passed to the wrapper
//   WRAPPER_TOOL          tool to call (default: skip the call case); WRAPPER_TOOL_ARGS JSON (default {})
//   BAD_TOKEN_SERVER_URL  a server started WITH an access token: the wrapper is given a wrong one and
//                         the client must get an error that mentions the token (default: skipped)
//   WRAPPER_JAR           default target/odoo-mcp-wrapper.jar; JAVA default "java"
//   CASE_TIMEOUT_MS       per case, default 30000 (a hang is a failure, not a wait)
// Prints one line per case and "N passed, N failed, N skipped"; exits 1 on any failure.
import net from "node:net";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport, getDefaultEnvironment } from "@modelcontextprotocol/sdk/client/stdio.js";

const env = process.env;
const serverUrl = process.argv[2] || env.MCP_SERVER_URL || "";
const jar = env.WRAPPER_JAR || "target/odoo-mcp-wrapper.jar";
const caseTimeout = Number(env.CASE_TIMEOUT_MS || 30000);
const counts = { passed: 0, failed: 0, skipped: 0 };

function wrapperEnv(overrides) {
  const vars = { ...getDefaultEnvironment() };
  for (const name of ["ODOO_URL", "ODOO_DB", "ODOO_USERNAME", "ODOO_API_KEY", "ODOO_PROTOCOL", "ODOO_READ_ONLY",
    "MCP_ACCESS_TOKEN", "MCP_WRAPPER_LOG"]) {
    if (env[name]) vars[name] = env[name];
  }
  return { ...vars, ...overrides };
}

async function withClient(overrides, body) {
  const transport = new StdioClientTransport({
    command: env.JAVA || "java", args: ["-jar", jar], env: wrapperEnv(overrides), stderr: "pipe",
  });
  let stderr = "";
  transport.stderr?.on("data", (chunk) => (stderr += chunk));
  const client = new Client({ name: "wrapper-interop", version: "1.0.0" });
  try {
    return await body(client, transport);
  } catch (error) {
    error.wrapperStderr = stderr;
    throw error;
  } finally {
    await client.close().catch(() => {});
  }
}

async function runCase(name, fn) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no result within ${caseTimeout} ms (hang)`)), caseTimeout);
  });
  try {
    const detail = await Promise.race([fn(), timeout]);
    if (detail === "skip") {
      counts.skipped++;
      console.log(`SKIP ${name}`);
    } else {
      counts.passed++;
      console.log(`PASS ${name}${detail ? ` — ${detail}` : ""}`);
    }
  } catch (error) {
    counts.failed++;
    console.log(`FAIL ${name}: ${error.message}`);
    if (error.wrapperStderr) console.log(`  wrapper stderr:\n${error.wrapperStderr.replace(/^/gm, "    ")}`);
  } finally {
    clearTimeout(timer);
  }
}

function assert(condition, message) {
  if (!condition) throw new Error(message);
}

function deadLoopbackPort() {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

await runCase("initialize, tools/list and tools/call through the wrapper", async () => {
  if (!serverUrl) return "skip";
  return withClient({ MCP_SERVER_URL: serverUrl }, async (client, transport) => {
    await client.connect(transport);
    const info = client.getServerVersion();
    assert(info && info.name, "initialize returned no serverInfo");
    const { tools } = await client.listTools();
    assert(Array.isArray(tools) && tools.length >= 1, `expected at least one tool, got ${JSON.stringify(tools)}`);
    if (!env.WRAPPER_TOOL) return `server ${info.name}, ${tools.length} tools (no WRAPPER_TOOL: call not tried)`;
    const result = await client.callTool({ name: env.WRAPPER_TOOL, arguments: JSON.parse(env.WRAPPER_TOOL_ARGS || "{}") });
    assert(result && Array.isArray(result.content), `tools/call returned no content: ${JSON.stringify(result)}`);
    const text = result.content.filter((c) => c.type === "text").map((c) => c.text).join(" ");
    return `server ${info.name}, ${tools.length} tools, ${env.WRAPPER_TOOL} -> ${result.isError ? "isError: " : ""}${text.slice(0, 80)}`;
  });
});

await runCase("a dead MCP_SERVER_URL gives the client an error, not a hang", async () => {
  const port = await deadLoopbackPort();
  return withClient({ MCP_SERVER_URL: `http://127.0.0.1:${port}` }, async (client, transport) => {
    const error = await client.connect(transport).then(() => null, (e) => e);
    assert(error, "initialize succeeded against a port with nothing listening");
    assert(/Cannot connect/.test(error.message) && /MCP_SERVER_URL/.test(error.message),
      `unexpected error: ${error.message}`);
    return error.message.slice(0, 100);
  });
});

await runCase("a wrong access token gives an error that mentions the token", async () => {
  if (!env.BAD_TOKEN_SERVER_URL) return "skip";
  return withClient({ MCP_SERVER_URL: env.BAD_TOKEN_SERVER_URL, MCP_ACCESS_TOKEN: "wrong-token-for-interop-test" },
    async (client, transport) => {
      const error = await client.connect(transport).then(() => null, (e) => e);
      assert(error, "initialize succeeded with a wrong access token");
      assert(/token/i.test(error.message), `error does not mention the token: ${error.message}`);
      assert(!error.message.includes("wrong-token-for-interop-test"), "the error repeats the token");
      return error.message.slice(0, 100);
    });
});

console.log(`${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
process.exit(counts.failed === 0 ? 0 : 1);
