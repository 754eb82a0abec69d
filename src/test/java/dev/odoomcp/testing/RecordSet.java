package dev.odoomcp.testing;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** {@link FakeRecords} over the fake ORM; what custom methods and display-name rules receive. */
final class RecordSet implements FakeRecords {

    private final Orm orm;
    private final Table table;
    private final List<Long> ids;
    private final UserSpec user;

    /** {@code user} null means superuser (no access checks), as for display-name rules. */
    RecordSet(Orm orm, Table table, List<Long> ids, UserSpec user) {
        this.orm = orm;
        this.table = table;
        this.ids = ids;
        this.user = user;
    }

    @Override
    public String model() {
        return table.model();
    }

    @Override
    public List<Long> ids() {
        return ids;
    }

    @Override
    public Object get(long id, String field) {
        if (table.field(field) == null) {
            throw new IllegalArgumentException("No field " + field + " on " + table.model());
        }
        return field.equals("id") ? Long.valueOf(id) : orm.stored(table, id, field);
    }

    @Override
    public List<Map<String, Object>> read(String... fields) {
        return orm.read(table, ids, fields.length == 0 ? null : Arrays.asList(fields));
    }

    @Override
    public void write(Map<String, Object> values) {
        checkAccess("write");
        orm.writes().write(table, ids, Values.map(Values.wire(values)));
    }

    @Override
    public long create(Map<String, Object> values) {
        checkAccess("create");
        return orm.writes().create(table, Values.map(Values.wire(values)));
    }

    @Override
    public FakeRecords browse(String model, List<Long> otherIds) {
        return new RecordSet(orm, orm.db().table(model), List.copyOf(otherIds), user);
    }

    @Override
    public List<Long> search(List<?> domain) {
        return orm.search(table, (List<?>) Values.wire(domain), 0, null, null);
    }

    @Override
    public long uid() {
        return user == null ? 1L : user.uid();
    }

    private void checkAccess(String operation) {
        if (user != null) {
            orm.checkAccess(user, table, operation);
        }
    }
}
