using System.Globalization;

namespace HealthStats.Warehouse.Tests.Models;

public sealed class ReadmissionTests(ReadmissionCases cases) : IClassFixture<ReadmissionCases>
{
    [Theory]
    [InlineData("basic", 17)]
    [InlineData("day30", 30)]
    public void Readmission_IsFlaggedWithItsDays_WhenAnUrgentAdmissionFollowsWithin30Days(string index, int days)
    {
        var row = Readmission(index);
        Assert.True((bool)row["is_readmitted"]!);
        Assert.Equal(days, Convert.ToInt32(row["days_to_readmission"], CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("day31")]     // 31 days later
    [InlineData("elective")]  // an elective admission is planned care
    public void Readmission_IsNotFlagged_WhenTheNextAdmissionIsLateOrElective(string index) =>
        Assert.False((bool)Readmission(index)["is_readmitted"]!);

    [Fact]
    public void Readmission_IsTheFirstUrgentEpisode_WhenAnElectiveOneComesBetween()
    {
        var row = Readmission("elective-then-urgent");
        Assert.Equal("F2/elective-then-urgent-2", row["readmission_episode_id"]);
        Assert.Equal(17, Convert.ToInt32(row["days_to_readmission"], CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Readmission_CountsFromTheEpisodesLastDischarge_AndNeverCountsTheTransfer()
    {
        var row = Readmission("transfer");
        Assert.Equal("F2/transfer-2", row["readmission_episode_id"]);
        Assert.Equal(25, Convert.ToInt32(row["days_to_readmission"], CultureInfo.InvariantCulture));
        Assert.Equal(2L, cases.Warehouse.Scalar<long>("select count(*) from marts.fct_episodes where patient_key = 'p-transfer'"));
    }

    [Theory]
    [InlineData("died", "died_or_not_discharged_alive")]
    [InlineData("signed-out", "signed_out_against_advice")]
    [InlineData("obstetric", "obstetrics")]
    [InlineData("mental", "mental_health")]
    [InlineData("palliative", "palliative_care")]
    [InlineData("chemo", "chemotherapy_radiotherapy")]
    [InlineData("child", "age_under_18")]
    [InlineData("newborn", "age_under_18,newborn,newborn_or_stillbirth_or_donor")]
    public void IndexEpisode_IsExcluded_ForCihisExclusions(string index, string exclusions)
    {
        var row = cases.Warehouse.Rows("select is_index, index_exclusions from marts.fct_episodes where episode_id = $1", "F1/" + index).Single();
        Assert.False((bool)row["is_index"]!);
        Assert.Equal(exclusions, row["index_exclusions"]); // every exclusion, once each, in alphabetical order
        Assert.Equal(0L, cases.Warehouse.Scalar<long>("select count(*) from marts.fct_readmissions where episode_id = $1", "F1/" + index));
    }

    [Fact]
    public void IndexEpisode_WithoutExclusions_HasNone()
    {
        var row = cases.Warehouse.Rows("select is_index, index_exclusions from marts.fct_episodes where episode_id = $1", "F1/transfer").Single();
        Assert.True((bool)row["is_index"]!);
        Assert.Null(row["index_exclusions"]);
    }

    [Fact]
    public void FollowUp_IsIncomplete_WhenTheEpisodeEndedLessThan30DaysBeforeTheNewestDischarge()
    {
        const string followed = "select e.follow_up_end_date <= c.newest_discharge_date from marts.fct_episodes e cross join marts.dim_data_coverage c where episode_id = $1";
        Assert.True(cases.Warehouse.Scalar<bool>(followed, "F1/basic"));
        Assert.False(cases.Warehouse.Scalar<bool>(followed, "F1/late"));
    }

    [Fact]
    public void MonthlySummary_CountsIndexEpisodesAndReadmissions_ByFacilityAndFiscalMonth()
    {
        // F1, May 2024 (fiscal 2024, month 2): basic, day30, day31, elective, elective-then-urgent, transfer is discharged at F2.
        var row = cases.Warehouse.Rows(
            "select * from marts.sum_readmissions_monthly where facility_id = 'F1' and fiscal_year = 2024 and fiscal_month = 2").Single();
        Assert.Equal(5L, Convert.ToInt64(row["index_episodes"], CultureInfo.InvariantCulture));
        Assert.Equal(3L, Convert.ToInt64(row["readmitted"], CultureInfo.InvariantCulture));
        Assert.Equal(60.0, Convert.ToDouble(row["readmission_rate_percent"], CultureInfo.InvariantCulture));
    }

    private Dictionary<string, object?> Readmission(string index) =>
        cases.Warehouse.Rows("select * from marts.fct_readmissions where episode_id = $1", "F1/" + index).Single();
}
