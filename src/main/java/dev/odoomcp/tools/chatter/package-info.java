/** The chatter of a record: post_message (messages and internal notes) and read_messages. */
@NullMarked
package dev.odoomcp.tools.chatter;

import org.jspecify.annotations.NullMarked;
