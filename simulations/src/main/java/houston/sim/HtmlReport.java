package houston.sim;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The drill's HTML report: the KPI table, failed requests over time per policy, the traffic plan
 * (share of each catchment served at home) per policy, and load against ready capacity for
 * every location that carried more than its own traffic or had a fault; faults, decisions, held
 * evacuations, failed publishes and the data-plane fallback engaging and releasing marked on every
 * chart, each in its own style, with a legend.
 * No action's failures are drawn but do not set the scale: they would flatten every other line.
 * One self-contained file.
 */
public final class HtmlReport {

    private static final String[] COLORS = {"#1f6feb", "#d97706", "#9333ea", "#6b7280"};
    /** One colour per location in the plan charts (wraps past sixteen). */
    private static final String[] LOCATION_COLORS = {"#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd",
        "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf", "#393b79", "#637939", "#8c6d31", "#843c39",
        "#7b4173", "#3182bd"};
    private static final Map<String, SvgChart.MarkStyle> MARKS = marks();
    private static final SvgChart.MarkStyle DECISION = new SvgChart.MarkStyle("decision", "#2563eb", "4 3", 1);

    private static Map<String, SvgChart.MarkStyle> marks() {
        Map<String, SvgChart.MarkStyle> m = new LinkedHashMap<>();
        m.put("fault", new SvgChart.MarkStyle("fault", "#dc2626", "", 2.5));
        m.put("evacuation_decided", new SvgChart.MarkStyle("evacuation decided", "#2563eb", "4 3", 1.5));
        m.put("failback_aborted", new SvgChart.MarkStyle("fail-back aborted", "#0891b2", "4 3", 1.5));
        m.put("restored", new SvgChart.MarkStyle("restored", "#16a34a", "4 3", 1.5));
        m.put("held", new SvgChart.MarkStyle("evacuation held", "#ea580c", "1 2", 2));
        m.put("publish-failed", new SvgChart.MarkStyle("DNS publish failed", "#a21caf", "1 2", 2));
        m.put("alert-ended", new SvgChart.MarkStyle("DNS works again", "#a21caf", "6 2", 1));
        // While engaged the live path is the data plane, not the weights the plan charts show.
        m.put("fallback_engaged", new SvgChart.MarkStyle("data-plane fallback engaged", "#0d9488", "", 2));
        m.put("fallback_released", new SvgChart.MarkStyle("data-plane fallback released", "#0d9488", "6 2", 1.5));
        m.put("fail_static_engaged", new SvgChart.MarkStyle("fail static", "#000000", "8 2", 1.5));
        m.put("alert", new SvgChart.MarkStyle("other alert", "#78716c", "1 2", 1));
        return m;
    }

    private HtmlReport() {
    }

    public static String render(DrillResult result) {
        StringBuilder h = new StringBuilder();
        h.append("<!doctype html><html><head><meta charset=\"utf-8\"><title>Houston drill: ")
                .append(SvgChart.esc(result.scenario().name())).append("</title><style>")
                .append("body{font:14px system-ui,sans-serif;margin:24px;color:#111}pre{background:#f6f8fa;padding:12px}")
                .append(".t{font:600 12px system-ui}.a{font:10px system-ui;fill:#555}.f{fill:#fafafa;stroke:#ddd}")
                .append(".grid{display:flex;flex-wrap:wrap;gap:8px}.key span{margin-right:16px}</style></head><body>");
        h.append("<h1>Drill: ").append(SvgChart.esc(result.scenario().name())).append("</h1><p>")
                .append(SvgChart.esc(result.scenario().description())).append("</p>");
        h.append(String.format(Locale.ROOT, "<p>start %s, %s simulated, seed %d. Time axes in minutes since the "
                        + "start; vertical marks: faults and Houston's acts (hover for details).</p>", result.scenario().start(),
                KpiTable.seconds(result.scenario().length().toSeconds()), result.scenario().seed()));
        h.append("<pre>").append(SvgChart.esc(KpiTable.render(result))).append("</pre>");
        h.append("<p class=\"key\">");
        for (int i = 0; i < result.runs().size(); i++) {
            h.append("<span style=\"color:").append(COLORS[i % COLORS.length]).append("\">&#9644; ")
                    .append(result.runs().get(i).policy()).append("</span>");
        }
        h.append("</p><p class=\"key\">");
        for (SvgChart.MarkStyle m : MARKS.values()) {
            h.append(String.format(Locale.ROOT, "<span><svg width=\"22\" height=\"10\"><line x1=\"0\" x2=\"22\" y1=\"5\" "
                    + "y2=\"5\" stroke=\"%s\" stroke-width=\"%.1f\"%s/></svg> %s</span>", m.color(), m.width(),
                    m.dash().isEmpty() ? "" : " stroke-dasharray=\"" + m.dash() + "\"", m.label()));
        }
        h.append("</p>");
        Series houston = result.run(HoustonPolicy.NAME).series();
        double[] times = toArray(houston.times());
        SvgChart errors = marked(new SvgChart("failed requests/s", times), houston);
        for (int i = 0; i < result.runs().size(); i++) {
            RunResult r = result.runs().get(i);
            if (r.policy().equals(NoActionPolicy.NAME)) {
                errors.unscaledLine(r.policy(), COLORS[i % COLORS.length], toArray(r.series().failedRps()));
            } else {
                errors.line(r.policy(), COLORS[i % COLORS.length], toArray(r.series().failedRps()), false);
            }
        }
        h.append(errors.render(960, 220)).append("<p class=\"a\">no-action is clipped at the top: it does not set the "
                + "scale.</p>");
        h.append("<h2>Traffic plan: share of each catchment served at home</h2><p class=\"key\">");
        List<Integer> moved = movedCatchments(result);
        for (int l : moved) {
            h.append("<span style=\"color:").append(LOCATION_COLORS[l % LOCATION_COLORS.length]).append("\">&#9644; ")
                    .append(SvgChart.esc(houston.locations().get(l))).append("</span>");
        }
        h.append("</p><div class=\"grid\">");
        for (RunResult r : result.runs()) {
            SvgChart plan = marked(new SvgChart(r.policy(), times), houston);
            for (int l : moved) {
                plan.line(houston.locations().get(l) + " at home", LOCATION_COLORS[l % LOCATION_COLORS.length],
                        column(r.series().home(), l), false);
            }
            h.append(plan.render(470, 180));
        }
        h.append("</div><h2>Load (solid) against ready capacity (dashed), per location</h2><div class=\"grid\">");
        for (int l = 0; l < houston.locations().size(); l++) {
            if (!interesting(result, l)) {
                continue;
            }
            SvgChart chart = marked(new SvgChart(houston.locations().get(l), times), houston);
            for (int i = 0; i < result.runs().size(); i++) {
                Series s = result.runs().get(i).series();
                chart.line(result.runs().get(i).policy() + " load", COLORS[i % COLORS.length], column(s.load(), l), false);
                chart.line(result.runs().get(i).policy() + " capacity", COLORS[i % COLORS.length],
                        column(s.capacity(), l), true);
            }
            h.append(chart.render(470, 180));
        }
        h.append("</div></body></html>\n");
        return h.toString();
    }

    private static SvgChart marked(SvgChart chart, Series houston) {
        for (Series.Mark m : houston.marks()) {
            chart.marker(m.at(), MARKS.getOrDefault(m.kind(), DECISION), m.kind() + " " + m.location() + ": "
                    + m.text());
        }
        return chart;
    }

    /** Catchments some policy served away from home at some point: the plan charts' lines. */
    private static List<Integer> movedCatchments(DrillResult result) {
        List<Integer> out = new java.util.ArrayList<>();
        int n = result.run(HoustonPolicy.NAME).series().locations().size();
        for (int l = 0; l < n; l++) {
            for (RunResult r : result.runs()) {
                if (min(column(r.series().home(), l)) < 0.999) {
                    out.add(l);
                    break;
                }
            }
        }
        return out;
    }

    /** A location worth a chart: faulted, or carrying 10% more than with no action (others' traffic). */
    private static boolean interesting(DrillResult result, int l) {
        String id = result.run(HoustonPolicy.NAME).series().locations().get(l);
        if (result.scenario().faults().stream().anyMatch(f -> f.target().equals(id))) {
            return true;
        }
        List<double[]> own = result.run(NoActionPolicy.NAME).series().load();
        for (RunResult r : result.runs()) {
            List<double[]> load = r.series().load();
            for (int i = 0; i < load.size() && i < own.size(); i++) {
                if (load.get(i)[l] > own.get(i)[l] * 1.1) {
                    return true;
                }
            }
        }
        return false;
    }

    private static double[] toArray(List<Double> values) {
        double[] a = new double[values.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = values.get(i);
        }
        return a;
    }

    private static double[] column(List<double[]> rows, int l) {
        double[] a = new double[rows.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = rows.get(i)[l];
        }
        return a;
    }

    private static double min(double[] values) {
        double m = Double.POSITIVE_INFINITY;
        for (double v : values) {
            m = Math.min(m, v);
        }
        return m;
    }
}
