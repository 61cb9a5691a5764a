using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using OpenQA.Selenium.Support.UI;
using Xunit.Abstractions;

namespace HealthStats.Dashboard.Tests;

/// <summary>
/// Debian's chromium driven by its chromedriver, both named by path so that Selenium Manager never
/// runs (it would download a browser or driver). Headless, and every host but 127.0.0.1 unresolvable:
/// the page under test cannot reach the network.
/// </summary>
internal sealed class Browser : IDisposable
{
    public const string ChromiumPath = "/usr/bin/chromium";
    public const string ChromeDriverPath = "/usr/bin/chromedriver";

    private readonly ITestOutputHelper output;
    private readonly string testName;

    private Browser(ChromeDriver driver, ITestOutputHelper output, string testName)
    {
        Driver = driver;
        this.output = output;
        this.testName = testName;
    }

    public static bool IsInstalled => File.Exists(ChromiumPath) && File.Exists(ChromeDriverPath);

    public ChromeDriver Driver { get; }

    /// <param name="downloads">Where the browser saves downloads, without asking; null for its default.</param>
    public static Browser Start(ITestOutputHelper output, string testName, string? downloads = null)
    {
        if (!IsInstalled)
            throw new InvalidOperationException($"{ChromiumPath} or {ChromeDriverPath} is missing: apt-get install chromium chromium-driver");
        var service = ChromeDriverService.CreateDefaultService(ChromeDriverPath);
        service.SuppressInitialDiagnosticInformation = true;
        service.HideCommandPromptWindow = true;
        var options = new ChromeOptions { BinaryLocation = ChromiumPath };
        options.AddArguments(
            "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
            "--disable-background-networking", "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1",
            "--window-size=1280,900");
        if (downloads is not null)
        {
            options.AddUserProfilePreference("download.default_directory", downloads);
            options.AddUserProfilePreference("download.prompt_for_download", false);
        }
        var driver = new ChromeDriver(service, options, TimeSpan.FromSeconds(60));
        driver.Manage().Timeouts().PageLoad = TimeSpan.FromSeconds(30);
        return new Browser(driver, output, testName);
    }

    public void GoTo(Uri baseAddress, string path) => Driver.Navigate().GoToUrl(new Uri(baseAddress, path));

    public IWebElement WaitFor(string cssSelector, TimeSpan? within = null)
    {
        var wait = new WebDriverWait(Driver, within ?? TimeSpan.FromSeconds(15));
        // A page that is still replacing the last one can answer for nodes of the old document ("stale", or chromium's
        // "does not belong to the document"): asked again, it answers for the new one.
        wait.IgnoreExceptionTypes(typeof(StaleElementReferenceException), typeof(UnknownErrorException));
        return wait.Until(d => d.FindElements(By.CssSelector(cssSelector)).FirstOrDefault(e => e.Displayed));
    }

    public void Type(string cssSelector, string text)
    {
        var input = WaitFor(cssSelector);
        input.Clear();
        input.SendKeys(text);
    }

    /// <summary>Clicks, then waits for the next page to replace this one.</summary>
    public void ClickAndWaitForNextPage(string cssSelector)
    {
        var html = Driver.FindElement(By.TagName("html"));
        WaitFor(cssSelector).Click();
        new WebDriverWait(Driver, TimeSpan.FromSeconds(15)).Until(driver =>
        {
            try
            {
                _ = html.Enabled;
                return false;
            }
            catch (StaleElementReferenceException)
            {
                return true;
            }
            catch (UnknownErrorException e) when (e.Message.Contains("does not belong to the document", StringComparison.Ordinal))
            {
                // Chromium's other way of saying the old page's node is gone: the next page has replaced it.
                return true;
            }
        });
    }

    /// <summary>Chooses an option of a select element by its value.</summary>
    public void Select(string selectCssSelector, string value) =>
        WaitFor(selectCssSelector).FindElements(By.TagName("option")).First(o => o.GetDomAttribute("value") == value).Click();

    /// <summary>Waits for a file to arrive whole in a download directory (chromium writes it as .crdownload first).</summary>
    public static string WaitForDownload(string directory, string fileName, TimeSpan within)
    {
        var path = Path.Combine(directory, fileName);
        var deadline = DateTime.UtcNow + within;
        while (DateTime.UtcNow < deadline)
        {
            if (File.Exists(path) && !File.Exists(path + ".crdownload") && new FileInfo(path).Length > 0)
                return path;
            Thread.Sleep(200);
        }
        throw new TimeoutException($"{fileName} did not arrive in {directory} within {within.TotalSeconds} s; it holds: {string.Join(", ", Directory.GetFiles(directory).Select(Path.GetFileName))}");
    }

    /// <summary>Saves a screenshot beside the test binaries (TestResults/screenshots) and prints its path.</summary>
    public string Screenshot(string step)
    {
        var directory = Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, $"{testName}-{step}.png");
        Driver.GetScreenshot().SaveAsFile(path);
        output.WriteLine($"screenshot: {path}");
        return path;
    }

    public void Dispose() => Driver.Quit();
}
