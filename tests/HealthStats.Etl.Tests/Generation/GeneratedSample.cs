using HealthStats.Etl.Generation;

namespace HealthStats.Etl.Tests.Generation;

/// <summary>20,000 abstracts with a 10% error rate, generated once for the generator test classes.</summary>
public sealed class GeneratedSample
{
    public static readonly GeneratorOptions Options = new(20_000, Seed: 20260401, ErrorRate: 0.1);

    public GeneratedSample()
    {
        var abstracts = new StringWriter();
        var truth = new StringWriter();
        Result = AbstractGenerator.Generate(Options, abstracts, truth);
        AbstractsCsv = abstracts.ToString();
        TruthCsv = truth.ToString();
        Rows = GeneratedAbstract.Parse(AbstractsCsv, TruthCsv);
    }

    public GeneratorResult Result { get; }

    public string AbstractsCsv { get; }

    public string TruthCsv { get; }

    internal List<GeneratedAbstract> Rows { get; }
}
