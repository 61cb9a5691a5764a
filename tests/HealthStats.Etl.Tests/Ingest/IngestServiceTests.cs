using DuckDB.NET.Data;
using HealthStats.Etl.Deidentification;
using HealthStats.Etl.Ingest;
using HealthStats.Etl.Ingest.Quarantine;
using HealthStats.TestSupport;
using HealthStats.Warehouse.Build;
using HealthStats.Warehouse.Classification;
using HealthStats.Warehouse.Storage;

namespace HealthStats.Etl.Tests.Ingest;

/// <summary>The whole path on a real DuckDB file and real Parquet files in a temporary data directory.</summary>
public sealed class IngestServiceTests : IDisposable
{
    private readonly TempDirectory temp = new("ingest");
    private readonly WarehouseDatabase database;
    private readonly IngestService service;

    public IngestServiceTests()
    {
        database = new WarehouseDatabase(new DataDirectory(temp.Combine("data")));
        WarehouseSetup.Initialize(database);
        var store = new ClassificationStore(database);
        store.Import(new ClassificationImport(ClassificationKind.Diagnosis, "TEST-DX", new DateOnly(2000, 1, 1), null, "test"),
        [
            new("J189", "Pneumonia, unspecified organism", true),
            new("J441", "Chronic obstructive pulmonary disease with (acute) exacerbation", true),
            new("I10", "Essential (primary) hypertension", true),
            new("J18", "Pneumonia, unspecified organism", false),
        ]);
        store.Import(new ClassificationImport(ClassificationKind.Intervention, "TEST-PX", new DateOnly(2000, 1, 1), null, "test"),
            [new("5A1955Z", "Respiratory Ventilation, Greater than 96 Consecutive Hours", true)]);
        service = new IngestService(database, new Pseudonymiser(HmacKeyStore.LoadOrCreate(database.DataDirectory)));
    }

    public void Dispose() => temp.Dispose();

    private Task<IngestSummary> IngestAsync(string path) => service.IngestFileAsync(path, new IngestOptions(), CancellationToken.None);

    private long Count(string sql)
    {
        using var connection = database.OpenConnection();
        return connection.Scalar<long>(sql);
    }

    [Fact]
    public async Task Ingest_LoadsValidRecords_AndQuarantinesTheRest_WithReasons()
    {
        var file = new AbstractFileBuilder()
            .Add("F001", "A1")
            .Add("F001", "A2", mrdx: "J44.1", px: "5A1955Z", pxDate: "2024-05-02")
            .Add("F001", "A3", mrdx: "X99.9")
            .Add("F002", "A1", discharge: "2024-04-01")
            .Add("F002", "A2", mrdx: "J18")
            .Write(temp.Combine("a.csv"));

        var summary = await IngestAsync(file);

        Assert.Equal("loaded", summary.Status);
        Assert.Equal(5, summary.Received);
        Assert.Equal(3, summary.Loaded);
        Assert.Equal(2, summary.Quarantined);
        Assert.Equal(summary.Received, summary.Loaded + summary.Quarantined);
        Assert.Equal(1, summary.QuarantinedByReason["K01"]);
        Assert.Equal(1, summary.QuarantinedByReason["C01"]);
        Assert.Equal(1, summary.WarningsByRule["K02"]);
        Assert.Equal(3, Count("select count(*) from marts.fct_abstracts"));
        Assert.Equal(6, Count("select count(*) from marts.fct_diagnoses"));
        Assert.Equal(1, Count("select count(*) from marts.fct_interventions"));
        Assert.Equal(1, Count("select count(*) from core.warning_versions"));

        var quarantined = QuarantineWriter.ReadAll(database.DataDirectory.QuarantineDirectory).ToList();
        Assert.Equal(2, quarantined.Count);
        Assert.Equal(["C01", "K01"], quarantined.Select(q => q.GetProperty("rule").GetString()).Order(StringComparer.Ordinal));
        Assert.Contains(quarantined, q => q.GetProperty("line").GetInt64() == 4 && q.GetProperty("field").GetString() == "dx_1_code");
        Assert.Contains("CHART-0001", quarantined[0].GetProperty("raw").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ingest_DerivesAgeFiscalYearChapterAndLengthOfStay()
    {
        var file = new AbstractFileBuilder().Add("F001", "A1", birth: "1950-06-15", admit: "2025-03-28", discharge: "2025-04-02").Write(temp.Combine("a.csv"));

        await IngestAsync(file);

        using var connection = database.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = "select age_years, age_group, fiscal_year, los_days, mrdx_chapter, mrdx_block, fsa, mrdx_title from marts.fct_abstracts";
        using var reader = command.ExecuteReader();
        Assert.True(reader.Read());
        Assert.Equal(74, reader.GetInt32(0));
        Assert.Equal("70-74", reader.GetString(1));
        Assert.Equal(2025, reader.GetInt32(2));
        Assert.Equal(5, reader.GetInt32(3));
        Assert.Equal("X", reader.GetString(4));
        Assert.Equal("J09-J18", reader.GetString(5));
        Assert.Equal("K1A", reader.GetString(6));
        Assert.Equal("Pneumonia, unspecified organism", reader.GetString(7));
        Assert.True(File.Exists(Path.Combine(database.DataDirectory.LakeDirectory, "abstracts", "fiscal_year=2025", $"batch-{(await FileHash.Sha256Async(file, default))[..16]}.parquet")));
    }

    [Fact]
    public async Task Ingest_LandsAbsentValuesAsNull_NotAsEmptyText()
    {
        // The builder's record names no institution it came from or went to: both cells are empty.
        await IngestAsync(new AbstractFileBuilder().Add("F001", "A1").Add("F001", "A2").Write(temp.Combine("a.csv")));

        var lake = DuckDBConnectionExtensions.Literal(Path.Combine(database.DataDirectory.LakeDirectory, "abstracts", "*", "*.parquet"));
        Assert.Equal(2, Count($"select count(*) from read_parquet({lake}) where institution_from is null and institution_to is null"));
        Assert.Equal(2, Count("select count(*) from marts.fct_abstracts where institution_from is null and institution_to is null"));
        Assert.Equal(2, Count("select count(*) from marts.fct_abstracts where fsa is not null and fsa <> ''"));
    }

    [Fact]
    public async Task Ingest_ChangesNothing_WhenTheSameFileComesTwice()
    {
        var file = new AbstractFileBuilder().Add("F001", "A1").Add("F001", "A2").Write(temp.Combine("a.csv"));
        await IngestAsync(file);
        var lakeFiles = Directory.GetFiles(database.DataDirectory.LakeDirectory, "*", SearchOption.AllDirectories).Length;

        var second = await IngestAsync(file);

        Assert.Equal("already_loaded", second.Status);
        Assert.Equal(2, second.Loaded);
        Assert.Equal(1, Count("select count(*) from meta.batches"));
        Assert.Equal(2, Count("select count(*) from core.abstract_versions"));
        Assert.Equal(2, Count("select count(*) from marts.fct_abstracts"));
        Assert.Equal(lakeFiles, Directory.GetFiles(database.DataDirectory.LakeDirectory, "*", SearchOption.AllDirectories).Length);
    }

    [Fact]
    public async Task Ingest_ReplacesTheEarlierVersion_WhenALaterFileResubmitsAnAbstract()
    {
        await IngestAsync(new AbstractFileBuilder().Add("F001", "A1", mrdx: "J18.9").Add("F001", "A2").Write(temp.Combine("first.csv")));

        var second = await IngestAsync(new AbstractFileBuilder().Add("F001", "A1", mrdx: "J44.1").Add("F001", "A3").Write(temp.Combine("second.csv")));

        Assert.Equal(1, second.Replaced);
        Assert.Equal(3, Count("select count(*) from marts.fct_abstracts"));
        Assert.Equal(1, Count("select count(*) from marts.fct_abstracts where abstract_id = 'A1' and mrdx_code = 'J441'"));
        Assert.Equal(0, Count("select count(*) from marts.fct_diagnoses where abstract_id = 'A1' and code = 'J189'"));
        Assert.Equal(4, Count("select count(*) from core.abstract_versions"));
    }

    [Fact]
    public async Task Ingest_DeletesAnAbstract_WhenALaterFileSaysD()
    {
        await IngestAsync(new AbstractFileBuilder().Add("F001", "A1").Add("F001", "A2").Write(temp.Combine("first.csv")));

        var second = await IngestAsync(new AbstractFileBuilder().AddRaw("F001,A1,D,,,,,,,,,,,,,,,,,,,,,,,").Write(temp.Combine("second.csv")));

        Assert.Equal(1, second.Deleted);
        Assert.Equal(1, second.Loaded);
        Assert.Equal(1, Count("select count(*) from marts.fct_abstracts"));
        Assert.Equal(0, Count("select count(*) from marts.fct_abstracts where abstract_id = 'A1'"));
    }

    [Fact]
    public async Task Ingest_QuarantinesTheSecondRecord_WhenAKeyRepeatsInOneFile()
    {
        var summary = await IngestAsync(new AbstractFileBuilder().Add("F001", "A1").Add("F001", "A1", mrdx: "J44.1").Write(temp.Combine("a.csv")));

        Assert.Equal(1, summary.Loaded);
        Assert.Equal(1, summary.QuarantinedByReason["C09"]);
    }

    [Fact]
    public async Task Ingest_Throws_WhenTheFileCannotBeRead()
    {
        var file = temp.Combine("wrong.csv");
        File.WriteAllText(file, "name,colour\nx,y\n");

        await Assert.ThrowsAsync<HealthStats.Etl.Ingest.Csv.CsvFormatException>(() => IngestAsync(file));
        Assert.Equal(0, Count("select count(*) from meta.batches"));
    }

    [Fact]
    public async Task Ingest_KeepsNoPersonalDataInTheWarehouseOrTheLake()
    {
        var file = new AbstractFileBuilder()
            .Add("F001", "A1", chart: "CHART-771234", healthCard: "HCN-5550001111", birth: "1944-02-29", postal: "M5V 3L9")
            .Add("F001", "A2", chart: "CHART-771235", healthCard: "", birth: "1961-11-03", postal: "H2X 1Y4")
            .Write(temp.Combine("a.csv"));

        await IngestAsync(file);

        PersonalDataScan.AssertAbsent(database, ["CHART-771234", "HCN-5550001111", "5550001111", "1944-02-29", "M5V 3L9", "M5V3L9", "CHART-771235", "1961-11-03", "H2X 1Y4", "H2X1Y4"]);
    }

    [Fact]
    public async Task Ingest_KeepsNoPersonalData_FromAGeneratedFile()
    {
        var gen = temp.Combine("gen");
        HealthStats.Etl.Generation.AbstractGenerator.Generate(new HealthStats.Etl.Generation.GeneratorOptions(3000, 5, ErrorRate: 0.05), gen);
        var file = Path.Combine(gen, "abstracts.csv");
        var phi = new HashSet<string>(StringComparer.Ordinal);
        using (var reader = new HealthStats.Etl.Ingest.Csv.AbstractCsvReader(file))
        {
            foreach (var row in reader.ReadAll())
            {
                phi.Add(row.ChartNumber!);
                if (row.HealthCardNumber is { } card)
                    phi.Add(card);
                if (row.PostalCode is { } postal)
                    phi.Add(postal);
                // Later birth dates coincide with admission dates of other stays, which are kept on purpose.
                if (string.CompareOrdinal(row.BirthDate, "2023-01-01") < 0)
                    phi.Add(row.BirthDate!);
            }
        }
        // A data directory with only the built-in starter classification, which holds every code the generator uses.
        var starterOnly = new WarehouseDatabase(new DataDirectory(temp.Combine("starter-only")));
        WarehouseSetup.Initialize(starterOnly);
        var ingest = new IngestService(starterOnly, new Pseudonymiser(HmacKeyStore.LoadOrCreate(starterOnly.DataDirectory)));
        var summary = await ingest.IngestFileAsync(file, new IngestOptions(), CancellationToken.None);

        Assert.Equal(summary.Received, summary.Loaded + summary.QuarantinedByReason.GetValueOrDefault("K01"));
        PersonalDataScan.AssertAbsent(starterOnly, phi);
    }

    [Fact]
    public async Task PersonalDataScan_Fails_WhenAnInputValueIsInTheWarehouse()
    {
        await IngestAsync(new AbstractFileBuilder().Add("F001", "A1", postal: "M5V 3L9").Write(temp.Combine("a.csv")));

        // The FSA is kept on purpose; the scan must see it, which shows that it would see a full postal code.
        Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => PersonalDataScan.AssertAbsent(database, ["M5V"]));
    }

    [Fact]
    public async Task Ingest_QuarantinesAStay_AdmittedAfterThePatientsDeath()
    {
        await IngestAsync(new AbstractFileBuilder()
            .AddRaw("F001,D1,A,CH-1,HC-777,F,1940-01-01,K1A 0B1,R01,2024-05-01,08:00,2024-05-10,10:00,U,07,,,0,C01,,J18.9,M,,,,")
            .Write(temp.Combine("death.csv")));

        var later = await IngestAsync(new AbstractFileBuilder()
            .Add("F002", "L1", healthCard: "HC-777", admit: "2024-06-01", discharge: "2024-06-03")
            .Add("F002", "L2", healthCard: "HC-777", admit: "2024-05-10", discharge: "2024-05-10")
            .Add("F002", "L3", healthCard: "HC-888", admit: "2024-06-01", discharge: "2024-06-03")
            .Write(temp.Combine("later.csv")));

        Assert.Equal(1, later.QuarantinedByReason["C10"]);
        Assert.Equal(2, later.Loaded);
    }
}
