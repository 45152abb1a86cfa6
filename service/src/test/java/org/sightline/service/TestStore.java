package org.sightline.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.sightline.engine.testing.PostgisServer;
import org.sightline.service.store.Database;

/**
 * The two stores the service supports, for tests that run against both: embedded H2 in a directory,
 * and a real PostgreSQL 15 server ({@link PostgisServer}: started on first use, one per test JVM,
 * stopped when the JVM exits), where every {@linkplain #create store} is a new, empty database.
 */
public enum TestStore {
    H2,
    POSTGRESQL;

    private static PostgisServer server;
    private static final AtomicInteger DATABASES = new AtomicInteger();

    /** One empty store; {@link Location#open} opens it (again). */
    public record Location(TestStore kind, Path dir, Optional<ServiceConfig.DatabaseConfig> config) {
        public Database open() {
            return config.map(c -> Database.of(c.url(), c.user().orElse(null), null))
                    .orElseGet(() -> Database.h2(dir));
        }
    }

    /** A new, empty store; {@code dir} holds it for H2 and is not used for PostgreSQL. */
    public Location create(Path dir) {
        if (this == H2) return new Location(this, dir, Optional.empty());
        PostgisServer pg = server();
        try {
            String url =
                    pg.createDatabase("store_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet());
            return new Location(
                    this,
                    dir,
                    Optional.of(new ServiceConfig.DatabaseConfig(url, Optional.of(pg.user()), Optional.empty())));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create a PostgreSQL database: " + e.getMessage(), e);
        }
    }

    private static synchronized PostgisServer server() {
        if (server == null) {
            try {
                server = PostgisServer.start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } catch (SQLException e) {
                throw new IllegalStateException("PostgreSQL did not start: " + e.getMessage(), e);
            }
            PostgisServer started = server;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.close();
                } catch (IOException | InterruptedException e) {
                    System.err.println("stopping the test PostgreSQL server failed: " + e);
                }
            }));
        }
        return server;
    }
}
