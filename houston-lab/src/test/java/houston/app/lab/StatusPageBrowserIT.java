package houston.app.lab;

import houston.app.config.HoustonConfigLoader;
import houston.testkit.Eventually;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.File;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The status page in a real browser (Debian's chromium, driven through chromium-driver) against a
 * lab: the map is drawn with its 15 locations and labels that do not overlap; a broken location turns
 * red and its catchment is drawn as flows to the receivers /v1/plan names, with their shares; a
 * partitioned vantage is shown as discounted; and when the daemon stops, the page says it is stale.
 */
// Its lab must evacuate within a bound while a browser draws the page: beside a second JVM running ITs it
// has missed it. Runs alone (the parent pom.xml).
@Tag("load-sensitive")
class StatusPageBrowserIT {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    @TempDir
    Path dir;

    private Lab lab;
    private WebDriver browser;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws Exception {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(DRIVER)) {
            // A developer's machine without the browser skips (and says how to get it); CI must have it: .ci/run installs it.
            Assumptions.assumeTrue(System.getenv("CI") != null, "chromium or chromedriver is not installed (apt-get install chromium chromium-driver)");
            throw new AssertionError("chromium or chromedriver missing in CI: .ci/run should install Debian's chromium and chromium-driver");
        }
        lab = Lab.start(HoustonConfigLoader.load(null), 0, dir.resolve("journal"), new PrintStream(PrintStream.nullOutputStream()));
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile())
                .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1200,900",
                        "--user-data-dir=" + Files.createDirectory(dir.resolve("chromium")));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(DRIVER.toString()))
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
    }

    @AfterEach
    void stop() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        if (lab != null) {
            lab.close();
        }
    }

    @Test
    void theMapShowsEveryLocationWithLabelsThatDoNotOverlap() throws Exception {
        browser.get(base() + "/");
        Eventually.await(Duration.ofSeconds(20), () -> browser.findElements(By.cssSelector("#labels .loc-label")).size() == 15);

        assertTrue(browser.findElement(By.cssSelector("path.land")).getAttribute("d").length() > 10_000, "the coastline is drawn");
        assertEquals(15, browser.findElements(By.cssSelector("circle.loc")).size());
        assertEquals(List.of(), overlappingLabels());
        assertTrue(text("data-time").matches("data of 20\\d\\d-\\d\\d-\\d\\dT.* \\(tick \\d+\\)"), text("data-time"));
        assertFalse(browser.findElement(By.id("stale")).isDisplayed());
    }

    @Test
    void aBrokenLocationIsDrawnAsFlowsAndADeadDaemonAsStale() throws Exception {
        Eventually.await(Duration.ofSeconds(20), () -> lab.daemon().loop().state().tick() > 6);
        browser.get(base() + "/");
        assertEquals(200, LabFaultRequest.send(lab, "us-east-1", "outage"));

        // Evacuating while the receivers pre-scale (users already move onto their ready room), then evacuated.
        // Null until the page has drawn the row: List.contains(null) would throw instead of waiting.
        Eventually.await(Duration.ofSeconds(30), () -> java.util.Set.of("evacuating", "evacuated").stream()
                .anyMatch(state -> state.equals(stateOnThePage("us-east-1"))));
        assertEquals("#f85149", js("return document.querySelector(\"circle.loc[data-id='us-east-1']\").getAttribute('fill');"));
        // The plan moves on (interim shares, then the receivers' once they have scaled): compare like for like,
        // once the API's plan sends us-east-1's users to several places.
        Eventually.await(Duration.ofSeconds(20), () -> {
            Map<String, Long> planned = receiversInThePlan("us-east-1");
            return planned.size() >= 2 && flowsOnThePage("us-east-1").equals(planned);
        });
        assertEquals(stateOnThePage("us-east-1"),
                js("return document.querySelector(\"#locations tr[data-id='us-east-1'] td:nth-child(2)\").textContent;"));
        assertEquals(200, LabFaultRequest.send(lab, "vantage:lab-eu-west", "partition"));
        Eventually.await(Duration.ofSeconds(30), () -> browser.findElement(By.id("vantages")).isDisplayed());
        assertTrue(text("vantages").contains("lab-eu-west"), text("vantages"));

        lab.close();
        lab = null;

        Eventually.await(Duration.ofSeconds(15), () -> browser.findElement(By.id("stale")).isDisplayed());
        assertTrue(text("stale").startsWith("STALE: the daemon does not answer"), text("stale"));
        assertTrue(browser.findElement(By.tagName("body")).getAttribute("class").contains("stale"));
    }

    private String base() {
        return "http://127.0.0.1:" + lab.daemon().port();
    }

    private String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    // Read in one script: the page redraws every 2 s, so an element found now may be replaced before it is read.
    private String stateOnThePage(String location) {
        return (String) js("const d=document.querySelector(\"circle.loc[data-id='\"+arguments[0]+\"']\");return d?d.dataset.state:null;", location);
    }

    /** receiver → share in whole percent, as the page draws the flows out of {@code location}. */
    @SuppressWarnings("unchecked")
    private Map<String, Long> flowsOnThePage(String location) {
        Map<String, Object> drawn = (Map<String, Object>) js("""
                const out={};
                document.querySelectorAll(".flow").forEach(f=>{if(f.dataset.from===arguments[0])out[f.dataset.to]=Number(f.dataset.share);});
                return out;""", location);
        Map<String, Long> flows = new TreeMap<>();
        drawn.forEach((to, share) -> flows.put(to, ((Number) share).longValue()));
        return flows;
    }

    private Object js(String script, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(script, args);
    }

    /** receiver → share in whole percent, from the API the page reads. */
    private Map<String, Long> receiversInThePlan(String location) {
        JsonObject row = new JsonObject(get("/v1/plan")).getJsonObject("rows").getJsonObject(location);
        Map<String, Long> receivers = new TreeMap<>();
        row.forEach(e -> {
            if (!e.getKey().equals(location) && ((Number) e.getValue()).doubleValue() > 0) {
                receivers.put(e.getKey(), Math.round(((Number) e.getValue()).doubleValue() * 100));
            }
        });
        return receivers;
    }

    /** Pairs of label ids whose boxes, as the browser laid them out, intersect. */
    @SuppressWarnings("unchecked")
    private List<String> overlappingLabels() {
        return (List<String>) js("""
                const boxes=[...document.querySelectorAll('#labels .loc-label')].map(t=>({id:t.dataset.id,b:t.getBBox()}));
                const out=[];
                for(let i=0;i<boxes.length;i++)for(let j=i+1;j<boxes.length;j++){const a=boxes[i].b,b=boxes[j].b;
                  if(a.x<b.x+b.width&&b.x<a.x+a.width&&a.y<b.y+b.height&&b.y<a.y+a.height)out.push(boxes[i].id+'/'+boxes[j].id);}
                return out;""");
    }

    private String get(String path) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(base() + path)).build(), HttpResponse.BodyHandlers.ofString()).body();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
