/** Business actions: call_method (confirm, validate, post, cancel, wizards). */
@NullMarked
package dev.odoomcp.tools.actions;

import org.jspecify.annotations.NullMarked;
