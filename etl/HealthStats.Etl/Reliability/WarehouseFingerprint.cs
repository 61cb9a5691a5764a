using HealthStats.Warehouse.Build;
using HealthStats.Warehouse.Storage;

namespace HealthStats.Etl.Reliability;

/// <summary>
/// What a data directory holds, in lines that two directories with the same batches share exactly: the
/// batches and their counts, the rows of every core table and mart with their duplicates, the quarantine,
/// the settled batch manifests and the lake's files. Nothing that depends on when a batch ran.
/// </summary>
public sealed record WarehouseFingerprint(IReadOnlyList<string> Warehouse, IReadOnlyList<string> Lake)
{
    public static WarehouseFingerprint Of(DataDirectory data)
    {
        var warehouse = new List<string>();
        using (var connection = new WarehouseDatabase(data).OpenConnection())
        {
            warehouse.AddRange(connection.Rows(
                "select batch_id, received, loaded, replaced, deleted, quarantined, warnings, received = loaded + quarantined from meta.batches order by batch_seq",
                r => $"batch {r.GetString(0)}: received {r.GetInt32(1)} loaded {r.GetInt32(2)} replaced {r.GetInt32(3)} deleted {r.GetInt32(4)} " +
                     $"quarantined {r.GetInt32(5)} warnings {r.GetInt32(6)} reconciles {r.GetBoolean(7)}"));
            foreach (var table in new[] { "core.abstract_versions", "core.diagnosis_versions", "core.intervention_versions", "core.warning_versions", "meta.quarantine" })
                warehouse.Add($"{table}: {connection.Scalar<long>($"select count(*) from {table}")} rows");
            warehouse.Add("core.abstract_versions duplicated: " + connection.Scalar<long>(
                "select count(*) - count(distinct (facility_id, abstract_id, batch_id)) from core.abstract_versions"));
            warehouse.Add("marts.fct_abstracts: " + connection.Scalar<string>(
                "select count(*) || ' rows, ' || (count(*) - count(distinct (facility_id, abstract_id))) || ' duplicated, key hash ' || " +
                "coalesce(sum(hash(facility_id, abstract_id)) % 1000000007, 0) from marts.fct_abstracts"));
            warehouse.Add("marts.fct_diagnoses: " + connection.Scalar<long>("select count(*) from marts.fct_diagnoses") + " rows");
        }
        var lake = new List<string>();
        lake.AddRange(BatchManifest.ReadAll(data).Select(b => $"manifest {b.BatchId} seq {b.BatchSeq} received {b.Received} loaded {b.Loaded} quarantined {b.Quarantined}"));
        if (Directory.Exists(data.LakeDirectory))
            lake.AddRange(Directory.EnumerateFiles(data.LakeDirectory, "*", SearchOption.AllDirectories)
                .Select(f => "lake " + Path.GetRelativePath(data.Root, f)).Order(StringComparer.Ordinal));
        if (Directory.Exists(data.QuarantineDirectory))
            lake.AddRange(Directory.EnumerateFiles(data.QuarantineDirectory)
                .Select(f => $"quarantine {Path.GetFileName(f)}: {File.ReadLines(f).Count()} records").Order(StringComparer.Ordinal));
        return new WarehouseFingerprint(warehouse, lake);
    }

    /// <summary>The first line that differs, as "expected ... but found ...", or null when they are the same.</summary>
    public static string? Difference(IReadOnlyList<string> expected, IReadOnlyList<string> actual)
    {
        for (var i = 0; i < Math.Max(expected.Count, actual.Count); i++)
        {
            var e = i < expected.Count ? expected[i] : "(nothing)";
            var a = i < actual.Count ? actual[i] : "(nothing)";
            if (e != a)
                return $"expected '{e}' but found '{a}'";
        }
        return null;
    }
}
