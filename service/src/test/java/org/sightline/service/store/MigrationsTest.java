package org.sightline.service.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.sightline.service.TestStore;

class MigrationsTest {
    @ParameterizedTest
    @EnumSource(TestStore.class)
    void migrationsApplyOnceInOrderAndAreRecorded(TestStore store, @TempDir Path dir) {
        try (Database db = store.create(dir).open()) {
            assertThat(db.dialect().name()).isEqualTo(store.name());
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
