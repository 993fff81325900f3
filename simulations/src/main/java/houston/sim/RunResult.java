package houston.sim;

/** One policy's run: its KPIs, its time series, and how many discrete events it took. */
public record RunResult(String policy, Kpis kpis, Series series, long events) {
}
