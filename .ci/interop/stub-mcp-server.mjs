// A tiny stateless MCP endpoint on loopback for smoke-testing the stdio wrapper without the real
// server: initialize, tools/list (one "echo" tool), tools/call (answered as an event stream),
// notifications (202). With STUB_TOKEN set it demands X-MCP-Token like the real server does.
// Usage: node stub-mcp-server.mjs [port]   (prints "listening <port>" once ready)
import http from "node:http";

const token = process.env.STUB_TOKEN || "";
const port = Number(process.argv[2] || 0);

function reply(res, status, body, type = "application/json") {
  res.writeHead(status, { "Content-Type": type });
  res.end(typeof body === "string" ? body : JSON.stringify(body));
}

const server = http.createServer((req, res) => {
  if (req.method !== "POST" || req.url !== "/mcp") return reply(res, 404, "not found", "text/plain");
  let raw = "";
  req.on("data", (chunk) => (raw += chunk));
  req.on("end", () => {
    let msg;
    try {
      msg = JSON.parse(raw);
    } catch {
      return reply(res, 400, { jsonrpc: "2.0", id: null, error: { code: -32700, message: "Parse error" } });
    }
    if (token && req.headers["x-mcp-token"] !== token) {
      return reply(res, 401, { jsonrpc: "2.0", id: msg.id ?? null,
        error: { code: -32001, message: "Missing or invalid access token: check MCP_ACCESS_TOKEN (X-MCP-Token)." } });
    }
    if (msg.id === undefined) return reply(res, 202, "");
    const ok = (result) => ({ jsonrpc: "2.0", id: msg.id, result });
    switch (msg.method) {
      case "initialize":
        return reply(res, 200, ok({ protocolVersion: msg.params?.protocolVersion ?? "2025-06-18",
          capabilities: { tools: {} }, serverInfo: { name: "stub-mcp", version: "0" } }));
      case "ping":
        return reply(res, 200, ok({}));
      case "tools/list":
        return reply(res, 200, ok({ tools: [{ name: "echo", description: "Echoes its input and the Odoo URL header.",
          inputSchema: { type: "object", properties: { text: { type: "string" } } } }] }));
      case "tools/call": {
        const text = `${msg.params?.arguments?.text ?? ""} @ ${req.headers["x-odoo-url"] ?? "(no X-Odoo-Url)"}`;
        res.writeHead(200, { "Content-Type": "text/event-stream" });
        res.write(`data: ${JSON.stringify({ jsonrpc: "2.0", method: "notifications/message",
          params: { level: "info", data: "working" } })}\n\n`);
        res.end(`data: ${JSON.stringify(ok({ content: [{ type: "text", text }], isError: false }))}\n\n`);
        return;
      }
      default:
        return reply(res, 200, { jsonrpc: "2.0", id: msg.id, error: { code: -32601, message: `Method not found: ${msg.method}` } });
    }
  });
});

server.listen(port, "127.0.0.1", () => console.log(`listening ${server.address().port}`));
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.close(() => process.exit(0)));
