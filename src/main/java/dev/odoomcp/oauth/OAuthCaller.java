package dev.odoomcp.oauth;

import dev.odoomcp.odoo.OdooCredentials;

/**
 * The caller a valid OAuth access token stands for: the Odoo credentials sealed inside it (already run
 * through the same URL checks and allow-lists as header mode), whether the user chose read-only on the
 * consent page, and whom per-client limits charge ({@code oauth:<tenant id>}, since many users of a hosted
 * assistant arrive from the same few addresses).
 *
 * @param credentials the Odoo credentials from the token; tool arguments and headers never override them
 * @param readOnly the user ticked read-only on the consent page
 * @param clientKey the per-client limit key
 */
public record OAuthCaller(OdooCredentials credentials, boolean readOnly, String clientKey) {

    @Override
    public String toString() {
        return "OAuthCaller[credentials=" + credentials + ", readOnly=" + readOnly + ", client=" + clientKey + "]";
    }
}
