"""A minimal Python Odoo MCP server, written for the benchmark as the stand-in for "a typical
Python Odoo MCP server": the official Python SDK (`mcp`, MCPServer, Streamable HTTP, stateless,
JSON answers, uvicorn) with one `search_records` tool that calls Odoo's XML-RPC `search_read`
with the standard library's `xmlrpc.client`, configured for one Odoo by environment variables
(ODOO_URL, ODOO_DB, ODOO_USERNAME, ODOO_API_KEY), as the popular Python servers are.

It is the best case for such a server, not a copy of one: exactly one Odoo round trip per warm
search (the login's uid is kept), no field metadata, no count. The most used open-source Python
Odoo MCP servers import `mcp.server.fastmcp`, which mcp 2.x removed, and the Python index this
machine reaches has only mcp 2.x, so none of them runs here unchanged.

Run by the benchmark only (dev.odoomcp.bench.PeerFigure), on loopback: PORT is the port to listen on.
"""
import os
import threading
import xmlrpc.client

from mcp.server.mcpserver import MCPServer
from starlette.requests import Request
from starlette.responses import JSONResponse

URL = os.environ["ODOO_URL"].rstrip("/")
DB = os.environ["ODOO_DB"]
USERNAME = os.environ["ODOO_USERNAME"]
KEY = os.environ["ODOO_API_KEY"]

server = MCPServer("python-odoo-search", log_level="WARNING")
_local = threading.local()
_uid = None
_uid_lock = threading.Lock()


def _proxy(service):
    # One proxy (one kept-alive connection) per worker thread: ServerProxy is not thread-safe.
    proxies = getattr(_local, "proxies", None)
    if proxies is None:
        proxies = _local.proxies = {}
    if service not in proxies:
        proxies[service] = xmlrpc.client.ServerProxy(f"{URL}/xmlrpc/2/{service}", allow_none=False)
    return proxies[service]


def _login():
    global _uid
    with _uid_lock:
        if _uid is None:
            uid = _proxy("common").authenticate(DB, USERNAME, KEY, {})
            if not uid:
                raise ValueError("Odoo refused the login")
            _uid = uid
        return _uid


@server.tool()
def search_records(model: str, domain: list | None = None, fields: list[str] | None = None, limit: int = 10,
                   offset: int = 0) -> dict:
    """Search Odoo records of a model with a domain; returns their fields."""
    kwargs = {"limit": limit, "offset": offset}
    if fields:
        kwargs["fields"] = fields
    rows = _proxy("object").execute_kw(DB, _login(), KEY, model, "search_read", [domain or []], kwargs)
    return {"model": model, "returned": len(rows), "records": rows}


@server.custom_route("/health", methods=["GET"])
async def health(request: Request) -> JSONResponse:
    return JSONResponse({"status": "UP"})


if __name__ == "__main__":
    server.run("streamable-http", host="127.0.0.1", port=int(os.environ["PORT"]), stateless_http=True,
               json_response=True)
