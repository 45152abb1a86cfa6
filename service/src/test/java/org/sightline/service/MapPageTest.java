package org.sightline.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.sightline.engine.model.CameraKind;

/**
 * The map page in headless Chromium (Debian {@code chromium} + {@code chromium-driver}): a dispatcher
 * signs in, clicks next to a camera and sees ranked suggestions with viewsheds; a planner toggles
 * the layers. Screenshots go to {@code target/screenshots/}.
 */
@Tag("slow")
class MapPageTest {
    static final String CHROMIUM = "/usr/bin/chromium", DRIVER = "/usr/bin/chromedriver";
    static WebDriver driver;
    static ServeCommand.Demo demo;

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(
                new File(CHROMIUM).canExecute() && new File(DRIVER).canExecute(),
                "needs Debian chromium and chromium-driver (run-tests installs them)");
        demo = TestCity.demo();
        Path profile = Files.createTempDirectory("sightline-chromium");
        ChromeOptions o = new ChromeOptions();
        o.setBinary(CHROMIUM);
        o.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--user-data-dir=" + profile,
                "--window-size=1400,900");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(DRIVER))
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, o);
    }

    @AfterAll
    static void stop() {
        if (driver != null) driver.quit();
    }

    WebDriverWait waiting() {
        return new WebDriverWait(driver, Duration.ofSeconds(60));
    }

    void signIn(String role) {
        driver.get("about:blank"); // a fragment change alone would not reload the page
        driver.get(demo.service().url() + "/#token=" + demo.tokens().get(role));
        waiting().until(ExpectedConditions.attributeToBe(By.id("map"), "data-ready", "true"));
    }

    @Test
    void aDispatcherClicksThePointAndSeesRankedCamerasWithViewsheds() throws Exception {
        signIn("dispatcher");
        assertThat(driver.findElement(By.id("role")).getText()).startsWith("dispatcher");
        var cam = demo.service().city().cameras().stream()
                .filter(c ->
                        c.metric().kind() == CameraKind.BUSINESS && c.metric().liveFeed())
                .findFirst()
                .orElseThrow();
        WebElement map = driver.findElement(By.id("map"));
        @SuppressWarnings("unchecked")
        List<Number> px = (List<Number>) ((JavascriptExecutor) driver)
                .executeScript(
                        "var p = sightlineMap.latLngToContainerPoint([arguments[0], arguments[1]]); return [p.x, p.y];",
                        cam.lat(),
                        cam.lon());
        int dx = (int) Math.round(px.get(0).doubleValue() - map.getSize().getWidth() / 2.0);
        int dy = (int) Math.round(px.get(1).doubleValue() - map.getSize().getHeight() / 2.0);
        new Actions(driver).moveToElement(map, dx, dy).click().perform();

        waiting()
                .until(ExpectedConditions.numberOfElementsToBeMoreThan(
                        By.cssSelector("#suggestions li.suggestion"), 0));
        List<WebElement> items = driver.findElements(By.cssSelector("#suggestions li.suggestion"));
        assertThat(items.get(0).findElement(By.className("reason")).getText()).startsWith("sees");
        assertThat(items.stream().map(e -> e.getAttribute("data-camera")))
                .contains(cam.metric().id());
        Long drawn = (Long)
                ((JavascriptExecutor) driver)
                        .executeScript(
                                "return document.querySelectorAll('.leaflet-overlay-pane canvas, .leaflet-overlay-pane path').length;");
        assertThat(drawn).isPositive();
        screenshot("map-dispatcher.png");
    }

    @Test
    void aPlannerTogglesCoverageHotspotsAndGapsButSeesNoCameras() throws Exception {
        signIn("planner");
        assertThat(driver.findElement(By.id("dispatcher-panel")).isDisplayed()).isFalse();
        for (String layer : List.of("coverage", "hotspots", "gaps", "cells"))
            driver.findElement(By.id("layer-" + layer)).click();
        waiting().until(d -> d.findElement(By.id("status")).getText().isEmpty());
        assertThat(driver.getPageSource()).doesNotContain("CAM-");
        screenshot("map-planner.png");
    }

    static void screenshot(String name) throws Exception {
        Path dir = Path.of("target/screenshots");
        Files.createDirectories(dir);
        Files.write(dir.resolve(name), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    }
}
