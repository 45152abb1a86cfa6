package org.sightline.jobs.pipeline;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A real, throw-away PostGIS server for integration tests: {@code initdb} into a temporary folder with
 * the installed PostgreSQL 15 binaries, a free port on 127.0.0.1, {@code CREATE EXTENSION postgis},
 * stopped and deleted by {@link #close}. PostgreSQL refuses to run as root, so as root the server runs
 * as the {@code postgres} user ({@code runuser}). Outside CI a machine without the binaries skips the
 * test; in CI ({@code CI=true}) that is a failure (install {@code postgresql-15-postgis-3}).
 */
public final class PostgisServer implements AutoCloseable {
    static final Path BIN = Path.of("/usr/lib/postgresql/15/bin");

    private final Path dir;
    private final int port;
    private final boolean asPostgres;

    private PostgisServer(Path dir, int port, boolean asPostgres) {
        this.dir = dir;
        this.port = port;
        this.asPostgres = asPostgres;
    }

    public static PostgisServer start() throws IOException, InterruptedException, SQLException {
        boolean ci = "true".equalsIgnoreCase(System.getenv("CI"));
        boolean installed = Files.isExecutable(BIN.resolve("initdb"))
                && Files.exists(Path.of("/usr/share/postgresql/15/extension/postgis.control"));
        if (!installed) {
            String why = "PostgreSQL 15 + PostGIS 3 not installed (apt-get install postgresql-15-postgis-3)";
            if (ci) throw new IllegalStateException(why + ": integration tests must run in CI");
            Assumptions.abort(why);
        }
        boolean root = "root".equals(System.getProperty("user.name"));
        Path dir = Files.createTempDirectory("sightline-pg-");
        if (root) exec(List.of("chown", "-R", "postgres:postgres", dir.toString()), false);
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            port = s.getLocalPort();
        }
        PostgisServer pg = new PostgisServer(dir, port, root);
        pg.pg(List.of(
                BIN.resolve("initdb").toString(),
                "-D",
                dir.resolve("data").toString(),
                "-U",
                "sightline",
                "--auth=trust",
                "-E",
                "UTF8",
                "--no-sync"));
        pg.pg(List.of(
                BIN.resolve("pg_ctl").toString(),
                "-D",
                dir.resolve("data").toString(),
                "-l",
                dir.resolve("log").toString(),
                "-w",
                "-t",
                "60",
                "-o",
                "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off",
                "start"));
        try (Connection c = pg.connect();
                Statement st = c.createStatement()) {
            st.execute("CREATE EXTENSION postgis");
        }
        return pg;
    }

    public String url() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    public String user() {
        return "sightline";
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url(), user(), "");
    }

    @Override
    public void close() throws IOException, InterruptedException {
        try {
            pg(List.of(
                    BIN.resolve("pg_ctl").toString(),
                    "-D",
                    dir.resolve("data").toString(),
                    "-m",
                    "fast",
                    "-w",
                    "stop"));
        } finally {
            org.sightline.jobs.pipeline.StageDir.delete(dir);
        }
    }

    private void pg(List<String> command) throws IOException, InterruptedException {
        List<String> c = new ArrayList<>();
        if (asPostgres) c.addAll(List.of("runuser", "-u", "postgres", "--"));
        c.addAll(command);
        exec(c, true);
    }

    private static void exec(List<String> command, boolean quiet) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0)
            throw new IOException(String.join(" ", command) + " failed:\n" + out);
    }
}
