using HealthStats.Etl.CodingQuality;
using HealthStats.TestSupport;
using HealthStats.Warehouse.Storage;

namespace HealthStats.Etl.Tests.CodingQuality;

public sealed class LabelsImportTests : IDisposable
{
    private readonly TempDirectory temp = new("labels");

    public void Dispose() => temp.Dispose();

    [Fact]
    public async Task Import_ImportsGoodRows_AndRejectsBadOnesNamingFileLineAndField()
    {
        var (database, truth) = CodingWarehouse.Copy(temp);
        var known = File.ReadLines(truth).Skip(1).Take(3).Select(l => l.Split(',')).ToList();
        var file = temp.Combine("outcomes.csv");
        File.WriteAllLines(file,
        [
            "facility_id,abstract_id,outcome,error_type,corrected_codes,reviewer_id,reviewed_date",
            $"{known[0][0]},{known[0][1]},correct,,,R1,2026-01-15",
            $"{known[1][0]},{known[1][1]},miscoded,code_substitution,J441:M;J189:1,R1,2026-01-15",
            $"{known[2][0]},{known[2][1]},wrong,,,R1,",
            $"{known[2][0]},,correct,,,R1,",
            $"{known[2][0]},{known[2][1]},correct,,,R1,15/01/2026",
            $"{known[2][0]},{known[2][1]},miscoded,mrdx_sequencing,J441,R1,",
            $"{known[2][0]},{known[2][1]},correct,invalid_code,,R1,",
            "F001,NO-SUCH-ABSTRACT,correct,,,R1,",
            $"{known[2][0]},{known[2][1]},correct",
        ]);

        var result = await new LabelsImport(database).ImportAsync(file, default);

        Assert.Equal(9, result.Received);
        Assert.Equal(2, result.Imported);
        Assert.Equal(result.Received, result.Imported + result.Rejected);
        Assert.Equal([4L, 5, 6, 7, 8, 9, 10], result.Rejections.Select(r => r.Line));
        Assert.Equal(["outcome", "abstract_id", "reviewed_date", "corrected_codes", "error_type", "abstract_id", "*"], result.Rejections.Select(r => r.Field));
        Assert.All(result.Rejections, r => Assert.StartsWith($"outcomes.csv: line {r.Line}: {r.Field}: ", r.Reason, StringComparison.Ordinal));
        using var connection = database.OpenConnection();
        Assert.Equal(2, connection.Scalar<long>("select count(*) from coding.audit_outcomes where source = $1", result.Source));
        Assert.Equal(1, connection.Scalar<long>("select count(*) from coding.audit_outcomes where outcome = 'miscoded' and corrected_codes = 'J441:M;J189:1' and abstract_batch_id is not null"));
        Assert.StartsWith("import:", result.Source, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_ImportsNothing_WhenTheSameFileComesAgain()
    {
        var (database, truth) = CodingWarehouse.Copy(temp);
        var file = CodingWarehouse.TruthSubset(truth, temp.Combine("some.csv"), i => i < 100);
        var first = await new LabelsImport(database).ImportAsync(file, default);

        var second = await new LabelsImport(database).ImportAsync(file, default);

        Assert.True(second.AlreadyImported);
        Assert.Equal(0, second.Imported);
        using var connection = database.OpenConnection();
        Assert.Equal(first.Imported, connection.Scalar<long>("select count(*) from coding.audit_outcomes"));
    }

    [Fact]
    public async Task Import_Throws_WhenTheHeaderHasAnUnknownColumn()
    {
        var (database, _) = CodingWarehouse.Copy(temp);
        var file = temp.Combine("bad.csv");
        File.WriteAllLines(file, ["facility_id,abstract_id,outcome,patient_name", "F001,A1,correct,x"]);

        var error = await Assert.ThrowsAsync<FormatException>(() => new LabelsImport(database).ImportAsync(file, default));

        Assert.Contains("bad.csv: line 1: unknown column 'patient_name'", error.Message, StringComparison.Ordinal);
    }
}
