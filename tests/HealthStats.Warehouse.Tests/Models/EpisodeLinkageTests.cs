using System.Globalization;

namespace HealthStats.Warehouse.Tests.Models;

public sealed class EpisodeLinkageTests(EpisodeCases cases) : IClassFixture<EpisodeCases>
{
    [Theory]
    [InlineData("p659")]                    // 6h59 after discharge
    [InlineData("p700")]                    // exactly 7h
    [InlineData("p1159-disp")]              // 11h59, discharged to acute care (01)
    [InlineData("p1159-to")]                // 11h59, institution_to on the first stay
    [InlineData("p1159-from")]              // 11h59, institution_from on the next stay
    [InlineData("pnull-sameday")]           // discharge time missing, admitted the same day
    [InlineData("pnull-nextday-transfer")]  // times missing, next day, transfer coded
    public void Stays_LinkIntoOneEpisode_WhenTheNextAdmissionIsWithinTheWindow(string patient) =>
        Assert.Equal([patient + "-1", patient + "-1"], EpisodeOf(patient));

    [Theory]
    [InlineData("p701")]                    // 7h01, no transfer
    [InlineData("p1201-disp")]              // 12h01 even with a transfer
    [InlineData("p1159-none")]              // 11h59 without a transfer
    [InlineData("pnull-nextday")]           // times missing, next day, no transfer
    [InlineData("pnull-twodays-transfer")]  // times missing, two days later, transfer coded
    public void Stays_StayInSeparateEpisodes_WhenTheNextAdmissionIsOutsideTheWindow(string patient) =>
        Assert.Equal([patient + "-1", patient + "-2"], EpisodeOf(patient));

    [Fact]
    public void Stays_DoNotLink_WhenTheyBelongToDifferentPatients()
    {
        Assert.Equal("F1/pa-1", cases.Warehouse.Scalar<string>("select episode_id from marts.fct_abstracts where abstract_id = 'pa-1'"));
        Assert.Equal("F1/pb-1", cases.Warehouse.Scalar<string>("select episode_id from marts.fct_abstracts where abstract_id = 'pb-1'"));
    }

    [Fact]
    public void Episode_ChainsThreeStays_WithTheFirstAdmissionAndTheLastDischarge()
    {
        var rows = cases.Warehouse.Rows(
            """
            select abstract_id, episode_id, stay_in_episode, stays_in_episode, episode_admit_date::varchar as admit,
                   episode_discharge_date::varchar as discharge, episode_los_days, episode_discharge_disposition
            from intermediate.int_stays_linked_into_episodes where patient_key = 'pchain' order by episode_id, stay_in_episode
            """);
        Assert.Equal(["chain-1", "chain-2", "chain-3", "chain-4"], rows.Select(r => (string)r["abstract_id"]!));
        Assert.Equal(["F1/chain-1", "F1/chain-1", "F1/chain-1", "F1/chain-4"], rows.Select(r => (string)r["episode_id"]!));
        Assert.Equal([1L, 2L, 3L, 1L], rows.Select(r => Convert.ToInt64(r["stay_in_episode"], CultureInfo.InvariantCulture)));
        Assert.All(rows.Take(3), r => Assert.Equal(
            ("2024-05-01", "2024-05-20", 19, "04"),
            ((string)r["admit"]!, (string)r["discharge"]!, Convert.ToInt32(r["episode_los_days"], CultureInfo.InvariantCulture), (string)r["episode_discharge_disposition"]!)));
        Assert.Equal(3, cases.Warehouse.Scalar<int>("select stays_in_episode from marts.fct_abstracts where abstract_id = 'chain-2'"));
        Assert.Equal(2, cases.Warehouse.Scalar<int>("select count(*) from marts.fct_episodes where patient_key = 'pchain'"));
    }

    // The episode ids of the patient's two stays, as the abstract ids of their first stays.
    private List<string> EpisodeOf(string patient) =>
        [.. new[] { "-1", "-2" }.Select(suffix =>
            cases.Warehouse.Scalar<string>("select episode_id from marts.fct_abstracts where abstract_id = $1", patient + suffix)!.Split('/')[1])];
}
