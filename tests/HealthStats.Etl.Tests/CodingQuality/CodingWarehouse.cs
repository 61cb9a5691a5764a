using HealthStats.Etl.Deidentification;
using HealthStats.Etl.Generation;
using HealthStats.Etl.Ingest;
using HealthStats.TestSupport;
using HealthStats.Warehouse.Build;
using HealthStats.Warehouse.Storage;

namespace HealthStats.Etl.Tests.CodingQuality;

/// <summary>
/// A data directory with generated, miscoded abstracts loaded (and the generator's truth.csv beside it),
/// made once per test run and copied for each test, which may then import, train and score freely.
/// </summary>
internal static class CodingWarehouse
{
    public const int Abstracts = 4000;

    private static readonly Lazy<string> Template = new(Make);

    /// <summary>A fresh copy: the data directory and the truth file under <paramref name="temp"/>.</summary>
    public static (WarehouseDatabase Database, string TruthFile) Copy(TempDirectory temp)
    {
        var target = temp.Combine("coding");
        CopyDirectory(Template.Value, target);
        return (new WarehouseDatabase(new DataDirectory(Path.Combine(target, "data"))), Path.Combine(target, "gen", AbstractGenerator.TruthFileName));
    }

    private static string Make()
    {
        var root = Path.Combine(Path.GetTempPath(), $"hs-coding-template-{Guid.NewGuid():N}");
        var gen = Path.Combine(root, "gen");
        AbstractGenerator.Generate(new GeneratorOptions(Abstracts, 11, ErrorRate: 0.15), gen);
        var data = new DataDirectory(Path.Combine(root, "data"));
        var database = new WarehouseDatabase(data);
        WarehouseSetup.Initialize(database);
        using var pseudonymiser = new Pseudonymiser(HmacKeyStore.LoadOrCreate(data));
        new IngestService(database, pseudonymiser)
            .IngestFileAsync(Path.Combine(gen, AbstractGenerator.AbstractsFileName), new IngestOptions(), default).GetAwaiter().GetResult();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Directory.Delete(root, recursive: true);
        return root;
    }

    private static void CopyDirectory(string from, string to)
    {
        foreach (var directory in Directory.EnumerateDirectories(from, "*", SearchOption.AllDirectories))
            Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, directory)));
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
            File.Copy(file, Path.Combine(to, Path.GetRelativePath(from, file)));
    }

    /// <summary>Writes the header and the truth rows picked by <paramref name="keep"/> (by row index) as an audit outcomes file.</summary>
    public static string TruthSubset(string truthFile, string path, Func<int, bool> keep)
    {
        var lines = File.ReadAllLines(truthFile);
        File.WriteAllLines(path, [lines[0], .. lines.Skip(1).Where((_, i) => keep(i))]);
        return path;
    }
}
