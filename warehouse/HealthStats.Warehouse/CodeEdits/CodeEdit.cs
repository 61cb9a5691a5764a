using HealthStats.Warehouse.Classification;

namespace HealthStats.Warehouse.CodeEdits;

/// <summary>One code listed in an edit table, for discharges from <paramref name="From"/> to <paramref name="To"/> (open when null). <paramref name="Line"/> is where the file holds it.</summary>
internal sealed record CodeEdit(CodeEditTypes Type, ClassificationKind Kind, string Code, DateOnly From, DateOnly? To, int Line);
