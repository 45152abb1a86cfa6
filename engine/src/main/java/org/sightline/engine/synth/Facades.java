package org.sightline.engine.synth;

/**
 * The street-facing front wall of every generated building (metres relative to the centre) and the
 * building's use: the places where cameras can be mounted. Primitive arrays, ~33 bytes a building.
 */
final class Facades {
    final DoubleList x0 = new DoubleList(1 << 12), y0 = new DoubleList(1 << 12);
    final DoubleList x1 = new DoubleList(1 << 12), y1 = new DoubleList(1 << 12);
    private byte[] use = new byte[1 << 12];
    private int n;

    void add(double[] front, BuildingUse u) {
        x0.add(front[0]);
        y0.add(front[1]);
        x1.add(front[2]);
        y1.add(front[3]);
        if (n == use.length) use = java.util.Arrays.copyOf(use, n * 2);
        use[n++] = (byte) u.ordinal();
    }

    int size() {
        return n;
    }

    BuildingUse use(int i) {
        return BuildingUse.VALUES[use[i]];
    }
}
