package houston.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A small line chart as inline SVG: lines over a shared time axis (seconds, ticked in minutes),
 * vertical marks for moments (faults, decisions) each in its own style, y from 0 to the largest
 * value of the lines that set the scale (a line that does not, such as no action's failures, is
 * clipped at the top). No script, no external assets, so a report opens anywhere, offline.
 */
final class SvgChart {

    /** One line; {@code dashed} for reference lines such as capacity; {@code scales}: it sets the y range. */
    record Line(String name, String color, double[] values, boolean dashed, boolean scales) {
    }

    /** How a kind of marker is drawn: colour, SVG dash pattern ("" solid), width. */
    record MarkStyle(String label, String color, String dash, double width) {
    }

    /** A vertical marker at {@code at} seconds. */
    record Marker(double at, MarkStyle style, String text) {
    }

    /** Tick spacings to choose from, in minutes: the smallest giving at most ten ticks. */
    private static final int[] TICK_MINUTES = {1, 2, 5, 10, 15, 30, 60, 120, 180, 360, 720, 1440};

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
        lines.add(new Line(name, color, values, dashed, true));
        return this;
    }

    /** A line drawn for comparison that does not stretch the y axis (clipped at its top). */
    SvgChart unscaledLine(String name, String color, double[] values) {
        lines.add(new Line(name, color, values, false, false));
        return this;
    }

    SvgChart marker(double at, MarkStyle style, String text) {
        markers.add(new Marker(at, style, text));
        return this;
    }

    String render(int width, int height) {
        double tMax = times.length == 0 ? 1 : Math.max(1, times[times.length - 1]);
        double yMax = 0;
        for (Line l : lines) {
            for (double v : l.scales() ? l.values() : new double[0]) {
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
        ticks(s, tMax, plotW, plotH, height);
        for (Marker m : markers) {
            double x = LEFT + plotW * m.at() / tMax;
            s.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%d\" y2=\"%d\" stroke=\"%s\" "
                    + "stroke-width=\"%.1f\"%s opacity=\"0.8\"><title>%s</title></line>", x, x, TOP, TOP + plotH,
                    m.style().color(), m.style().width(), dash(m.style().dash()), esc(m.style().label() + ": " + m.text())));
        }
        for (Line l : lines) {
            StringBuilder pts = new StringBuilder();
            for (int i = 0; i < times.length && i < l.values().length; i++) {
                pts.append(String.format(Locale.ROOT, "%.1f,%.1f ", LEFT + plotW * times[i] / tMax,
                        TOP + plotH - plotH * Math.min(l.values()[i], yMax) / yMax));
            }
            s.append(String.format(Locale.ROOT, "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"1.5\"%s "
                    + "points=\"%s\"><title>%s</title></polyline>", l.color(),
                    l.dashed() ? " stroke-dasharray=\"4 3\"" : "", pts.toString().trim(), esc(l.name())));
        }
        s.append("</svg>");
        return s.toString();
    }

    /** Vertical grid ticks along the time axis, labelled in minutes since the start. */
    private static void ticks(StringBuilder s, double tMax, int plotW, int plotH, int height) {
        int step = TICK_MINUTES[TICK_MINUTES.length - 1];
        for (int m : TICK_MINUTES) {
            if (tMax / 60 / m <= 10) {
                step = m;
                break;
            }
        }
        for (int minute = 0; minute * 60 <= tMax; minute += step) {
            double x = LEFT + plotW * minute * 60 / tMax;
            s.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%d\" y2=\"%d\" stroke=\"#e5e7eb\"/>"
                    + "<text x=\"%.1f\" y=\"%d\" class=\"a\" text-anchor=\"middle\">%d</text>", x, x, TOP, TOP + plotH,
                    x, height - 6, minute));
        }
        s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" class=\"a\">min</text>", LEFT - 30, height - 6));
    }

    private static String dash(String pattern) {
        return pattern.isEmpty() ? "" : " stroke-dasharray=\"" + pattern + "\"";
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
