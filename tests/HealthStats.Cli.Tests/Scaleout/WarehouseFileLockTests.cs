using HealthStats.Etl.Reliability;
using HealthStats.TestSupport;
using HealthStats.Warehouse.Build;
using HealthStats.Warehouse.Storage;

namespace HealthStats.Cli.Tests.Scaleout;

/// <summary>
/// Workers take turns at the DuckDB file within one process's life: that works only if DuckDB.NET lets go of
/// the file (its lock) when the last connection to it is disposed, not when the process ends.
/// </summary>
public sealed class WarehouseFileLockTests
{
    [Fact]
    public async Task WarehouseFile_OpensInAnotherProcess_OnlyOnceEveryConnectionIsDisposed()
    {
        using var work = new TempDirectory();
        var data = new DataDirectory(work.Path);
        var database = new WarehouseDatabase(data);
        WarehouseSetup.Initialize(database);
        var cli = new CliProcess(typeof(CliApp).Assembly.Location, new Dictionary<string, string>());

        var whileOpen = "";
        using (database.OpenConnection())
        {
            using var other = cli.Start("batches", "--data", data.Root, "--json");
            Assert.True(await other.WaitAsync(TimeSpan.FromMinutes(1)));
            Assert.Equal(1, other.ExitCode);
            whileOpen = other.Error;
        }
        var afterDispose = await cli.RunAsync(TimeSpan.FromMinutes(1), "batches", "--data", data.Root, "--json");

        Assert.Contains("is open in another process", whileOpen);
        Assert.Contains("\"batches\"", afterDispose);
    }
}
