package org.sightline.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.sightline.service.auth.Role;
import org.sightline.service.store.Keys;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code sightline serve --config service.yaml} or {@code sightline serve --demo --port N [--data
 * DIR] [--preset charlotte|small] [--seed N]}. Demo mode generates (or reuses) the synthetic city,
 * creates a random AES key (kept in the data directory so a restart can read what it encrypted) and
 * says so, and writes one token per role to {@code DIR/demo-tokens.json}.
 */
@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        description = {
            "Serve the dispatcher API and the map page. Needs an AES key for owners' personal data: SIGHTLINE_KEY"
                    + " (base64) or key_file in the config; --demo creates one."
        })
public final class ServeCommand implements Callable<Integer> {
    static volatile boolean serving;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Mode mode;

    static final class Mode {
        @Option(names = "--config", paramLabel = "F", description = "service.yaml (see docs/service.md).")
        Path config;

        @Option(names = "--demo", description = "Serve the synthetic city with a generated key and one token per role.")
        boolean demo;
    }

    @Option(names = "--port", paramLabel = "N", description = "Port (demo default 8080; 0 = any free port).")
    Integer port;

    @Option(names = "--host", paramLabel = "ADDR", description = "Address to bind in demo mode. Default: 127.0.0.1.")
    String host = "127.0.0.1";

    @Option(
            names = "--data",
            paramLabel = "DIR",
            description = "Demo data directory (city, store, key, tokens). Default: .sightline/demo-service.")
    Path data;

    @Option(
            names = "--preset",
            paramLabel = "NAME",
            defaultValue = "charlotte",
            description = "Demo city: charlotte (3,438 cameras) or small (150). Default: ${DEFAULT-VALUE}.")
    String preset;

    @Option(
            names = "--seed",
            paramLabel = "N",
            defaultValue = "1",
            description = "Demo city seed. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Service service;
        if (mode.demo) {
            service = demo(dataDir(data), preset, seed, host, port == null ? 8080 : port, out)
                    .service();
        } else {
            if (data != null || !"charlotte".equals(preset) || seed != 1)
                throw new IllegalArgumentException(
                        "--data, --preset and --seed apply to --demo only; set data_dir in the config");
            ServiceConfig cfg = ConfigFile.read(mode.config);
            if (port != null) cfg = withPort(cfg, port);
            byte[] key = Keys.load(System.getenv(), cfg.keyFile());
            out.printf("sightline serve: %s%n", mode.config);
            service = Service.start(cfg, key, false, out);
            if (!service.tokens().anyOf(Role.ADMIN)) {
                Path f = cfg.dataDir().resolve("admin-token");
                writePrivate(
                        f, service.tokens().issue(Role.ADMIN, "bootstrap admin").token() + "\n");
                out.printf("  no admin token existed: issued one in %s (mode 0600); use it to issue others%n", f);
            }
        }
        out.printf("serving %s/%n", service.url());
        out.flush();
        Runtime.getRuntime().addShutdownHook(new Thread(service::close, "shutdown"));
        serving = true;
        return ServiceCli.OK;
    }

    static Path dataDir(Path given) {
        if (given != null) return given;
        String home = System.getProperty("sightline.home");
        return (home == null ? Path.of("") : Path.of(home))
                .resolve(".sightline/demo-service")
                .toAbsolutePath();
    }

    /** A demo service and where its tokens are. */
    public record Demo(Service service, Path tokensFile, Map<String, String> tokens) {}

    /** Starts demo mode (also used by tests). */
    public static Demo demo(Path dataDir, String preset, long seed, String host, int port, PrintWriter out) {
        out.printf("sightline serve --demo: synthetic %s city, data in %s%n", preset, dataDir);
        ServiceConfig.CityFiles files = DemoCity.prepare(dataDir, preset, seed, out);
        Keys.Created key = Keys.demoKey(dataDir.resolve("demo.key"));
        out.printf(
                key.created()
                        ? "  demo mode: created a random AES-256 key in %s (demo only: a deployment sets SIGHTLINE_KEY"
                                + " or key_file)%n"
                        : "  demo mode: using the random AES key created earlier in %s%n",
                dataDir.resolve("demo.key"));
        ServiceConfig cfg = new ServiceConfig(
                host,
                port,
                dataDir,
                Optional.empty(),
                Optional.empty(),
                files,
                150,
                3,
                ServiceConfig.DEFAULT_MAX_BODY,
                Optional.empty());
        Service service = Service.start(cfg, key.key(), true, out);
        service.tokens().revokeNamed("demo");
        Map<String, String> tokens = new LinkedHashMap<>();
        for (Role r : Role.values())
            tokens.put(r.code(), service.tokens().issue(r, "demo").token());
        Path f = dataDir.resolve("demo-tokens.json");
        try {
            writePrivate(
                    f,
                    new ObjectMapper()
                                    .enable(SerializationFeature.INDENT_OUTPUT)
                                    .writeValueAsString(tokens) + "\n");
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        out.printf("  demo tokens (one per role, earlier demo tokens revoked) in %s%n", f);
        out.printf("  open %s/ and paste a token, or %s/#token=<token>%n", service.url(), service.url());
        return new Demo(service, f, tokens);
    }

    private static ServiceConfig withPort(ServiceConfig c, int port) {
        return new ServiceConfig(
                c.host(),
                port,
                c.dataDir(),
                c.keyFile(),
                c.database(),
                c.city(),
                c.approachM(),
                c.kAnon(),
                c.maxBodyBytes(),
                c.publicUrl());
    }

    static void writePrivate(Path f, String text) {
        try {
            Path dir = f.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, ".tokens", ".tmp");
            try {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system
            }
            Files.writeString(tmp, text);
            Files.move(tmp, f, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + f, e);
        }
    }
}
