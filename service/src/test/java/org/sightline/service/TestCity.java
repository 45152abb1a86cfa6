package org.sightline.service;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.sightline.engine.synth.SynthOptions;
import org.sightline.engine.synth.SyntheticCity;
import org.sightline.service.auth.Role;
import org.sightline.service.store.Keys;

/**
 * Test fixtures: the synthetic {@code small} city (seed 1) generated once per build into
 * {@code target/test-city}, fresh data directories that reuse it, and one in-process demo service
 * shared by the HTTP tests of a JVM.
 */
final class TestCity {
    private static final Path TARGET = Path.of("target").toAbsolutePath();
    private static ServeCommand.Demo shared;
    private static ServeCommand.Demo sharedPostgres;

    private TestCity() {}

    /** A new data directory holding (links to) the small city, as demo mode caches it. */
    static synchronized Path freshDataDir() {
        Path city = TARGET.resolve("test-city/city-small-seed1");
        try {
            if (!Files.isRegularFile(city.resolve("city.json")))
                SyntheticCity.generate(city, SynthOptions.of("small", 1, 1));
            Path dir = TARGET.resolve("test-data/" + UUID.randomUUID());
            Path copy = dir.resolve("city-small-seed1");
            Files.createDirectories(copy);
            try (Stream<Path> files = Files.list(city)) {
                for (Path f : files.toList()) Files.createLink(copy.resolve(f.getFileName()), f);
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The shared demo service on a free port (stopped when the JVM exits). */
    static synchronized ServeCommand.Demo demo() {
        if (shared == null) {
            StringWriter log = new StringWriter();
            shared = ServeCommand.demo(freshDataDir(), "small", 1, "127.0.0.1", 0, new PrintWriter(log, true));
            Runtime.getRuntime().addShutdownHook(new Thread(shared.service()::close));
        }
        return shared;
    }

    /**
     * The shared demo service (small city) on {@code store}: for H2 exactly {@link #demo()}; for
     * PostgreSQL the same city and settings with the store in a database of the test PostgreSQL server
     * (as {@code service.yaml}'s {@code database} would configure it), one token per role.
     */
    static synchronized ServeCommand.Demo demo(TestStore store) {
        if (store == TestStore.H2) return demo();
        if (sharedPostgres == null) {
            Path dir = freshDataDir();
            PrintWriter log = new PrintWriter(new StringWriter(), true);
            ServiceConfig cfg = new ServiceConfig(
                    "127.0.0.1",
                    0,
                    dir,
                    Optional.empty(),
                    store.create(dir).config(),
                    DemoCity.prepare(dir, "small", 1, log),
                    150,
                    3,
                    ServiceConfig.DEFAULT_MAX_BODY,
                    Optional.empty());
            Service service =
                    Service.start(cfg, Keys.demoKey(dir.resolve("demo.key")).key(), true, log);
            Map<String, String> tokens = new LinkedHashMap<>();
            for (Role r : Role.values())
                tokens.put(r.code(), service.tokens().issue(r, "test").token());
            sharedPostgres = new ServeCommand.Demo(service, dir.resolve("no-tokens-file"), tokens);
            Runtime.getRuntime().addShutdownHook(new Thread(service::close));
        }
        return sharedPostgres;
    }
}
