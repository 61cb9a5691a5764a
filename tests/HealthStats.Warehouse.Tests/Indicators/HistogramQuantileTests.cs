using System.Globalization;
using HealthStats.Warehouse.Indicators;
using HealthStats.Warehouse.Storage;
using HealthStats.Warehouse.Tests.Models;

namespace HealthStats.Warehouse.Tests.Indicators;

/// <summary>
/// Medians and nearest-rank percentiles read from the histogram summaries equal SQL's own median and
/// quantile_disc over the abstracts themselves, on many random stays with repeated values, for every
/// facility and in total.
/// </summary>
public sealed class HistogramQuantileTests : IDisposable
{
    private readonly ModelWarehouse warehouse = new();

    public HistogramQuantileTests()
    {
        var random = new Random(20261130);
        var start = new DateOnly(2024, 4, 1);
        for (var i = 0; i < 61; i++)
        {
            var admit = start.AddDays(random.Next(300));
            var discharge = admit.AddDays(random.Next(0, 12));
            var completed = discharge.AddDays(random.Next(0, 70));
            warehouse.Add(new Stay($"s{i}", $"p{i}", Iso(admit), null, Iso(discharge), null)
            {
                Facility = $"F{1 + random.Next(3)}",
                Disposition = random.Next(5) == 0 ? "07" : "05",
                Coder = $"c{random.Next(4)}",
                Completed = random.Next(8) == 0 ? null : Iso(completed),
            });
        }
        warehouse.Build();
    }

    public void Dispose() => warehouse.Dispose();

    [Theory]
    [InlineData("median_los_typical", "median(acute_days)", "stay_type = 'typical'")]
    [InlineData("median_los_atypical", "median(acute_days)", "stay_type = 'atypical'")]
    [InlineData("coding_turnaround_median", "median(turnaround_days)", "turnaround_days is not null")]
    [InlineData("coding_turnaround_p90", "quantile_disc(turnaround_days, 0.9)", "turnaround_days is not null")]
    public void Quantile_FromTheHistogram_EqualsSqlOverTheAbstracts(string indicator, string aggregate, string condition)
    {
        var expected = Expected(aggregate, condition);

        var byFacility = IndicatorLibrary.Compute(warehouse.Database, indicator, new IndicatorRequest { By = ["facility"] })
            .Rows.ToDictionary(r => r.Dimension("facility")!, r => r.Value);
        var total = IndicatorLibrary.Compute(warehouse.Database, indicator, new IndicatorRequest()).Rows.Single().Value;

        Assert.Equal(expected.Where(e => e.Key != "").ToDictionary(), byFacility);
        Assert.Equal(expected[""], total);
        Assert.True(byFacility.Count >= 2, "the random stays should span several facilities");
    }

    // The same aggregate over one row per abstract, by facility and in total ("").
    private Dictionary<string, double?> Expected(string aggregate, string condition)
    {
        using var connection = warehouse.Database.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = $"""
            with abstracts as (
                select facility_id, acute_days, abstract_completed_date - discharge_date as turnaround_days,
                       case when discharge_disposition in ('01', '06', '07') or institution_from is not null or institution_to is not null
                            then 'atypical' else 'typical' end as stay_type
                from marts.fct_abstracts
            )
            select coalesce(facility_id, ''), ({aggregate})::double from abstracts where {condition}
            group by grouping sets ((facility_id), ())
            """;
        using var reader = command.ExecuteReader();
        var values = new Dictionary<string, double?>();
        while (reader.Read())
            values[reader.GetString(0)] = reader.IsDBNull(1) ? null : reader.GetDouble(1);
        return values;
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
