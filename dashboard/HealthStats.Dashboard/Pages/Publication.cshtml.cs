using HealthStats.Dashboard.Accounts;
using HealthStats.Dashboard.Extracts;
using HealthStats.Warehouse.Extracts;
using HealthStats.Warehouse.Suppression;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HealthStats.Dashboard.Pages;

/// <summary>
/// What an extract of a named spec would release, built by the same builder as the CLI, the API and the
/// scheduled job: each table's cells as its CSV holds them, the suppression summary and the manifest's
/// parameters. Every role, ministries included: it shows them exactly what they would get and no more.
/// </summary>
[Authorize(Roles = PageRoles.Everyone)]
public sealed class PublicationModel(ExtractSpecFolder folder, ExtractRunner runner) : PageModel
{
    public const string Suppressed = "suppressed";

    [BindProperty(SupportsGet = true)]
    public string? Spec { get; set; }

    public IReadOnlyList<string> Specs { get; private set; } = [];

    public BuiltExtract? Extract { get; private set; }

    /// <summary>Why nothing is shown: no such spec, its problems, or the auditor's refusal.</summary>
    public IReadOnlyList<string> Problems { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Specs = folder.Names();
        if (string.IsNullOrWhiteSpace(Spec))
            return;
        if (folder.Find(Spec) is not { } file)
        {
            Problems = [$"No extract spec named '{Spec}'."];
            return;
        }
        ExtractSpec parsed;
        try
        {
            parsed = ExtractSpecReader.Read(file);
        }
        catch (ExtractSpecException ex)
        {
            // By JSON path, without the server's file path.
            Problems = ex.Problems.Select(p => p.ToString()).ToList();
            return;
        }
        try
        {
            Extract = await runner.BuildAsync(parsed, cancellationToken);
        }
        catch (ExtractRefusedException)
        {
            Problems = ["The disclosure auditor does not pass what this extract would release: it would be refused."];
        }
    }

    /// <summary>A row's cells as its CSV releases them: numbers as the CSV writes them, a withheld value as "suppressed".</summary>
    public static IReadOnlyList<string> Cells(ExtractTable table, ExtractRow row, Publication publication)
    {
        var values = ExtractValues.Of(table, row, publication);
        var anySuppressed = table.Columns.Select((c, i) => c.Kind is ExtractColumnKind.CountSuppressed or ExtractColumnKind.DenominatorSuppressed && values[i] is true).Any(s => s);
        return table.Columns.Select((column, i) => values[i] switch
        {
            null when anySuppressed && column.Kind is not ExtractColumnKind.Dimension => Suppressed,
            string text => text,
            var value => CsvText.Cell(value),
        }).ToList();
    }

    public static IReadOnlyList<(string Reason, int Cells)> SuppressionCounts(BuiltExtract extract) =>
    [
        ("primary: small count", extract.Suppressed.CountOf(SuppressionReason.SmallCount)),
        ("primary: zero", extract.Suppressed.CountOf(SuppressionReason.Zero)),
        ("primary: small region population", extract.Suppressed.CountOf(SuppressionReason.SmallPopulation)),
        ("complementary", extract.Suppressed.CountOf(SuppressionReason.Complementary)),
    ];
}
