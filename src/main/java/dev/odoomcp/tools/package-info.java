/**
 * What the AI can do in the caller's Odoo: the MCP tools, resources, prompts and completions.
 *
 * <p>This package holds what every tool shares: {@link dev.odoomcp.tools.OdooTool} (the base class:
 * definition with a generated output schema, access check, call through the gateway, result and error
 * shaping), {@link dev.odoomcp.tools.OdooGateway} and {@link dev.odoomcp.tools.OdooSession} (the one
 * guarded way to Odoo), {@link dev.odoomcp.tools.AccessPolicy}, {@link dev.odoomcp.tools.ModelCatalog}
 * with {@link dev.odoomcp.tools.ModelMetadata}, {@link dev.odoomcp.tools.ToolArguments} and the shared
 * formatting of domains, values and records. Features live in sub-packages: {@code records} (search,
 * read, count, aggregate, name_search, create, update, delete), {@code models} (list_models,
 * describe_model, odoo_context), {@code actions} (call_method), {@code resources} and {@code prompts}
 * (with the completions of their arguments). A new group of tools gets a sub-package of its own: each
 * tool a {@code @Component} extending {@code OdooTool<Result>} with its result as a nested record.
 */
@NullMarked
package dev.odoomcp.tools;

import org.jspecify.annotations.NullMarked;
