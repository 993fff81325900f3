package houston.sim;

import java.util.List;
import java.util.Locale;

/**
 * The drill's HTML report: the KPI table, failed requests over time per policy, the traffic plan
 * (share of each catchment served at home) per policy, and load against ready capacity for
 * every location that carried more than its own traffic or had a fault; faults (red) and
 * decisions (blue) marked on every chart. One self-contained file.
 */
public final class HtmlReport {

    private static final String[] COLORS = {"#1f6feb", "#d97706", "#6b7280"};
    private static final String FAULT = "#dc2626";
    private static final String DECISION = "#2563eb";

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
        h.append(String.format(Locale.ROOT, "<p>start %s, %s simulated, seed %d. Red lines: faults; blue lines: "
                        + "Houston's decisions (hover for details).</p>", result.scenario().start(),
                KpiTable.seconds(result.scenario().length().toSeconds()), result.scenario().seed()));
        h.append("<pre>").append(SvgChart.esc(KpiTable.render(result))).append("</pre>");
        h.append("<p class=\"key\">");
        for (int i = 0; i < result.runs().size(); i++) {
            h.append("<span style=\"color:").append(COLORS[i % COLORS.length]).append("\">&#9644; ")
                    .append(result.runs().get(i).policy()).append("</span>");
        }
        h.append("</p>");
        Series houston = result.run(HoustonPolicy.NAME).series();
        double[] times = toArray(houston.times());
        SvgChart errors = marked(new SvgChart("failed requests/s", times), houston);
        for (int i = 0; i < result.runs().size(); i++) {
            RunResult r = result.runs().get(i);
            errors.line(r.policy(), COLORS[i % COLORS.length], toArray(r.series().failedRps()), false);
        }
        h.append(errors.render(960, 220));
        h.append("<h2>Traffic plan: share of each catchment served at home</h2><div class=\"grid\">");
        for (int i = 0; i < result.runs().size(); i++) {
            RunResult r = result.runs().get(i);
            SvgChart plan = marked(new SvgChart(r.policy(), times), houston);
            for (int l = 0; l < houston.locations().size(); l++) {
                double[] home = column(r.series().home(), l);
                if (min(home) < 0.999) {
                    plan.line(houston.locations().get(l) + " at home", COLORS[i % COLORS.length], home, false);
                }
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
            chart.marker(m.at(), m.kind().equals("fault") ? FAULT : DECISION, m.kind() + " " + m.location() + ": "
                    + m.text());
        }
        return chart;
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
