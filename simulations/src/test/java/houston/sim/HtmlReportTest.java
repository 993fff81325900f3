package houston.sim;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The drill's HTML report: readable axes, a legend, distinct marks, no-action kept off the scale. */
class HtmlReportTest {

    @Test
    void timeIsTickedInMinutes() {
        SvgChart chart = new SvgChart("t", new double[]{0, 900, 1800}).line("a", "#000", new double[]{1, 2, 3}, false);

        String svg = chart.render(400, 100);

        // 30 minutes: a tick every 5.
        for (String minute : List.of(">0<", ">5<", ">10<", ">25<", ">30<", ">min<")) {
            assertTrue(svg.contains(minute), minute + " in " + svg);
        }
    }

    @Test
    void aLineThatDoesNotScaleIsClippedInsteadOfStretchingTheAxis() {
        SvgChart chart = new SvgChart("t", new double[]{0, 60}).line("houston", "#000", new double[]{0, 100}, false)
                .unscaledLine("no-action", "#888", new double[]{0, 1000});

        String svg = chart.render(400, 100);

        assertTrue(svg.contains(">105<"), "the axis tops at houston's peak: " + svg);
        assertFalse(svg.contains(">1.1k<"), svg);
    }

    @Test
    void faultsDecisionsAndFailedPublishesAreMarkedInTheirOwnStylesWithALegend() {
        Scenario s = SimFixtures.scenario(Duration.ofMinutes(20), List.of(
                SimFixtures.fault(Fault.Kind.OUTAGE, "loc-03", 60, 900, 0),
                SimFixtures.fault(Fault.Kind.DNS_OUTAGE, "", 0, 180, 0)), Objectives.NONE);
        DrillResult r = Drill.run(s, SimFixtures.setup(), p -> { });

        String html = HtmlReport.render(r);

        assertTrue(html.contains("stroke=\"#dc2626\" stroke-width=\"2.5\""), "faults: solid red");
        assertTrue(html.contains("<title>evacuation decided: evacuation_decided loc-03"), "decisions marked");
        assertTrue(html.contains("<title>DNS publish failed: publish-failed"), "failed publishes marked");
        assertTrue(html.contains("evacuation held</span>") && html.contains("DNS publish failed</span>"), "legend");
        assertTrue(html.contains("&#9644; loc-03</span>"), "plan lines named in a legend");
    }

    /** The data-plane fallback is the live path while it is engaged: the report shows when it starts and ends. */
    @Test
    void theDataPlaneFallbackEngagingAndReleasingIsMarkedWithALegend() {
        Scenario s = SimFixtures.scenario(Duration.ofMinutes(20), List.of(
                SimFixtures.fault(Fault.Kind.OUTAGE, "loc-03", 60, 900, 0),
                SimFixtures.fault(Fault.Kind.DNS_OUTAGE, "", 0, 480, 0)), Objectives.NONE);
        HoustonSetup plain = SimFixtures.setup();
        HoustonSetup setup = new HoustonSetup(plain.engine().withDnsFallback(new houston.core.config.DnsFallbackConfig(
                houston.core.config.DnsFallbackConfig.Mode.HEALTH_ENDPOINT, Duration.ofSeconds(30))), plain.probes(),
                plain.topology(), plain.tick(), plain.scaleReadyTimeout(), plain.dnsApi());
        DrillResult r = Drill.run(s, setup, p -> { });

        String html = HtmlReport.render(r);

        assertTrue(html.contains("<title>data-plane fallback engaged: fallback_engaged loc-03"), "engaged marked");
        assertTrue(html.contains("<title>data-plane fallback released: fallback_released loc-03"), "released marked");
        assertTrue(html.contains("data-plane fallback engaged</span>")
                && html.contains("data-plane fallback released</span>"), "legend");
    }
}
