namespace HealthStats.Warehouse.Tests.Models;

/// <summary>A hand-made stay (abstract): dates as yyyy-MM-dd, times as HH:mm or null, other diagnoses as code:type.</summary>
public sealed record Stay(string Id, string Patient, string Admit, string? AdmitTime, string Discharge, string? DischargeTime)
{
    public string Facility { get; init; } = "F1";

    public string Disposition { get; init; } = "05";

    public string AdmitCategory { get; init; } = "U";

    public string? From { get; init; }

    public string? To { get; init; }

    public int Age { get; init; } = 60;

    public string Sex { get; init; } = "F";

    public string? Region { get; init; }

    public int AlcDays { get; init; }

    public string Coder { get; init; } = "coder";

    /// <summary>The abstract's completion date, yyyy-MM-dd, or null.</summary>
    public string? Completed { get; init; }

    public string Mrdx { get; init; } = "J189";

    public IReadOnlyList<string> Diagnoses { get; init; } = [];

    /// <summary>Intervention codes, each dated the admission.</summary>
    public IReadOnlyList<string> Interventions { get; init; } = [];
}
