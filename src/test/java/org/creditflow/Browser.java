package org.creditflow;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium for the tests tagged {@code browser} ({@code ./mvnw -B verify
 * -Pbrowser}): Debian's {@code chromium} and {@code chromedriver}
 * ({@code apt-get install -y chromium chromium-driver}), never a downloaded browser.
 * Override the paths with {@code CHROME_BINARY} and {@code CHROMEDRIVER}.
 */
public final class Browser implements AutoCloseable {

	private final ChromeDriver driver;

	private final String baseUrl;

	private final WebDriverWait wait;

	public Browser(int port) {
		ChromeOptions options = new ChromeOptions();
		options.setBinary(env("CHROME_BINARY", "/usr/bin/chromium"));
		options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1400,2000",
				"--lang=en-US");
		ChromeDriverService service = new ChromeDriverService.Builder()
			.usingDriverExecutable(Path.of(env("CHROMEDRIVER", "/usr/bin/chromedriver")).toFile())
			.usingAnyFreePort()
			.build();
		this.driver = new ChromeDriver(service, options);
		this.baseUrl = "http://localhost:" + port;
		this.wait = new WebDriverWait(this.driver, Duration.ofSeconds(30));
	}

	/** Signs in on the service's login page, as a person would. */
	public Browser signIn(String user, String password) {
		open("/login");
		this.driver.findElement(By.name("username")).sendKeys(user);
		this.driver.findElement(By.name("password")).sendKeys(password);
		this.driver.findElement(By.cssSelector("button[type=submit]")).click();
		this.wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
		return this;
	}

	public Browser open(String path) {
		this.driver.get(this.baseUrl + path);
		return this;
	}

	public WebElement await(By locator) {
		return this.wait.until(ExpectedConditions.visibilityOfElementLocated(locator));
	}

	public void awaitText(By locator, String text) {
		this.wait.until(ExpectedConditions.textToBePresentInElementLocated(locator, text));
	}

	public void click(By locator) {
		this.wait.until(ExpectedConditions.elementToBeClickable(locator)).click();
	}

	/**
	 * Moves the mouse to a point of an element, given from its centre, as a person
	 * pointing at a chart would.
	 */
	public void hover(By locator, int xFromCentre, int yFromCentre) {
		new Actions(this.driver).moveToElement(await(locator), xFromCentre, yFromCentre).perform();
	}

	public String text(By locator) {
		return await(locator).getText();
	}

	public String currentUrl() {
		return this.driver.getCurrentUrl();
	}

	/** Saves what the browser shows as a PNG under {@code target/}. */
	public Path screenshot(String name) {
		try {
			Path file = Path.of("target", "screenshots", name + ".png");
			Files.createDirectories(file.getParent());
			Files.write(file, this.driver.getScreenshotAs(OutputType.BYTES));
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void close() {
		this.driver.quit();
	}

	private static String env(String name, String fallback) {
		String value = System.getenv(name);
		return (value == null || value.isBlank()) ? fallback : value;
	}

}
