using HealthStats.Etl.Deidentification;
using HealthStats.Etl.Ingest;
using HealthStats.Etl.Jobs;
using HealthStats.Warehouse.Build;
using HealthStats.Warehouse.Storage;
using Microsoft.Extensions.Options;

namespace HealthStats.Dashboard.Hosting;

public static class WarehouseHosting
{
    /// <summary>The data directory, the warehouse that this process owns while it runs, and the ingest service.</summary>
    public static WebApplicationBuilder AddHealthStatsWarehouse(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<HealthStatsOptions>(builder.Configuration.GetSection(HealthStatsOptions.Section));
        builder.Services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<HealthStatsOptions>>().Value;
            // Relative to the working directory, as for the CLI: both mean the same ./data.
            return new DataDirectory(Path.GetFullPath(options.DataDirectory));
        });
        builder.Services.AddSingleton(sp => new WarehouseDatabase(
            sp.GetRequiredService<DataDirectory>(), sp.GetRequiredService<IOptions<HealthStatsOptions>>().Value.DuckDbMemoryLimit));
        builder.Services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<HealthStatsOptions>>().Value;
            var data = sp.GetRequiredService<DataDirectory>();
            // Only the demo may make up a key: elsewhere pseudonyms must outlive the data directory.
            return new Pseudonymiser(options.Demo.Enabled
                ? HmacKeyStore.LoadOrCreate(data, options.HmacKey, options.HmacKeyFile)
                : HmacKeyStore.Load(data, options.HmacKey, options.HmacKeyFile));
        });
        builder.Services.AddSingleton<IngestService>(sp => new IngestService(
            sp.GetRequiredService<WarehouseDatabase>(), sp.GetRequiredService<Pseudonymiser>()));
        builder.Services.AddTransient<IngestJob>();
        builder.Services.AddTransient<DemoDataJob>();
        builder.Services.AddTransient<InboxScanJob>();
        builder.Services.AddTransient<LakeCompactionJob>();
        builder.Services.AddTransient(sp => new HealthStats.Etl.CodingQuality.CodingModelTrainer(sp.GetRequiredService<WarehouseDatabase>()));
        builder.Services.AddTransient(sp => new HealthStats.Etl.CodingQuality.CodingScorer(sp.GetRequiredService<WarehouseDatabase>()));
        builder.Services.AddTransient<CodingModelTrainingJob>();
        builder.Services.AddTransient<InboxFileJob>();
        builder.Services.AddTransient<IInboxJobQueue, HealthStats.Dashboard.Jobs.HangfireInboxQueue>();
        builder.Services.AddSingleton<WarehouseOwner>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<WarehouseOwner>());
        return builder;
    }
}
