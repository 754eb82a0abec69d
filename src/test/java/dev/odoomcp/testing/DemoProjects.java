package dev.odoomcp.testing;

import static dev.odoomcp.testing.FakeOdooDatasets.rec;

import java.util.List;
import java.util.Map;

/** Employees, projects, tasks, timesheets and manufacturing of the demo company. */
final class DemoProjects {

    private DemoProjects() {}

    static void define(DatabaseSpec spec) {
        spec.model(
                "hr.employee",
                "Employee",
                m -> m.field(FieldSpec.of("name", "char")
                                .string("Employee Name")
                                .asRequired())
                        .field(FieldSpec.of("user_id", "many2one")
                                .relation("res.users")
                                .string("User"))
                        .field(FieldSpec.of("work_email", "char").string("Work Email"))
                        .field(FieldSpec.of("job_title", "char").string("Job Title"))
                        .field("company_id", "many2one", "res.company")
                        .field(FieldSpec.of("active", "boolean").defaultValue(true))
                        .record(rec(
                                "id",
                                1,
                                "name",
                                "Mitchell Admin",
                                "user_id",
                                2,
                                "job_title",
                                "Chief Executive Officer",
                                "company_id",
                                1))
                        .record(rec(
                                "id",
                                2,
                                "name",
                                "Marc Demo",
                                "user_id",
                                6,
                                "job_title",
                                "Experienced Developer",
                                "company_id",
                                1))
                        .record(rec("id", 3, "name", "Audrey Peterson", "job_title", "Consultant", "company_id", 1)));
        spec.model(
                "project.project",
                "Project",
                m -> m.field(FieldSpec.of("name", "char").string("Name").asRequired())
                        .field(FieldSpec.of("active", "boolean")
                                .defaultValue(true)
                                .help(
                                        "If the active field is set to False, it will allow you to hide the project without "
                                                + "removing it."))
                        .field(FieldSpec.of("date_start", "date").string("Start Date"))
                        .field(FieldSpec.of("date", "date").string("Expiration Date"))
                        .field(FieldSpec.of("user_id", "many2one")
                                .relation("res.users")
                                .string("Project Manager"))
                        .field(FieldSpec.of("partner_id", "many2one")
                                .relation("res.partner")
                                .string("Customer"))
                        .field(FieldSpec.of("task_ids", "one2many")
                                .relation("project.task")
                                .inverse("project_id")
                                .string("Tasks"))
                        .field("company_id", "many2one", "res.company")
                        .order("name, id")
                        .record(rec(
                                "id",
                                1,
                                "name",
                                "Office Design",
                                "date_start",
                                "2026-10-01",
                                "date",
                                "2027-01-31",
                                "user_id",
                                2,
                                "partner_id",
                                15,
                                "company_id",
                                1))
                        .record(rec(
                                "id",
                                2,
                                "name",
                                "Research & Development",
                                "date_start",
                                "2026-09-15",
                                "user_id",
                                6,
                                "company_id",
                                1))
                        .record(rec(
                                "id",
                                3,
                                "name",
                                "Renovations",
                                "date_start",
                                "2026-11-01",
                                "date",
                                "2026-12-20",
                                "user_id",
                                2,
                                "partner_id",
                                10,
                                "company_id",
                                1))
                        .record(rec(
                                "id",
                                4,
                                "name",
                                "Old Showroom",
                                "active",
                                false,
                                "date_start",
                                "2025-01-10",
                                "date",
                                "2025-06-30",
                                "company_id",
                                1)));
        spec.model(
                "project.task",
                "Task",
                m -> m.field(FieldSpec.of("name", "char").string("Title").asRequired())
                        .field(FieldSpec.of("project_id", "many2one")
                                .relation("project.project")
                                .string("Project"))
                        .field(FieldSpec.of("user_ids", "many2many")
                                .relation("res.users")
                                .string("Assignees"))
                        .field(FieldSpec.of("state", "selection")
                                .string("State")
                                .selection(
                                        "01_in_progress",
                                        "In Progress",
                                        "02_changes_requested",
                                        "Changes Requested",
                                        "03_approved",
                                        "Approved",
                                        "1_done",
                                        "Done",
                                        "1_canceled",
                                        "Cancelled")
                                .defaultValue("01_in_progress"))
                        .field(FieldSpec.of("date_deadline", "date").string("Deadline"))
                        .field(FieldSpec.of("allocated_hours", "float").string("Allocated Time"))
                        .field(FieldSpec.of("active", "boolean").defaultValue(true))
                        .record(rec(
                                "id",
                                1,
                                "name",
                                "Meeting Room Furnitures",
                                "project_id",
                                1,
                                "user_ids",
                                List.of(2),
                                "date_deadline",
                                "2026-12-05",
                                "allocated_hours",
                                20.0))
                        .record(rec(
                                "id",
                                2,
                                "name",
                                "Energy Certificate",
                                "project_id",
                                1,
                                "user_ids",
                                List.of(6),
                                "state",
                                "03_approved",
                                "allocated_hours",
                                8.0))
                        .record(rec(
                                "id",
                                3,
                                "name",
                                "Prototype the new desk",
                                "project_id",
                                2,
                                "user_ids",
                                List.of(6, 2),
                                "date_deadline",
                                "2026-12-15",
                                "allocated_hours",
                                40.0))
                        .record(rec(
                                "id",
                                4,
                                "name",
                                "Paint the walls",
                                "project_id",
                                3,
                                "state",
                                "1_done",
                                "allocated_hours",
                                12.0)));
        timesheets(spec);
        DemoManufacturing.define(spec);
    }

    private static void timesheets(DatabaseSpec spec) {
        spec.model("account.analytic.line", "Analytic Line", m -> {
            m.field(FieldSpec.of("name", "char").string("Description").asRequired())
                    .field(FieldSpec.of("date", "date").string("Date").asRequired())
                    .field(FieldSpec.of("employee_id", "many2one")
                            .relation("hr.employee")
                            .string("Employee"))
                    .field(FieldSpec.of("project_id", "many2one")
                            .relation("project.project")
                            .string("Project"))
                    .field(FieldSpec.of("task_id", "many2one")
                            .relation("project.task")
                            .string("Task"))
                    .field(FieldSpec.of("user_id", "many2one")
                            .relation("res.users")
                            .string("User"))
                    .field(FieldSpec.of("unit_amount", "float")
                            .string("Quantity")
                            .defaultValue(0.0))
                    .field(FieldSpec.of("amount", "monetary").string("Amount"))
                    .field("company_id", "many2one", "res.company")
                    .order("date desc, id desc");
            Object[][] lines = {
                {"2026-11-02", 1, 1, 1, 2, 3.5, "Measured the meeting room"},
                {"2026-11-03", 1, 1, 1, 2, 2.0, "Supplier call"},
                {"2026-11-03", 2, 1, 2, 6, 4.0, "Energy audit"},
                {"2026-11-10", 2, 2, 3, 6, 6.0, "Desk prototype sketches"},
                {"2026-11-12", 1, 2, 3, 2, 1.5, "Prototype review"},
                {"2026-11-18", 3, 3, 4, null, 7.0, "Painting, first coat"},
                {"2026-11-19", 3, 3, 4, null, 5.0, "Painting, second coat"},
            };
            for (Object[] l : lines) {
                Map<String, Object> r = rec(
                        "date",
                        l[0],
                        "employee_id",
                        l[1],
                        "project_id",
                        l[2],
                        "task_id",
                        l[3],
                        "unit_amount",
                        l[5],
                        "name",
                        l[6],
                        "company_id",
                        1);
                if (l[4] != null) {
                    r.put("user_id", ((Integer) l[4]).longValue());
                }
                m.record(r);
            }
        });
    }
}
