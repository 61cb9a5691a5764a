namespace HealthStats.Warehouse.Tests.Models;

public sealed class EpisodeLinkageTests : IDisposable
{
    private readonly ModelWarehouse warehouse = new();

    public void Dispose() => warehouse.Dispose();

    [Fact]
    public void Stays_Link_WhenTheNextAdmissionIs6h59AfterDischarge()
    {
        warehouse.Add(new Stay("A1", "p1", "2024-05-01", "08:00", "2024-05-03", "20:00"));
        warehouse.Add(new Stay("A2", "p1", "2024-05-04", "02:59", "2024-05-06", "10:00"));
        warehouse.Build();

        Assert.Equal(["F1/A1", "F1/A1"], EpisodeIds("A1", "A2"));
    }

    [Fact]
    public void Stays_DoNotLink_WhenTheNextAdmissionIs7h01AfterDischargeWithoutTransfer()
    {
        warehouse.Add(new Stay("A1", "p1", "2024-05-01", "08:00", "2024-05-03", "20:00"));
        warehouse.Add(new Stay("A2", "p1", "2024-05-04", "03:01", "2024-05-06", "10:00"));
        warehouse.Build();

        Assert.Equal(["F1/A1", "F1/A2"], EpisodeIds("A1", "A2"));
    }

    [Fact]
    public void Stays_Link_WhenTheNextAdmissionIsExactly7hAfterDischarge()
    {
        warehouse.Add(new Stay("A1", "p1", "2024-05-01", "08:00", "2024-05-03", "20:00"));
        warehouse.Add(new Stay("A2", "p1", "2024-05-04", "03:00", "2024-05-06", "10:00"));
        warehouse.Build();

        Assert.Equal(["F1/A1", "F1/A1"], EpisodeIds("A1", "A2"));
    }

    [Theory]
    [InlineData("01", null, null)]   // discharged to acute care
    [InlineData("05", "H9", null)]   // institution_to filled on the first stay
    [InlineData("05", null, "H1")]   // institution_from filled on the next stay
    public void Stays_Link_WhenTheNextAdmissionIs11h59AfterDischargeWithATransferCoded(string disposition, string? to, string? from)
    {
        warehouse.Add(new Stay("A1", "p1", "2024-05-01", "08:00", "2024-05-03", "20:00") { Disposition = disposition, To = to });
        warehouse.Add(new Stay("A2", "p1", "2024-05-04", "07:59", "2024-05-06", "10:00") { Facility = "F2", From = from });
        warehouse.Build();

        Assert.Equal(["F1/A1", "F1/A1"], EpisodeIds("A1", "A2"));
    }

    [Fact]
    public void Stays_DoNotLink_WhenTheNextAdmissionIs12h01AfterDischargeWithATransferCoded()
    {
        warehouse.Add(new Stay("A1", "p1", "2024-05-01", "08:00", "2024-05-03", "20:00") { Disposition = "01" });
        warehouse.Add(new Stay("A2", "p1", "2024-05-04", "08:01", "2024-05-06", "10:00") { Facility = "F2" });
        warehouse.Build();

        Assert.Equal(["F1/A1", "F2/A2"], EpisodeIds("A1", "A2"));
    }

    [Fact]
    public void Stays_DoNotLink_WhenTheNextAdmissionIs11h59AfterDischargeWithoutTransfer()
    {
        warehouse.Add(new Stay("A1", "p1", "2024-05-01", "08:00", "2024-05-03", "20:00"));
        warehouse.Add(new Stay("A2", "p1", "2024-05-04", "07:59", "2024-05-06", "10:00"));
        warehouse.Build();

        Assert.Equal(["F1/A1", "F1/A2"], EpisodeIds("A1", "A2"));
    }

    [Fact]
    public void Stays_Link_WhenTimesAreMissingAndTheAdmissionIsOnTheDischargeDay()
    {
        warehouse.Add(new Stay("A1", "p1", "2024-05-01", "08:00", "2024-05-03", null));
        warehouse.Add(new Stay("A2", "p1", "2024-05-03", "23:00", "2024-05-06", "10:00"));
        warehouse.Build();

        Assert.Equal(["F1/A1", "F1/A1"], EpisodeIds("A1", "A2"));
    }

    [Fact]
    public void Stays_DoNotLink_WhenTimesAreMissingAndTheAdmissionIsTheNextDayWithoutTransfer()
    {
        warehouse.Add(new Stay("A1", "p1", "2024-05-01", null, "2024-05-03", null));
        warehouse.Add(new Stay("A2", "p1", "2024-05-04", null, "2024-05-06", null));
        warehouse.Build();

        Assert.Equal(["F1/A1", "F1/A2"], EpisodeIds("A1", "A2"));
    }

    [Fact]
    public void Stays_Link_WhenTimesAreMissingAndTheAdmissionIsTheNextDayWithATransfer()
    {
        warehouse.Add(new Stay("A1", "p1", "2024-05-01", null, "2024-05-03", null) { Disposition = "01" });
        warehouse.Add(new Stay("A2", "p1", "2024-05-04", null, "2024-05-06", null));
        warehouse.Build();

        Assert.Equal(["F1/A1", "F1/A1"], EpisodeIds("A1", "A2"));
    }

    [Fact]
    public void Stays_DoNotLink_WhenTimesAreMissingAndTheAdmissionIsTwoDaysLaterWithATransfer()
    {
        warehouse.Add(new Stay("A1", "p1", "2024-05-01", null, "2024-05-03", null) { Disposition = "01" });
        warehouse.Add(new Stay("A2", "p1", "2024-05-05", null, "2024-05-06", null));
        warehouse.Build();

        Assert.Equal(["F1/A1", "F1/A2"], EpisodeIds("A1", "A2"));
    }

    [Fact]
    public void Stays_DoNotLink_WhenTheyBelongToDifferentPatients()
    {
        warehouse.Add(new Stay("A1", "p1", "2024-05-01", "08:00", "2024-05-03", "20:00") { Disposition = "01" });
        warehouse.Add(new Stay("A2", "p2", "2024-05-03", "21:00", "2024-05-06", "10:00"));
        warehouse.Build();

        Assert.Equal(["F1/A1", "F1/A2"], EpisodeIds("A1", "A2"));
    }

    [Fact]
    public void Episode_ChainsThreeStays_WithTheFirstAdmissionAndTheLastDischarge()
    {
        warehouse.Add(new Stay("A1", "p1", "2024-05-01", "08:00", "2024-05-03", "20:00") { Disposition = "01" });
        warehouse.Add(new Stay("B1", "p1", "2024-05-04", "06:00", "2024-05-10", "09:00") { Facility = "F2", Disposition = "01" });
        warehouse.Add(new Stay("A2", "p1", "2024-05-10", "12:00", "2024-05-20", "11:00") { Disposition = "04" });
        warehouse.Add(new Stay("A3", "p1", "2024-06-20", "12:00", "2024-06-22", "11:00"));
        warehouse.Build();

        var rows = warehouse.Rows(
            """
            select abstract_id, episode_id, stay_in_episode, stays_in_episode, episode_admit_date::varchar as admit,
                   episode_discharge_date::varchar as discharge, episode_los_days, episode_discharge_disposition
            from intermediate.int_stays_linked_into_episodes order by episode_id, stay_in_episode
            """);
        Assert.Equal(["A1", "B1", "A2", "A3"], rows.Select(r => (string)r["abstract_id"]!));
        Assert.Equal(["F1/A1", "F1/A1", "F1/A1", "F1/A3"], rows.Select(r => (string)r["episode_id"]!));
        Assert.Equal([1L, 2L, 3L, 1L], rows.Select(r => Convert.ToInt64(r["stay_in_episode"], System.Globalization.CultureInfo.InvariantCulture)));
        Assert.All(rows.Take(3), r => Assert.Equal(("2024-05-01", "2024-05-20", 19, "04"),
            ((string)r["admit"]!, (string)r["discharge"]!, Convert.ToInt32(r["episode_los_days"], System.Globalization.CultureInfo.InvariantCulture), (string)r["episode_discharge_disposition"]!)));
        Assert.Equal(3, warehouse.Scalar<int>("select stays_in_episode from marts.fct_abstracts where abstract_id = 'B1'"));
        Assert.Equal(2, warehouse.Scalar<int>("select count(*) from marts.fct_episodes"));
    }

    private List<string> EpisodeIds(params string[] abstractIds) =>
        abstractIds.Select(id => warehouse.Scalar<string>("select episode_id from marts.fct_abstracts where abstract_id = $1", id)!).ToList();
}
