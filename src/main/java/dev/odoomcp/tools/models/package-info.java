/** Tools that find and explain models and the connection: list_models, describe_model, odoo_context. */
@NullMarked
package dev.odoomcp.tools.models;

import org.jspecify.annotations.NullMarked;
