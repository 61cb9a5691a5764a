namespace HealthStats.Warehouse.Reference;

/// <summary>One code of a code list, with the line of the file it came from (0 when it came from elsewhere).</summary>
public sealed record CodeListEntry(string List, string Code, string Title, int Line = 0);
