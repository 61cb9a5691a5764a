using HealthStats.Warehouse.Build;

namespace HealthStats.Warehouse.Tests.Models;

public sealed class MartBuildTests : IDisposable
{
    private readonly ModelWarehouse warehouse = new();

    public void Dispose() => warehouse.Dispose();

    [Fact]
    public void DryRun_PrintsOneStatementPerModel_ViewsForStagingAndIntermediateAndTablesElsewhere()
    {
        var statements = MartBuild.Statements().ToList();

        Assert.Equal(MartBuild.Models.Count, statements.Count);
        foreach (var (model, sql) in MartBuild.Models.Zip(statements))
        {
            var kind = model.StartsWith("staging.", StringComparison.Ordinal) || model.StartsWith("intermediate.", StringComparison.Ordinal) || model == "marts.fct_readmissions" ? "view" : "table";
            Assert.StartsWith($"create or replace {kind} {model} as", sql, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void DataTests_ReportTheFailingRows_WhenAnAbstractIsInTwoEpisodes()
    {
        warehouse.Add(new Stay("A1", "p1", "2024-05-01", null, "2024-05-02", null));
        warehouse.Build();
        using var connection = warehouse.Database.OpenConnection();
        HealthStats.Warehouse.Storage.DuckDBConnectionExtensions.Execute(connection,
            "insert into marts.fct_abstracts select * replace ('F1/other' as episode_id) from marts.fct_abstracts");

        var failures = DataTests.Run(connection);

        var failure = Assert.Single(failures, f => f.Test == "abstracts_each_in_one_episode");
        Assert.Equal(1, failure.Rows);
        Assert.Contains("abstract_id=A1", failure.Sample[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Build_ThatRunsOutOfMemory_SaysWhichSettingRaisesTheLimit()
    {
        warehouse.Build();
        warehouse.Execute(
            """
            insert into core.abstract_versions_shape by name
            select 'b1' as batch_id, 1 as batch_seq, i as source_line, 'F1' as facility_id, 'A' || i as abstract_id,
                   'p' || i as patient_key, 'c' || i as chart_key, 'F' as sex, 40 as age_years, '40-44' as age_group,
                   date '2024-05-01' as admit_date, date '2024-05-03' as discharge_date, 2 as los_days, 2024 as fiscal_year,
                   'U' as admit_category, '04' as discharge_disposition, 0 as alc_days, 'coder' as coder_id,
                   'I21.0' as mrdx_code, 1 as diagnosis_count, 0 as intervention_count
            from range(300000) t(i)
            """);
        using var connection = warehouse.Database.OpenConnection();
        // A limit far below what the latest versions of 300,000 abstracts need, with no spilling to disk.
        HealthStats.Warehouse.Storage.DuckDBConnectionExtensions.Execute(connection, "set memory_limit = '1MB'");
        HealthStats.Warehouse.Storage.DuckDBConnectionExtensions.Execute(connection, "set max_temp_directory_size = '0KiB'");

        var error = Assert.Throws<InvalidOperationException>(() => MartBuild.Build(connection, "marts.fct_abstracts"));

        Assert.Contains("Building marts.fct_abstracts failed: Out of Memory", error.Message, StringComparison.Ordinal);
        Assert.Contains("HealthStats__DuckDbMemoryLimit", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_MakesEveryModel_OnAnEmptyWarehouse()
    {
        warehouse.Build();

        using var connection = warehouse.Database.OpenConnection();
        Assert.True(MartBuild.AllCurrent(connection));
        Assert.Equal(0L, warehouse.Scalar<long>("select count(*) from marts.fct_abstracts"));
        Assert.Equal(121L, warehouse.Scalar<long>("select count(*) from marts.dim_age_groups"));
    }

    [Fact]
    public void Models_AreNotCurrent_WhenAnotherRecipeBuiltThem()
    {
        warehouse.Build();
        using var connection = warehouse.Database.OpenConnection();
        Assert.True(MartBuild.AllCurrent(connection));

        // As an older release left them: every model there, built from SQL that has changed since.
        HealthStats.Warehouse.Storage.DuckDBConnectionExtensions.Execute(connection, "update meta.model_recipe set recipe_sha256 = 'an older recipe'");

        Assert.False(MartBuild.AllCurrent(connection));
    }

    [Fact]
    public void Build_ReplacesAModel_WhoseMaterialisationChanged()
    {
        warehouse.Build();
        using (var connection = warehouse.Database.OpenConnection())
        {
            // As older releases left them: a table where a view is built now (intermediate models were stored), and a view where a table is.
            HealthStats.Warehouse.Storage.DuckDBConnectionExtensions.Execute(connection,
                "drop view intermediate.int_abstracts_current; create table intermediate.int_abstracts_current as select 1 as x; " +
                "drop table marts.fct_episodes; create view marts.fct_episodes as select 1 as x");
        }

        warehouse.Build();

        Assert.Equal("VIEW", warehouse.Scalar<string>("select table_type from information_schema.tables where table_name = 'int_abstracts_current'"));
        Assert.Equal("BASE TABLE", warehouse.Scalar<string>("select table_type from information_schema.tables where table_name = 'fct_episodes'"));
    }

    [Fact]
    public void Build_PublishesIntermediateModelsAsViews_AndKeepsNoTemporaryTable()
    {
        warehouse.Add(new Stay("A1", "p1", "2024-05-01", null, "2024-05-02", null));
        warehouse.Add(new Stay("A2", "p1", "2024-05-02", null, "2024-05-04", null));
        using var connection = warehouse.Database.OpenConnection();

        StagedBuild.Run(connection);

        var intermediate = warehouse.Scalar<string>(
            "select string_agg(distinct table_type) from information_schema.tables where table_schema = 'intermediate'");
        Assert.Equal("VIEW", intermediate);
        Assert.Equal(0L, HealthStats.Warehouse.Storage.DuckDBConnectionExtensions.Scalar<long>(connection,
            "select count(*) from duckdb_tables() where temporary"));
        Assert.Equal(0L, HealthStats.Warehouse.Storage.DuckDBConnectionExtensions.Scalar<long>(connection,
            "select count(*) from duckdb_views() where temporary and not internal"));
        // The views compute what the marts were built from.
        Assert.Equal(1L, warehouse.Scalar<long>("select count(distinct episode_id) from intermediate.int_stays_linked_into_episodes"));
        Assert.Equal(2L, warehouse.Scalar<long>("select count(*) from marts.fct_abstracts where episode_id = 'F1/A1'"));
    }
}
