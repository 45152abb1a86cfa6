package org.sightline.engine.synth;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Invented street and neighbourhood names, drawn from fixed word lists (so they are reproducible). */
final class Names {
    private static final String[] STEMS = {
        "Ashford",
        "Briar",
        "Cedar",
        "Dover",
        "Elm",
        "Fox",
        "Glen",
        "Hazel",
        "Iron",
        "Juniper",
        "Kings",
        "Laurel",
        "Maple",
        "Oak",
        "Pine",
        "Quail",
        "Raven",
        "Stone",
        "Thorn",
        "Willow",
        "Birch",
        "Cotton",
        "Hickory",
        "Magnolia",
        "Piedmont",
        "Sugar",
        "Mill",
        "Rock",
        "Summer",
        "Wesley",
        "Hidden",
        "Copper",
        "Dogwood",
        "Falcon",
        "Granite",
        "Heron",
        "Ivy",
        "Kestrel",
        "Linden",
        "Mossy",
        "Orchard",
        "Poplar",
        "Redbud",
        "Sycamore",
        "Tanager",
        "Walnut",
        "Yadkin",
        "Amber",
        "Bramble",
        "Clover"
    };
    private static final String[] AREA_SUFFIXES = {
        "wood",
        " Park",
        " Heights",
        " Hills",
        "brook",
        " Village",
        " Commons",
        "field",
        " Ridge",
        " Creek",
        " Valley",
        "dale",
        " Station",
        " Grove",
        " Forest",
        " Acres",
        " Point",
        " Terrace"
    };
    private static final String[] ARTERIAL_SUFFIXES = {"Blvd", "Rd", "Pkwy", "Ave", "Hwy", "Pike"};
    private static final String[] LOCAL_SUFFIXES = {"St", "Dr", "Ln", "Ct", "Way", "Pl", "Ave", "Cir", "Trl"};

    private Names() {}

    static String street(SplittableRandom rng, boolean arterial) {
        String stem = STEMS[rng.nextInt(STEMS.length)];
        if (!arterial && rng.nextInt(4) == 0) stem = stem + (rng.nextBoolean() ? " Hollow" : " Bend");
        String[] suffixes = arterial ? ARTERIAL_SUFFIXES : LOCAL_SUFFIXES;
        return stem + " " + suffixes[rng.nextInt(suffixes.length)];
    }

    /** {@code n} distinct neighbourhood names in a seeded order; numbered once the 900 combinations run out. */
    static List<String> neighbourhoods(SplittableRandom rng, int n) {
        List<String> all = new ArrayList<>(STEMS.length * AREA_SUFFIXES.length);
        for (String s : STEMS) for (String t : AREA_SUFFIXES) all.add(s + t);
        for (int i = all.size() - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            String tmp = all.get(i);
            all.set(i, all.get(j));
            all.set(j, tmp);
        }
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String base = all.get(i % all.size());
            out.add(i < all.size() ? base : base + " " + (i / all.size() + 1));
        }
        return out;
    }
}
