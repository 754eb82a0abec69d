package dev.odoomcp.wrapper;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.Map;

/**
 * Entry point of {@code odoo-mcp-wrapper.jar}: lets an MCP client that only launches local stdio
 * programs (Claude Desktop) talk to the Odoo MCP Bridge over HTTP. Configured by environment only.
 */
public final class WrapperMain {

    static final int EXIT_OK = 0;
    static final int EXIT_USAGE = 2;

    private WrapperMain() {}

    public static void main(String[] args) {
        OutputStream stdout = new FileOutputStream(FileDescriptor.out);
        PrintStream stderr = System.err;
        System.setOut(stderr); // nothing but protocol may reach the real stdout
        System.exit(run(args, System.getenv(), System.in, stdout, stderr));
    }

    static int run(String[] args, Map<String, String> env, InputStream stdin, OutputStream stdout, PrintStream stderr) {
        if (args.length > 0) {
            return flags(args, new PrintStream(stdout, true, java.nio.charset.StandardCharsets.UTF_8), stderr);
        }
        WrapperConfig config;
        try {
            config = WrapperConfig.fromEnv(env);
        } catch (WrapperConfig.ConfigException e) {
            stderr.println("odoo-mcp-wrapper: " + e.getMessage());
            return EXIT_USAGE;
        }
        WrapperLog log = new WrapperLog(config.logLevel(), stderr, config.secrets());
        log.info("odoo-mcp-wrapper " + version() + " forwarding stdio to " + config.endpoint()
                + (config.headers().containsKey("X-Odoo-Url")
                        ? ""
                        : " (ODOO_URL not set: Odoo tools will ask for it)"));
        return new StdioBridge(config, stdout, log, version()).run(stdin);
    }

    private static int flags(String[] args, PrintStream out, PrintStream err) {
        switch (args[0]) {
            case "--version", "-V" -> {
                out.println("odoo-mcp-wrapper " + version());
                return EXIT_OK;
            }
            case "--help", "-h" -> {
                out.print(HELP);
                return EXIT_OK;
            }
            default -> {
                err.println("odoo-mcp-wrapper: unknown option '" + args[0] + "'. Try --help.");
                return EXIT_USAGE;
            }
        }
    }

    static String version() {
        String version = WrapperMain.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }

    private static final String HELP = """
            Usage: java -jar odoo-mcp-wrapper.jar [--help | --version]

            Bridges an MCP client's stdio (newline-delimited JSON-RPC) to the Odoo MCP Bridge's
            HTTP endpoint. Configured by environment variables:

              MCP_SERVER_URL       required, e.g. https://mcp.example.com (with or without /mcp)
              MCP_ACCESS_TOKEN     access token of the MCP server       -> X-MCP-Token
              ODOO_URL             your Odoo, e.g. https://acme.odoo.com -> X-Odoo-Url
              ODOO_DB              database name                        -> X-Odoo-Db
              ODOO_USERNAME        login (e-mail)                       -> X-Odoo-Username
              ODOO_API_KEY         API key (Preferences > Account Security) -> X-Odoo-Api-Key
              ODOO_PROTOCOL        optional: force the Odoo protocol    -> X-Odoo-Protocol
              ODOO_READ_ONLY       optional: true to allow reads only   -> X-Odoo-Read-Only
              MCP_TIMEOUT_SECONDS  per request, default 120
              MCP_WRAPPER_LOG      debug | info | off (stderr; secrets are never logged)

            Exit codes: 0 after end of input, 2 on a configuration error.
            """;
}
