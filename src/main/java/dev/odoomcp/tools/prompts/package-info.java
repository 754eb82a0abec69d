/** Workflow prompts and the completion of their arguments (and of resource templates) from the caller's Odoo. */
@NullMarked
package dev.odoomcp.tools.prompts;

import org.jspecify.annotations.NullMarked;
