package org.sightline.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigFileTest {
    static Path write(Path dir, String yaml) throws IOException {
        return Files.writeString(dir.resolve("service.yaml"), yaml);
    }

    @Test
    void aValidConfigIsReadWithPathsRelativeToIt(@TempDir Path dir) throws IOException {
        ServiceConfig c = ConfigFile.read(write(dir, """
                port: 9000
                key_file: secret/key
                city:
                  cameras: data/cameras.csv
                  buildings: data/buildings.geojson
                  streets: data/streets.geojson
                privacy:
                  k_anon: 5
                database:
                  url: jdbc:postgresql://localhost/sightline
                  user: sightline
                  password_env: PGPASSWORD
                """));
        assertThat(c.port()).isEqualTo(9000);
        assertThat(c.host()).isEqualTo("127.0.0.1");
        assertThat(c.keyFile()).contains(dir.resolve("secret/key"));
        assertThat(c.city().cameras()).isEqualTo(dir.resolve("data/cameras.csv"));
        assertThat(c.city().incidents()).isEmpty();
        assertThat(c.kAnon()).isEqualTo(5);
        assertThat(c.database().orElseThrow().url()).startsWith("jdbc:postgresql:");
    }

    @Test
    void anUnknownKeyIsNamedWithItsLine(@TempDir Path dir) throws IOException {
        Path f = write(dir, "port: 9000\ncity:\n  cameras: c.csv\n  buildings: b.geojson\n  camreas: x\n");
        assertThatThrownBy(() -> ConfigFile.read(f))
                .hasMessageContaining("line 5")
                .hasMessageContaining("unknown key 'camreas' in city")
                .hasMessageContaining("known keys: cameras, buildings");
    }

    @Test
    void missingKeysBadValuesAndBadYamlAreNamed(@TempDir Path dir) throws IOException {
        assertThatThrownBy(() -> ConfigFile.read(write(dir, "port: 1\n"))).hasMessageContaining("missing key 'city'");
        assertThatThrownBy(() -> ConfigFile.read(write(dir, "port: eighty\ncity: {cameras: a, buildings: b}\n")))
                .hasMessageContaining("line 1")
                .hasMessageContaining("expected a number, found 'eighty'");
        assertThatThrownBy(() -> ConfigFile.read(write(dir, "port: [1\n"))).hasMessageContaining("not valid YAML");
        assertThatThrownBy(() ->
                        ConfigFile.read(write(dir, "city: {cameras: a, buildings: b}\ndatabase: {url: mysql://x}\n")))
                .hasMessageContaining("line 2")
                .hasMessageContaining("jdbc:postgresql:");
    }

    @Test
    void serveRefusesToStartWithoutAKey(@TempDir Path dir) throws IOException {
        Path f = write(dir, "city: {cameras: c.csv, buildings: b.geojson}\n");
        StringWriter err = new StringWriter();
        var cli = new picocli.CommandLine(new ServiceCli());
        cli.setErr(new PrintWriter(err, true));
        cli.setExecutionExceptionHandler((ex, c, p) -> {
            c.getErr().println("sightline serve: " + ServiceCli.messageOf(ex));
            return ServiceCli.exitCodeOf(ex);
        });
        int code = cli.execute("serve", "--config", f.toString());
        if (System.getenv("SIGHTLINE_KEY") == null) {
            assertThat(code).isEqualTo(2);
            assertThat(err.toString()).contains("no encryption key").doesNotContain("Exception");
            assertThat(Files.exists(dir.resolve(".sightline-service"))).isFalse();
        }
    }
}
