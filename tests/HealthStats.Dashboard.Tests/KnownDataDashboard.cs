using HealthStats.Cli;
using HealthStats.TestSupport;
using HealthStats.Warehouse.Storage;

namespace HealthStats.Dashboard.Tests;

/// <summary>
/// A dashboard on data whose every figure is known by hand: the full ICD-10-CM and ICD-10-PCS FY2026 with their
/// addenda (from ../shared/data), and two small batches of abstracts (<see cref="KnownAbstracts"/>), the older one
/// submitted 60 days ago. The data directory is made once per test run by the CLI, as a user makes one, and each
/// fixture starts its dashboard on a copy of it: the imports take seconds, the copy a fraction of one. The server
/// starts on first use, so that tests skipped for want of ../shared/data do not start it.
/// </summary>
public sealed class KnownDataDashboard : IDisposable
{
    private static readonly Lazy<string> Template = new(MakeTemplate, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly Lazy<DashboardServer> server = new(Start, LazyThreadSafetyMode.ExecutionAndPublication);

    public DashboardServer Server => server.Value;

    public void Dispose()
    {
        if (server.IsValueCreated)
            server.Value.Dispose();
    }

    private static DashboardServer Start()
    {
        var data = new TempDirectory("dashboard-known");
        Copy(Template.Value, data.Combine("data"));
        return new DashboardServer(data, ownsData: true, demo: false);
    }

    // Beside the test binaries rather than in temp: every fixture of the run copies it, so it outlives them all, and
    // the next run starts it afresh.
    private static string MakeTemplate()
    {
        var root = Path.Combine(AppContext.BaseDirectory, "TestResults", "known-data");
        if (Directory.Exists(root))
            Directory.Delete(root, recursive: true);
        Directory.CreateDirectory(root);
        var data = Path.Combine(root, "data");
        Run("reference", "import-classification", SharedData.Path("icd10cm", "icd10cm_order_2026.txt"),
            "--kind", "diagnosis", "--version", "ICD-10-CM-2026", "--effective-from", "2025-10-01", "--data", data);
        Run("reference", "import-addenda", SharedData.Path("icd10cm", "icd10cm_order_addenda_2026.txt"),
            "--kind", "diagnosis", "--version", "ICD-10-CM-2026", "--data", data);
        Run("reference", "import-classification", SharedData.Path("icd10pcs", "icd10pcs_order_2026.txt"),
            "--kind", "intervention", "--version", "ICD-10-PCS-2026", "--effective-from", "2025-10-01", "--data", data);
        Run("reference", "import-addenda", SharedData.Path("icd10pcs", "icd10pcs_order_addenda_2026.txt"),
            "--kind", "intervention", "--version", "ICD-10-PCS-2026", "--data", data);

        Run("ingest", KnownAbstracts.WriteFirst(Path.Combine(root, KnownAbstracts.FirstFile)), "--data", data);
        // A facility that last submitted two months ago: the batch's times are when it was loaded, so the test
        // moves them back rather than waiting. Nothing else in the warehouse derives from them.
        var database = new WarehouseDatabase(new DataDirectory(data));
        using (var connection = database.OpenConnection())
        {
            connection.Execute(
                "update meta.batches set started_at = started_at - interval 60 days, completed_at = completed_at - interval 60 days where file_name = $1",
                KnownAbstracts.FirstFile);
        }
        Run("ingest", KnownAbstracts.WriteSecond(Path.Combine(root, KnownAbstracts.SecondFile)), "--data", data);
        return data;
    }

    private static void Run(params string[] args)
    {
        if (args[0] == "ingest")
            TestHmacKey.WriteInto(args[^1]);
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = CliApp.RunAsync(args, stdout, stderr).GetAwaiter().GetResult();
        if (exit != 0)
            throw new InvalidOperationException($"healthstats {string.Join(' ', args)} exited {exit}: {stderr}{stdout}");
    }

    private static void Copy(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var directory in Directory.GetDirectories(from, "*", SearchOption.AllDirectories))
            Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, directory)));
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
            File.Copy(file, Path.Combine(to, Path.GetRelativePath(from, file)));
    }
}
