using System.Text;

namespace HealthStats.Etl.Generation;

/// <summary>
/// Synthetic discharge abstracts (formats.md section 1, or section 2, or FHIR) with their audit outcomes (section 3), for
/// demonstrations, tests and benchmarks. Deterministic for given options; streams its output.
/// </summary>
public static class AbstractGenerator
{
    /// <summary>The abstracts file of the default format, CSV; <see cref="AbstractFormats.FileName"/> gives the others.</summary>
    public const string AbstractsFileName = "abstracts.csv";
    public const string TruthFileName = "truth.csv";

    private const int BufferSize = 1 << 20;

    /// <summary>Writes the abstracts file of the options' format (abstracts.csv, abstracts.jsonl or abstracts.fhir.ndjson) and truth.csv into the folder (created if missing).</summary>
    public static GeneratorResult Generate(GeneratorOptions options, string outDirectory)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrEmpty(outDirectory);
        options.Validate();
        Directory.CreateDirectory(outDirectory);
        var encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        using var abstracts = new StreamWriter(Path.Combine(outDirectory, AbstractFormats.FileName(options.Format)), false, encoding, BufferSize);
        using var truth = new StreamWriter(Path.Combine(outDirectory, TruthFileName), false, encoding, BufferSize);
        return Generate(options, abstracts, truth);
    }

    /// <summary>Writes both files to the given writers (LF line ends), the abstracts in the options' format; the caller owns and flushes them.</summary>
    public static GeneratorResult Generate(GeneratorOptions options, TextWriter abstractsCsv, TextWriter truthCsv)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(abstractsCsv);
        ArgumentNullException.ThrowIfNull(truthCsv);
        options.Validate();
        return new AbstractSimulation(options, abstractsCsv, truthCsv).Run();
    }
}
