namespace HealthStats.Warehouse.Tests.Models;

public sealed class CharlsonIndexTests(CharlsonCases cases) : IClassFixture<CharlsonCases>
{
    [Theory]
    [MemberData(nameof(CharlsonCases.Cases), MemberType = typeof(CharlsonCases))]
    public void CharlsonIndex_IsTheKnownValue_ForHandBuiltAbstracts(string id, string mrdx, string[] others, int expected)
    {
        Assert.NotNull(mrdx);
        Assert.NotNull(others);
        Assert.Equal(expected, cases.Warehouse.Scalar<int>("select charlson_index from marts.fct_abstracts where abstract_id = $1", id));
    }

    [Fact]
    public void CharlsonConditions_ListTheSupersededCondition_ButCountOnlyTheSevereOne()
    {
        var rows = cases.Warehouse.Rows(
            "select condition, is_counted, counted_weight from intermediate.int_abstracts_scored_charlson where abstract_id = 'dm-under-dmc' order by condition");
        Assert.Equal(["dm", "dmc"], rows.Select(r => (string)r["condition"]!));
        Assert.Equal([false, true], rows.Select(r => (bool)r["is_counted"]!));
    }

    [Fact]
    public void CharlsonFlags_HoldEachMatchingDiagnosis_WhenAConditionComesFromTwoCodes()
    {
        var codes = cases.Warehouse.Rows(
            "select code from intermediate.int_diagnoses_flagged_charlson where abstract_id = 'mi-twice' order by code");
        Assert.Equal(["I214", "I252"], codes.Select(r => (string)r["code"]!));
    }
}
