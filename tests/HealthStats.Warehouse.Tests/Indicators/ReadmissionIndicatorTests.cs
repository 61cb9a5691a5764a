using HealthStats.Warehouse.Indicators;
using HealthStats.Warehouse.Tests.Models;

namespace HealthStats.Warehouse.Tests.Indicators;

public sealed class ReadmissionIndicatorTests : IDisposable
{
    private readonly ModelWarehouse warehouse = new();

    public void Dispose() => warehouse.Dispose();

    [Fact]
    public void Readmission_CountsUrgentReadmissionsWithin30Days_OverEpisodesFollowedInFull()
    {
        // pA: discharged 05-05, urgent again 05-20 (readmitted); that second episode is followed to 06-21, not readmitted.
        // pB: discharged 05-06, never back. pC: discharged 07-01, the newest discharge: not followed for 30 days.
        // pD: discharged 05-07, elective return 05-15 (not a readmission), a sign-out (06): not an index episode.
        warehouse.Add(new Stay("a1", "pA", "2024-05-01", null, "2024-05-05", null));
        warehouse.Add(new Stay("a2", "pA", "2024-05-20", null, "2024-05-22", null));
        warehouse.Add(new Stay("b1", "pB", "2024-05-02", null, "2024-05-06", null));
        warehouse.Add(new Stay("c1", "pC", "2024-06-28", null, "2024-07-01", null));
        warehouse.Add(new Stay("d1", "pD", "2024-05-03", null, "2024-05-07", null) { Disposition = "06" });
        warehouse.Add(new Stay("d2", "pD", "2024-05-15", null, "2024-05-16", null) { AdmitCategory = "L" });
        warehouse.Build();

        var result = IndicatorLibrary.Compute(warehouse.Database, "readmission_30d", new IndicatorRequest { By = ["month"] });

        // May: a1 (readmitted), a2, b1, d2 followed; d1 excluded. July: c1 not followed, so no rate.
        var may = result.Single("2024-05");
        Assert.Equal((25.0, 1.0, 4.0), (may.Value!.Value, may.Numerator!.Value, may.Denominator!.Value));
        Assert.Null(result.Single("2024-07").Value);
        Assert.Equal(0, result.Single("2024-07").Denominator);
    }
}
