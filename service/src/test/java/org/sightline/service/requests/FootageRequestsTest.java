package org.sightline.service.requests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.locationtech.jts.geom.Coordinate;
import org.sightline.engine.geo.Geometries;
import org.sightline.engine.model.Camera;
import org.sightline.engine.model.CameraKind;
import org.sightline.engine.model.Owner;
import org.sightline.service.TestStore;
import org.sightline.service.audit.AuditEntry;
import org.sightline.service.audit.AuditLog;
import org.sightline.service.audit.AuditVerifier;
import org.sightline.service.auth.Principal;
import org.sightline.service.auth.Role;
import org.sightline.service.store.Database;
import org.sightline.service.store.FieldCipher;
import org.sightline.service.store.Migrations;
import org.sightline.service.store.Registry;

/** The consent workflow against a real store (H2 and PostgreSQL), with a clock the test moves. */
@ParameterizedClass
@EnumSource(TestStore.class)
class FootageRequestsTest {
    @Parameter
    TestStore store;

    static final Instant T0 = Instant.parse("2025-06-01T22:00:00Z");
    final Camera camera = new Camera(
            "CAM-1",
            Geometries.FACTORY.createPoint(new Coordinate(0, 0)),
            0,
            90,
            50,
            3,
            CameraKind.RESIDENT,
            false,
            7,
            true,
            false,
            new Owner("Ann Owner", "555-0100", "ann@example.invalid"));
    final Principal dispatcher = new Principal("tok_d", Role.DISPATCHER, "test");
    MutableClock clock = new MutableClock(T0.plus(Duration.ofHours(2)));
    Database db;
    AuditLog audit;
    FootageRequests requests;

    @BeforeEach
    void open(@TempDir Path dir) {
        db = store.create(dir).open();
        Migrations.apply(db);
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        FieldCipher cipher = new FieldCipher(key);
        Registry registry = new Registry(db, cipher);
        registry.importNew(List.of(camera));
        audit = new AuditLog(db, AuditLog.journalDir(dir), false);
        requests = new FootageRequests(db, audit, cipher, registry, clock, "http://127.0.0.1:1");
    }

    @AfterEach
    void close() {
        audit.close();
        db.close();
    }

    FootageRequest ask() {
        return requests.create(
                new FootageRequests.Ask("CAM-1", "INC-9", "2025-004711", T0, T0.plus(Duration.ofMinutes(30))),
                camera,
                dispatcher,
                entry());
    }

    static AuditEntry entry() {
        return new AuditEntry(System.currentTimeMillis(), "tok_d", "dispatcher", "POST /api/requests", "", 201, "");
    }

    String ownerToken(String requestId) {
        return requests.outbox(100).stream()
                .filter(m -> m.get("request_id").equals(requestId))
                .map(m -> (String) ((Map<?, ?>) m.get("payload")).get("token"))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void aRequestIsPendingAndTheOwnerIsNotifiedThroughTheOutbox() {
        FootageRequest r = ask();
        assertThat(r.status()).isEqualTo(RequestStatus.PENDING);
        assertThat(r.deadline()).isEqualTo(T0.plus(Duration.ofDays(7)));
        var msg = requests.outbox(10).get(0);
        assertThat(msg.get("request_id")).isEqualTo(r.id());
        Map<?, ?> payload = (Map<?, ?>) msg.get("payload");
        assertThat(((Map<?, ?>) payload.get("to")).get("email")).isEqualTo("ann@example.invalid");
        assertThat((String) payload.get("decision_url")).endsWith("/api/requests/" + r.id() + "/decision");
        // stored encrypted: the owner's e-mail is nowhere in the raw table
        String raw = db.with(c -> {
            try (var s = c.createStatement();
                    var rs = s.executeQuery("SELECT payload_enc FROM outbox")) {
                rs.next();
                return rs.getString(1);
            }
        });
        assertThat(raw).doesNotContain("ann@").doesNotContain("Ann Owner");
    }

    @Test
    void approvalWithTheOneTimeTokenGrantsAccessAndTheTokenCannotBeReused() {
        FootageRequest r = ask();
        String token = ownerToken(r.id());
        assertThatThrownBy(() -> requests.decide(r.id(), "wrong", true, entry()))
                .isInstanceOf(WorkflowException.class)
                .hasMessageContaining("invalid or already used");
        assertThat(requests.decide(r.id(), token, true, entry())).isEqualTo("approved");
        assertThat(requests.get(r.id()).orElseThrow().status()).isEqualTo(RequestStatus.APPROVED);
        assertThatThrownBy(() -> requests.decide(r.id(), token, false, entry()))
                .isInstanceOf(WorkflowException.class)
                .hasMessageContaining("invalid or already used");
        assertThat(requests.get(r.id()).orElseThrow().status()).isEqualTo(RequestStatus.APPROVED);
    }

    @Test
    void policeCannotTellADeclineFromNoAnswer() {
        FootageRequest declined = ask();
        FootageRequest ignored = ask();
        assertThat(requests.decide(declined.id(), ownerToken(declined.id()), false, entry()))
                .isEqualTo("declined");
        assertThat(requests.get(declined.id()).orElseThrow().status()).isEqualTo(RequestStatus.PENDING);
        assertThat(requests.get(ignored.id()).orElseThrow().status()).isEqualTo(RequestStatus.PENDING);
        clock.set(T0.plus(Duration.ofDays(7)).plusSeconds(1));
        assertThat(requests.get(declined.id()).orElseThrow().status()).isEqualTo(RequestStatus.EXPIRED);
        assertThat(requests.get(ignored.id()).orElseThrow().status()).isEqualTo(RequestStatus.EXPIRED);
        assertThat(requests.list(10)).extracting(FootageRequest::status).containsOnly(RequestStatus.EXPIRED);
    }

    @Test
    void pastTheRetentionDeadlineTheOwnerCanNoLongerAnswer() {
        FootageRequest r = ask();
        String token = ownerToken(r.id());
        clock.set(T0.plus(Duration.ofDays(8)));
        assertThatThrownBy(() -> requests.decide(r.id(), token, true, entry()))
                .isInstanceOf(WorkflowException.class)
                .extracting(e -> ((WorkflowException) e).kind())
                .isEqualTo(WorkflowException.Kind.GONE);
        assertThat(requests.get(r.id()).orElseThrow().status()).isEqualTo(RequestStatus.EXPIRED);
    }

    @Test
    void requestsForOverwrittenFootageOrImpossibleWindowsAreRefused() {
        clock.set(T0.plus(Duration.ofDays(10)));
        assertThatThrownBy(this::ask).hasMessageContaining("overwritten");
        clock.set(T0.plus(Duration.ofHours(1)));
        assertThatThrownBy(() -> requests.create(
                        new FootageRequests.Ask("CAM-1", "I", "C-1", T0, T0.minusSeconds(1)),
                        camera,
                        dispatcher,
                        entry()))
                .hasMessageContaining("after 'from'");
        assertThatThrownBy(() -> requests.create(
                        new FootageRequests.Ask("CAM-1", "I", "C-1", T0.minus(Duration.ofDays(2)), T0),
                        camera,
                        dispatcher,
                        entry()))
                .hasMessageContaining("24 hours");
    }

    @Test
    void everyStepIsInTheAuditChain() {
        FootageRequest r = ask();
        requests.decide(r.id(), ownerToken(r.id()), true, entry());
        audit.flush();
        var report = AuditVerifier.verify(db);
        assertThat(report.intact()).isTrue();
        assertThat(report.entries()).isEqualTo(2);
        String details = db.with(c -> {
            try (var s = c.createStatement();
                    var rs = s.executeQuery("SELECT detail FROM audit_log ORDER BY seq")) {
                StringBuilder b = new StringBuilder();
                while (rs.next()) b.append(rs.getString(1)).append('|');
                return b.toString();
            }
        });
        assertThat(details).isEqualTo("created " + r.id() + "|decision recorded|");
    }

    static final class MutableClock extends Clock {
        private volatile Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void set(Instant t) {
            now = t;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
