package org.sightline.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every chart and map embedded in a report is a real PNG with data drawn on it. */
class ImagesTest {
    private static final int WHITE = 0xFFFFFF, MAP_BACKGROUND = 0xF7F7F4;

    @ParameterizedTest
    @EnumSource(Audience.class)
    void embeddedImagesAreNotBlank(Audience a) throws IOException {
        List<byte[]> pngs = Html.pngs(Files.readString(ReportFixture.report(a).html()));
        assertThat(pngs)
                .hasSize(ReportFixture.report(a).document().images().size())
                .isNotEmpty();
        for (int k = 0; k < pngs.size(); k++) {
            BufferedImage img = ImageIO.read(new ByteArrayInputStream(pngs.get(k)));
            String id = ReportFixture.report(a).document().images().get(k).id();
            assertThat(img).as(id).isNotNull();
            assertThat(img.getWidth()).as(id + " drawn at 2x").isGreaterThanOrEqualTo(1000);
            Set<Integer> colours = new HashSet<>();
            long ink = 0;
            for (int y = 0; y < img.getHeight(); y += 2)
                for (int x = 0; x < img.getWidth(); x += 2) {
                    int rgb = img.getRGB(x, y) & 0xFFFFFF;
                    colours.add(rgb);
                    if (rgb != WHITE && rgb != MAP_BACKGROUND) ink++;
                }
            double share = (double) ink / ((img.getWidth() / 2) * (img.getHeight() / 2));
            assertThat(colours.size()).as(id + " distinct colours").isGreaterThan(30);
            assertThat(share).as(id + " share of drawn pixels").isGreaterThan(0.03);
        }
    }

    /** Every image has the data it was drawn from, for the privacy scan and the HTML's data tables. */
    @ParameterizedTest
    @EnumSource(Audience.class)
    void everyImageKeepsItsData(Audience a) {
        for (Document.Image i : ReportFixture.report(a).document().images())
            assertThat(i.data().rows()).as(i.id()).isNotEmpty();
    }
}
