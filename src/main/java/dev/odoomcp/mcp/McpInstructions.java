package dev.odoomcp.mcp;

/** The text given to the model at initialization, unless the operator sets {@code MCP_INSTRUCTIONS}. */
final class McpInstructions {

    static final String DEFAULT = """
            This server connects you to the user's own Odoo ERP with the user's own credentials and \
            permissions. Start with odoo_context to learn the Odoo version, user and companies. Find \
            models with list_models and their fields with describe_model. Resolve names the user \
            mentions (a supplier, a product, an employee) to record ids with name_search before you \
            create or update anything. Prefer search_records with a domain and a short field list; \
            use count_records or aggregate_records for totals instead of reading many records. \
            Confirm with the user before create_record, update_records, delete_records or \
            call_method, since they change real business data. For notes and messages on a record use \
            post_message and read_messages, for to-dos schedule_activity, list_activities and \
            complete_activity, for files upload_attachment, read_attachment and print_document.""";

    private McpInstructions() {}
}
