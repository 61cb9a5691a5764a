using HealthStats.Dashboard.Accounts;
using HealthStats.Dashboard.Overview;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HealthStats.Dashboard.Pages;

[Authorize(Roles = PageRoles.Everyone)]
public sealed class IndexModel(OverviewQueries queries) : PageModel
{
    public OverviewTotals Totals { get; private set; } = new(0, 0, 0, null);

    public string? ChartSvg { get; private set; }

    public IReadOnlyList<DiagnosisCount> TopDiagnoses { get; private set; } = [];

    public void OnGet()
    {
        Totals = queries.Totals();
        if (Totals.Abstracts == 0)
            return;
        ChartSvg = DischargesByChapterChart.Svg(queries.DischargesByMonthAndChapter());
        TopDiagnoses = queries.TopMostResponsibleDiagnoses(20);
    }
}
