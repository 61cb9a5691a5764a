using System.Security.Cryptography;
using System.Text;

namespace HealthStats.Warehouse.Classification;

public sealed partial class ClassificationStore
{
    private static readonly DateOnly StarterEffectiveFrom = new(1900, 1, 1);

    /// <summary>
    /// Installs the built-in <c>starter</c> versions of both kinds (effective from 1900-01-01, open-ended) from the
    /// embedded starter CSVs, so that a new warehouse validates codes before any classification is imported. Does
    /// nothing when they are installed already; a release whose starter files changed replaces them.
    /// </summary>
    public void EnsureStarter() => EnsureStarter(kind => OpenEmbeddedStarter(typeof(ClassificationStore).Assembly, kind));

    /// <summary>The seam for tests: <paramref name="open"/> gives the starter content of a kind.</summary>
    internal void EnsureStarter(Func<ClassificationKind, StarterSource> open)
    {
        // Both files are read before anything is written, so that a missing one changes nothing.
        var sources = Enum.GetValues<ClassificationKind>().Select(kind => (Kind: kind, Source: open(kind))).ToList();
        using var connection = database.OpenConnection();
        EnsureStructure(connection);
        var installed = ListVersions(connection)
            .Where(v => v.Builtin && v.Version == StarterVersion)
            .ToDictionary(v => v.Kind, v => v.Source);
        foreach (var (kind, source) in sources)
        {
            var description = $"{source.Name} sha256:{Convert.ToHexStringLower(SHA256.HashData(source.Content))}";
            if (installed.GetValueOrDefault(kind) == description)
                continue;

            using var reader = new StreamReader(new MemoryStream(source.Content, writable: false), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            var prepared = CodePreparation.Prepare(kind, ClassificationFiles.ReadCsv(reader, source.Name), source.Name);
            if (prepared.Count == 0)
                throw new InvalidOperationException($"The built-in starter classification {source.Name} holds no codes.");
            Write(connection, new ClassificationImport(kind, StarterVersion, StarterEffectiveFrom, null, description), builtin: true, prepared);
        }
    }

    internal static string StarterResourceName(ClassificationKind kind) => kind switch
    {
        ClassificationKind.Diagnosis => "starter/starter_diagnoses.csv",
        ClassificationKind.Intervention => "starter/starter_interventions.csv",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown classification kind."),
    };

    internal static StarterSource OpenEmbeddedStarter(System.Reflection.Assembly assembly, ClassificationKind kind)
    {
        var name = StarterResourceName(kind);
        using var stream = assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException(
                $"The built-in starter classification {name} is not embedded in HealthStats.Warehouse. It is built from " +
                $"warehouse/HealthStats.Warehouse/Classification/Starter/{Path.GetFileName(name)} (header code,title,billable): " +
                "add that file and rebuild.");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return new StarterSource(name, buffer.ToArray());
    }
}
