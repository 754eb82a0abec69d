package dev.odoomcp.tools.prompts;

import static dev.odoomcp.tools.prompts.WorkflowPrompt.optional;
import static dev.odoomcp.tools.prompts.WorkflowPrompt.required;

import dev.odoomcp.mcp.McpPrompt;
import java.util.List;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The everyday requests the product promises, as prompts that chain the tools the right way. */
@Configuration
class WorkflowPrompts {

    @Bean
    McpPrompt stockOverview() {
        return WorkflowPrompt.of(
                "stock_overview",
                "Stock overview of a warehouse",
                "Show what is on hand in a warehouse (e.g. the main store), per product.",
                List.of(optional("warehouse", "Warehouse name, e.g. 'Main Store'; leave out for the main one")),
                Map.of("warehouse", "the main warehouse (the first one the user may see)"),
                """
                Show me the inventory of {warehouse} in Odoo.
                1. search_records on stock.warehouse (fields name, code) to find the warehouse; if several match, ask me.
                2. aggregate_records on stock.quant with domain [["location_id.warehouse_id", "=", <warehouse id>], \
                ["location_id.usage", "=", "internal"]], group_by ["product_id"], aggregates ["quantity:sum"].
                3. Present a table of product and quantity on hand, largest first, and say how many products there are.""");
    }

    @Bean
    McpPrompt rawMaterialStock() {
        return WorkflowPrompt.of(
                "raw_material_stock",
                "Raw material stock",
                "Check the stock of raw materials (or of any product category).",
                List.of(optional("category", "Product category, e.g. 'Raw Materials'")),
                Map.of("category", "Raw Materials"),
                """
                Check the stock of the product category "{category}" in Odoo.
                1. name_search on product.category with name "{category}"; if several match, ask me.
                2. aggregate_records on stock.quant with domain [["product_id.categ_id", "child_of", <category id>], \
                ["location_id.usage", "=", "internal"]], group_by ["product_id"], aggregates ["quantity:sum"].
                3. List each material with its quantity and flag those at or below zero.""");
    }

    @Bean
    McpPrompt purchaseOrder() {
        return WorkflowPrompt.of(
                "purchase_order",
                "Purchase order for a supplier",
                "Create a purchase order (request for quotation) for a supplier, and confirm it if asked.",
                List.of(
                        required("supplier", "Supplier name, e.g. 'Wood Corner'"),
                        optional("products", "What to order, e.g. '10 x Oak plank, 5 x Steel screw'")),
                Map.of("products", "(ask me which products and quantities)"),
                """
                Create a purchase order in Odoo for the supplier "{supplier}" with: {products}.
                1. name_search on res.partner for "{supplier}" (domain [["supplier_rank", ">", 0]] first, then without \
                it); if several match or none, ask me.
                2. name_search on product.product for each product; ask me when a name is ambiguous.
                3. Show me the order (supplier, lines, quantities) and wait for my confirmation.
                4. create_record on purchase.order with values {"partner_id": <id>, "order_line": [[0, 0, \
                {"product_id": <id>, "product_qty": <qty>}], ...]}.
                5. Only if I ask to confirm it: call_method button_confirm on the new order. Report its reference.""");
    }

    @Bean
    McpPrompt activeProjects() {
        return WorkflowPrompt.of(
                "active_projects",
                "Active projects",
                "List the active projects, e.g. those of this month.",
                List.of(optional("period", "Period, e.g. 'this month' or '2026-11'")),
                Map.of("period", "this month"),
                """
                List the active projects of {period} in Odoo.
                1. odoo_context to know today's date context and the user's timezone if needed.
                2. search_records on project.project with domain [["active", "=", true]] plus a date filter for \
                {period} on date_start or date (use describe_model on project.project if unsure which exists), \
                fields ["name", "partner_id", "user_id", "date_start", "date"].
                3. Present them as a list with manager and customer.""");
    }

    @Bean
    McpPrompt logTimesheet() {
        return WorkflowPrompt.of(
                "log_timesheet",
                "Log or update timesheet hours",
                "Record or correct the hours an employee worked on a project.",
                List.of(
                        required("employee", "Employee name"),
                        required("hours", "Hours worked, e.g. 3.5"),
                        optional("project", "Project name"),
                        optional("date", "Date, e.g. 2026-11-24 (default today)"),
                        optional("description", "What was done")),
                Map.of("project", "(ask me which project)", "date", "today", "description", "/"),
                """
                Log {hours} hours for the employee "{employee}" on project {project}, date {date}, description \
                "{description}".
                1. name_search on hr.employee for "{employee}" and on project.project for the project; ask me if \
                ambiguous.
                2. search_records on account.analytic.line with domain [["employee_id", "=", <id>], ["project_id", \
                "=", <id>], ["date", "=", <date>]] to see if an entry exists.
                3. If one exists and I asked to update, update_records with {"unit_amount": {hours}}; otherwise \
                create_record with {"employee_id": <id>, "project_id": <id>, "unit_amount": {hours}, "date": <date>, \
                "name": "{description}"}. Confirm the values with me first.""");
    }

    @Bean
    McpPrompt manufacturingOrder() {
        return WorkflowPrompt.of(
                "manufacturing_order",
                "Manufacturing order",
                "Create (and optionally confirm) a manufacturing order for a product.",
                List.of(required("product", "Product to manufacture"), required("quantity", "Quantity to produce")),
                Map.of(),
                """
                Create a manufacturing order in Odoo for {quantity} x "{product}".
                1. name_search on product.product for "{product}"; ask me if ambiguous.
                2. search_records on mrp.bom with domain ["|", ["product_id", "=", <product id>], \
                ["product_tmpl_id.product_variant_ids", "in", [<product id>]]] to find its bill of materials.
                3. Confirm with me, then create_record on mrp.production with {"product_id": <id>, "product_qty": \
                {quantity}, "bom_id": <bom id>}.
                4. If I ask, call_method action_confirm on it. Report the reference and the state.""");
    }
}
