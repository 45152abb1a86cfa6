package org.sightline.engine.synth;

/** The street segments written to streets.geojson, on the ground (metres relative to the centre). */
final class StreetSegments {
    final DoubleList x0 = new DoubleList(1 << 12), y0 = new DoubleList(1 << 12);
    final DoubleList x1 = new DoubleList(1 << 12), y1 = new DoubleList(1 << 12);
    final DoubleList density = new DoubleList(1 << 12);
    private boolean[] arterial = new boolean[1 << 12];
    private int n;

    void add(double ax, double ay, double bx, double by, boolean isArterial, double d) {
        x0.add(ax);
        y0.add(ay);
        x1.add(bx);
        y1.add(by);
        density.add(d);
        if (n == arterial.length) arterial = java.util.Arrays.copyOf(arterial, n * 2);
        arterial[n++] = isArterial;
    }

    int size() {
        return n;
    }

    boolean arterial(int i) {
        return arterial[i];
    }

    double length(int i) {
        return Math.hypot(x1.get(i) - x0.get(i), y1.get(i) - y0.get(i));
    }
}
