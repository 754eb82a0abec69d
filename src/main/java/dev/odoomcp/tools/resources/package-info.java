/** Odoo records and model fields as MCP resources, answered by the same tools. */
@NullMarked
package dev.odoomcp.tools.resources;

import org.jspecify.annotations.NullMarked;
