package dev.odoomcp.tools.attachments;

import org.jspecify.annotations.NullUnmarked;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * How large a file the attachment tools move, bound from {@code ODOO_MAX_ATTACHMENT_BYTES}
 * ({@code odoo.max-attachment-bytes}; a number of bytes or a size such as {@code 5MB}). Checked at
 * start-up. Files travel base64-encoded (a third larger): reading one also needs Odoo's answer to
 * fit {@code ODOO_MAX_RESPONSE_SIZE}, uploading one the request to fit {@code MCP_MAX_REQUEST_SIZE}.
 *
 * @param maxAttachmentBytes largest file uploaded or read, in bytes (default 5 MB)
 */
@ConfigurationProperties("odoo")
@NullUnmarked // bound by Spring: a setting left out arrives as null and gets its default here
public record AttachmentProperties(DataSize maxAttachmentBytes) {

    public AttachmentProperties {
        maxAttachmentBytes = maxAttachmentBytes == null ? DataSize.ofMegabytes(5) : maxAttachmentBytes;
        if (maxAttachmentBytes.toBytes() < 1024
                || maxAttachmentBytes.toBytes() > DataSize.ofMegabytes(96).toBytes()) {
            throw new IllegalArgumentException("ODOO_MAX_ATTACHMENT_BYTES must be between 1KB and 96MB (for example "
                    + "5MB), was " + maxAttachmentBytes.toBytes() + " bytes");
        }
    }
}
