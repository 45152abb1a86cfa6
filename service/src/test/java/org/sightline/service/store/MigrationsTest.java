package org.sightline.service.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrationsTest {
    @Test
    void migrationsApplyOnceInOrderAndAreRecorded(@TempDir Path dir) {
        try (Database db = Database.h2(dir)) {
            assertThat(Migrations.apply(db)).isEqualTo(Migrations.all().size());
            assertThat(Migrations.apply(db)).isZero();
            int v = db.with(Migrations::current);
            assertThat(v).isEqualTo(Migrations.all().size());
            for (String table : new String[] {"api_tokens", "cameras", "footage_requests", "outbox", "audit_log"}) {
                int n = db.with(c -> {
                    var r = c.createStatement().executeQuery("SELECT COUNT(*) FROM " + table);
                    r.next();
                    return r.getInt(1);
                });
                assertThat(n).as(table).isZero();
            }
        }
    }

    @Test
    void statementsSplitAtSemicolonsAtLineEndsWithoutComments() {
        assertThat(Migrations.statements("-- c\nCREATE TABLE a (x INT); -- trailing\nCREATE INDEX i\n ON a(x);\n"))
                .containsExactly("CREATE TABLE a (x INT)", "CREATE INDEX i\nON a(x)");
    }
}
