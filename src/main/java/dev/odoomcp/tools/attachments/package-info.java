/**
 * Files on records: upload_attachment, read_attachment and print_document (the PDF Odoo already
 * stored for a record), bounded by {@code ODOO_MAX_ATTACHMENT_BYTES}.
 */
@NullMarked
package dev.odoomcp.tools.attachments;

import org.jspecify.annotations.NullMarked;
