using HealthStats.Etl.Deidentification;
using HealthStats.Etl.Ingest;
using HealthStats.TestSupport;
using HealthStats.Warehouse.Build;
using HealthStats.Warehouse.Ccsr;
using HealthStats.Warehouse.Classification;
using HealthStats.Warehouse.CodeEdits;
using HealthStats.Warehouse.Storage;

namespace HealthStats.Etl.Tests.Ingest;

public sealed class WarehouseRebuildTests : IDisposable
{
    private readonly TempDirectory temp = new("rebuild");

    public void Dispose() => temp.Dispose();

    [Fact]
    public async Task Rebuild_RecreatesEveryTable_FromTheLake()
    {
        var data = new DataDirectory(temp.Combine("data"));
        var database = new WarehouseDatabase(data);
        WarehouseSetup.Initialize(database);
        var ingest = new IngestService(database, new Pseudonymiser(HmacKeyStore.LoadOrCreate(data)));
        var gen = temp.Combine("gen");
        HealthStats.Etl.Generation.AbstractGenerator.Generate(new HealthStats.Etl.Generation.GeneratorOptions(1500, 3, ErrorRate: 0.1), gen);
        await ingest.IngestFileAsync(Path.Combine(gen, "abstracts.csv"), new IngestOptions(), default);
        await ingest.IngestFileAsync(new AbstractFileBuilder().Add("F001", "X1", mrdx: "X99.9").Add("F009", "X2").Write(temp.Combine("b.csv")), new IngestOptions(), default);
        await ingest.IngestFileAsync(new AbstractFileBuilder().Add("F001", "X1").AddRaw("F009,X2,D,,,,,,,,,,,,,,,,,,,,,,,").Write(temp.Combine("c.csv")), new IngestOptions(), default);
        // A CCSR import is reference data: the rebuild must carry it over, and the marts' CCSR columns with it.
        new CcsrStore(database).Import(WriteCcsr(database), null, "test");
        WarehouseSetup.RebuildMarts(database);
        var before = WarehouseSnapshot.Of(database);

        var result = WarehouseRebuild.Run(data);

        Assert.Equal(3, result.Batches);
        Assert.True(File.Exists(data.WarehouseFile + ".bak"));
        var after = WarehouseSnapshot.Of(new WarehouseDatabase(data));
        Assert.Equal(before.Keys.Order(StringComparer.Ordinal), after.Keys.Order(StringComparer.Ordinal));
        foreach (var (table, rows) in before)
            Assert.True(rows == after[table], $"{table} differs after the rebuild");
        using var connection = new WarehouseDatabase(data).OpenConnection();
        Assert.Equal(1, connection.Scalar<long>("select count(*) from meta.quarantine where abstract_id = 'X1' and cleared_by_batch is not null"));
        Assert.Equal(1, connection.Scalar<long>("select count(*) from core.deletions"));
        Assert.Equal(0, connection.Scalar<long>("select count(*) from marts.fct_abstracts where mrdx_ccsr_category is null"));
        Assert.True(connection.Scalar<long>("select count(*) from marts.fct_episodes where stays_in_episode > 1") > 0, "no transfer was linked");
        Assert.True(connection.Scalar<long>("select count(*) from marts.fct_abstracts where charlson_index > 0") > 0, "no comorbidity was scored");
        Assert.True(connection.Scalar<long>("select count(*) from marts.fct_readmissions") > 0, "no index episode");
        Assert.Empty(DataTests.Run(connection));
    }

    [Fact]
    public async Task Rebuild_KeepsImportedEditTables_AndTheEditsTheyRun()
    {
        var data = new DataDirectory(temp.Combine("data"));
        var database = new WarehouseDatabase(data);
        WarehouseSetup.Initialize(database);
        var edits = temp.Combine("edits.csv");
        File.WriteAllText(edits, "edit_type,code_kind,code,effective_from,effective_to\nmale_only,diagnosis,J44.1,2020-01-01,\n");
        new CodeEditStore(database).Import(edits, CodeEditFormat.Csv, "SITE-1");
        var ingest = new IngestService(database, new Pseudonymiser(HmacKeyStore.LoadOrCreate(data)));
        await ingest.IngestFileAsync(new AbstractFileBuilder().Add("F001", "A1").Write(temp.Combine("a.csv")), new IngestOptions(), default);
        var before = new CodeEditStore(database).ListImports().Select(i => $"{i.Version} {i.EffectiveFrom:yyyy-MM-dd} {i.EditCount} {i.Builtin}").ToList();

        WarehouseRebuild.Run(data);

        var rebuilt = new CodeEditStore(new WarehouseDatabase(data));
        Assert.Equal(before, rebuilt.ListImports().Select(i => $"{i.Version} {i.EffectiveFrom:yyyy-MM-dd} {i.EditCount} {i.Builtin}"));
        Assert.Contains("SITE-1 2020-01-01 1 False", before);
        Assert.Equal(CodeEditTypes.MaleOnly, rebuilt.LoadSnapshot().At(new DateOnly(2024, 1, 1)).Find(ClassificationKind.Diagnosis, "J441"));
    }

    [Fact]
    public async Task Rebuild_LeavesOutLakeFiles_OfABatchThatNeverCommitted()
    {
        var data = new DataDirectory(temp.Combine("data"));
        var database = new WarehouseDatabase(data);
        WarehouseSetup.Initialize(database);
        var ingest = new IngestService(database, new Pseudonymiser(HmacKeyStore.LoadOrCreate(data)));
        var file = new AbstractFileBuilder().Add("F001", "A1").Add("F001", "A2").Write(temp.Combine("a.csv"));
        await ingest.IngestFileAsync(file, new IngestOptions(), default);
        // A crash after landing but before the warehouse commit leaves Parquet files of a batch without a manifest.
        var elsewhere = new DataDirectory(temp.Combine("elsewhere"));
        var other = new WarehouseDatabase(elsewhere);
        WarehouseSetup.Initialize(other);
        await new IngestService(other, new Pseudonymiser(HmacKeyStore.LoadOrCreate(elsewhere)))
            .IngestFileAsync(new AbstractFileBuilder().Add("F002", "B1").Write(temp.Combine("b.csv")), new IngestOptions(), default);
        var orphan = Directory.GetFiles(Path.Combine(elsewhere.LakeDirectory, "abstracts", "fiscal_year=2024"))[0];
        File.Copy(orphan, Path.Combine(data.LakeDirectory, "abstracts", "fiscal_year=2024", Path.GetFileName(orphan)));

        WarehouseRebuild.Run(data);

        using var connection = new WarehouseDatabase(data).OpenConnection();
        Assert.Equal(2, connection.Scalar<long>("select count(*) from core.abstract_versions"));
    }

    // A CCSR mapping of every diagnosis code in the warehouse to one category.
    private string WriteCcsr(WarehouseDatabase database)
    {
        var path = temp.Combine("ccsr.csv");
        using var connection = database.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = "select distinct code from core.diagnosis_versions order by code";
        using var reader = command.ExecuteReader();
        var lines = new List<string> { "ICD-10-CM Code,CCSR Category,CCSR Category Description,Inpatient Default CCSR (Y/N/X),Outpatient Default CCSR (Y/N/X)" };
        while (reader.Read())
            lines.Add($"{reader.GetString(0)},TST001,Test category,Y,Y");
        File.WriteAllLines(path, lines);
        return path;
    }
}
