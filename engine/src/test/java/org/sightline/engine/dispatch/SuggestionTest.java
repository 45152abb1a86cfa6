package org.sightline.engine.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.sightline.engine.model.CameraKind;

class SuggestionTest {
    private static final Instant UNTIL = Instant.parse("2025-06-08T22:00:00Z");

    private static Suggestion lazyApproach() {
        return Suggestion.ranked(
                "i1",
                2,
                "c7",
                CameraKind.RESIDENT,
                Suggestion.Access.REQUEST,
                0,
                80.4,
                12.5,
                UNTIL,
                Suggestion.Role.APPROACH,
                false,
                0.125,
                74.5,
                Reasons.approachPrefix("Tryon St"));
    }

    /** {@link #lazyApproach}'s numbers with the reason given as text. */
    private static Suggestion eagerApproach(String reason) {
        return new Suggestion(
                "i1",
                2,
                "c7",
                CameraKind.RESIDENT,
                Suggestion.Access.REQUEST,
                0,
                80.4,
                12.5,
                UNTIL,
                Suggestion.Role.APPROACH,
                false,
                0.125,
                reason);
    }

    private static final String TEXT =
            "covers the approach on Tryon St, 75 m from the incident, owner request, footage kept until 2025-06-08";

    @Test
    void aLazyReasonReadsAsTheEagerOneAndTheSuggestionsAreEqual() {
        Suggestion lazy = lazyApproach();
        Suggestion eager = eagerApproach(TEXT);
        assertThat(lazy).isEqualTo(eager).hasSameHashCodeAs(eager).hasToString(eager.toString());
        assertThat(lazy.reason()).isEqualTo(TEXT);
        assertThat(lazy.toString()).startsWith("Suggestion[incidentId=i1, rank=2, cameraId=c7, kind=RESIDENT");
        assertThat(lazy.withRank(3).reason()).isEqualTo(TEXT);
        assertThat(lazy.withRank(3)).isNotEqualTo(eager);
        // a different reason text makes a different suggestion
        assertThat(eager).isNotEqualTo(eagerApproach(TEXT + "."));
    }

    @Test
    void aSerializedSuggestionCarriesItsReasonText() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(lazyApproach());
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            Suggestion back = (Suggestion) in.readObject();
            assertThat(back).isEqualTo(lazyApproach());
            assertThat(back.reason()).isEqualTo(TEXT);
        }
    }
}
