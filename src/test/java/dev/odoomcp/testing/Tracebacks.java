package dev.odoomcp.testing;

/**
 * Builds Python-looking tracebacks: Odoo puts a full server traceback in XML-RPC fault 1 and in
 * JSON-2 {@code debug}. Clients must strip them; the fake sends them so that stripping is tested.
 */
final class Tracebacks {

    private static final String RPC_FRAMES = """
            Traceback (most recent call last):
              File "/opt/odoo/odoo/addons/base/controllers/rpc.py", line 161, in xmlrpc_2
                response = self._xmlrpc(service)
                           ^^^^^^^^^^^^^^^^^^^^^
              File "/opt/odoo/odoo/addons/base/controllers/rpc.py", line 139, in _xmlrpc
                result = dispatch_rpc(service, method, params)
                         ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
              File "/opt/odoo/odoo/service/model.py", line 52, in execute_cr
                result = retrying(partial(odoo.api.call_kw, recs, method, args, kw), env)
                         ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
            """;

    private static final String JSON2_FRAMES = """
            Traceback (most recent call last):
              File "/opt/odoo/odoo/http.py", line 2273, in _serve_db
                return service_model.retrying(serve_func, env=self.env)
                       ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
              File "/opt/odoo/addons/rpc/controllers/json2.py", line 86, in web_json_2_rpc
                result = func(records, **kwargs)
                         ^^^^^^^^^^^^^^^^^^^^^^^
            """;

    private Tracebacks() {}

    static String xmlrpc(String pythonClass, String message) {
        return RPC_FRAMES + pythonClass + ": " + message + "\n";
    }

    static String json2(String pythonClass, String message) {
        return JSON2_FRAMES + pythonClass + ": " + message + "\n";
    }
}
