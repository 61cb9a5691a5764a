using HealthStats.Warehouse.Classification;

namespace HealthStats.Cli.Commands;

/// <summary>The --kind option of the classification commands.</summary>
internal static class KindOption
{
    public static ClassificationKind Parse(CommandLine line) => line.Required("kind") switch
    {
        "diagnosis" => ClassificationKind.Diagnosis,
        "intervention" => ClassificationKind.Intervention,
        var other => throw new UsageException($"--kind must be diagnosis or intervention, not '{other}'"),
    };
}
