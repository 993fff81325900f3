package houston.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A small line chart as inline SVG: lines over a shared time axis (seconds), vertical marks for
 * moments (faults, decisions), y from 0 to the largest value. No script, no external assets, so a
 * report opens anywhere, offline.
 */
final class SvgChart {

    /** One line; {@code dashed} for reference lines such as capacity. */
    record Line(String name, String color, double[] values, boolean dashed) {
    }

    /** A vertical marker at {@code at} seconds. */
    record Marker(double at, String color, String text) {
    }

    private static final int LEFT = 56;
    private static final int BOTTOM = 22;
    private static final int TOP = 20;

    private final String title;
    private final double[] times;
    private final List<Line> lines = new ArrayList<>();
    private final List<Marker> markers = new ArrayList<>();

    SvgChart(String title, double[] times) {
        this.title = title;
        this.times = times.clone();
    }

    SvgChart line(String name, String color, double[] values, boolean dashed) {
        lines.add(new Line(name, color, values, dashed));
        return this;
    }

    SvgChart marker(double at, String color, String text) {
        markers.add(new Marker(at, color, text));
        return this;
    }

    String render(int width, int height) {
        double tMax = times.length == 0 ? 1 : Math.max(1, times[times.length - 1]);
        double yMax = 0;
        for (Line l : lines) {
            for (double v : l.values()) {
                yMax = Math.max(yMax, v);
            }
        }
        yMax = yMax <= 0 ? 1 : yMax * 1.05;
        int plotW = width - LEFT - 8;
        int plotH = height - TOP - BOTTOM;
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "<svg width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" role=\"img\">",
                width, height, width, height));
        s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"14\" class=\"t\">%s</text>", LEFT, esc(title)));
        s.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" class=\"f\"/>",
                LEFT, TOP, plotW, plotH));
        s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" class=\"a\" text-anchor=\"end\">%s</text>",
                LEFT - 4, TOP + 10, esc(human(yMax))));
        s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" class=\"a\" text-anchor=\"end\">0</text>",
                LEFT - 4, TOP + plotH));
        s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" class=\"a\" text-anchor=\"end\">%s</text>",
                LEFT + plotW, height - 6, esc(KpiTable.seconds(tMax))));
        for (Marker m : markers) {
            double x = LEFT + plotW * m.at() / tMax;
            s.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%d\" y2=\"%d\" stroke=\"%s\" "
                    + "stroke-width=\"1\" opacity=\"0.7\"><title>%s</title></line>", x, x, TOP, TOP + plotH,
                    m.color(), esc(m.text())));
        }
        for (Line l : lines) {
            StringBuilder pts = new StringBuilder();
            for (int i = 0; i < times.length && i < l.values().length; i++) {
                pts.append(String.format(Locale.ROOT, "%.1f,%.1f ", LEFT + plotW * times[i] / tMax,
                        TOP + plotH - plotH * l.values()[i] / yMax));
            }
            s.append(String.format(Locale.ROOT, "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"1.5\"%s "
                    + "points=\"%s\"><title>%s</title></polyline>", l.color(),
                    l.dashed() ? " stroke-dasharray=\"4 3\"" : "", pts.toString().trim(), esc(l.name())));
        }
        s.append("</svg>");
        return s.toString();
    }

    static String human(double v) {
        if (v >= 1e6) {
            return String.format(Locale.ROOT, "%.1fM", v / 1e6);
        }
        if (v >= 1e3) {
            return String.format(Locale.ROOT, "%.1fk", v / 1e3);
        }
        return String.format(Locale.ROOT, v >= 10 ? "%.0f" : "%.2f", v);
    }

    static String esc(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
