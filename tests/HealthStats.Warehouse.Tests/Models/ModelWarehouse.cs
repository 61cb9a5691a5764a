using DuckDB.NET.Data;
using HealthStats.TestSupport;
using HealthStats.Warehouse.Build;
using HealthStats.Warehouse.Storage;

namespace HealthStats.Warehouse.Tests.Models;

/// <summary>
/// A real warehouse file with hand-made stays written straight into the core views' typed part (the
/// core.*_shape tables, which a lake never fills: see CoreViews), and the models built over them as a
/// batch would build them. Every build also runs the SQL data tests.
/// </summary>
public sealed class ModelWarehouse : IDisposable
{
    private readonly TempDirectory temp = new("models");

    public ModelWarehouse()
    {
        Database = new WarehouseDatabase(new DataDirectory(temp.Path));
        WarehouseSetup.Initialize(Database);
    }

    public WarehouseDatabase Database { get; }

    public void Add(Stay stay)
    {
        using var connection = Database.OpenConnection();
        var dx = stay.Diagnoses.Prepend($"{stay.Mrdx}:M").Select(d => d.Split(':')).ToList();
        connection.Execute(
            """
            insert into core.abstract_versions_shape by name
            select 'b1' as batch_id, 1 as batch_seq, $1 as source_line, $2 as facility_id, $3 as abstract_id,
                   $4 as patient_key, 'c-' || $4 as chart_key, $16 as sex, $5 as age_years,
                   case when $5 >= 90 then '90+' else ($5 // 5 * 5) || '-' || ($5 // 5 * 5 + 4) end as age_group,
                   $17 as residence_region,
                   $6::date as admit_date, $7 as admit_time, $8::date as discharge_date, $9 as discharge_time,
                   $8::date - $6::date as los_days,
                   year($8::date) - case when month($8::date) < 4 then 1 else 0 end as fiscal_year,
                   $10 as admit_category, $11 as discharge_disposition,
                   $12 as institution_from, $13 as institution_to, $18 as alc_days, $20 as coder_id, $21::date as abstract_completed_date,
                   $14 as mrdx_code, c.chapter as mrdx_chapter, c.block as mrdx_block, $15 as diagnosis_count, $19 as intervention_count
            -- the ingest classifies the MRDx as it classifies every diagnosis
            from (select 1) left join (select any_value(chapter) as chapter, any_value(block) as block from reference.classification_codes where code = $14) c on true
            """,
            Lines++, stay.Facility, stay.Id, stay.Patient, stay.Age, stay.Admit, stay.AdmitTime, stay.Discharge, stay.DischargeTime,
            stay.AdmitCategory, stay.Disposition, stay.From, stay.To, stay.Mrdx, dx.Count, stay.Sex, stay.Region, stay.AlcDays, stay.Interventions.Count, stay.Coder, stay.Completed);
        for (var i = 0; i < dx.Count; i++)
        {
            connection.Execute(
                "insert into core.diagnosis_versions_shape by name select 'b1' as batch_id, $1 as facility_id, $2 as abstract_id, $3 as seq, $4 as code, $5 as type, 2024 as fiscal_year, " +
                "c.chapter, c.block from (select 1) left join (select any_value(chapter) as chapter, any_value(block) as block from reference.classification_codes where code = $4) c on true",
                stay.Facility, stay.Id, i + 1, dx[i][0], dx[i][1]);
        }
        for (var i = 0; i < stay.Interventions.Count; i++)
        {
            connection.Execute(
                "insert into core.intervention_versions_shape by name select 'b1' as batch_id, $1 as facility_id, $2 as abstract_id, $3 as seq, $4 as code, $5::date as intervention_date, " +
                "year($5::date) - case when month($5::date) < 4 then 1 else 0 end as fiscal_year, c.chapter, c.block " +
                "from (select 1) left join (select any_value(chapter) as chapter, any_value(block) as block from reference.classification_codes where code = $4) c on true",
                stay.Facility, stay.Id, i + 1, stay.Interventions[i], stay.Admit);
        }
    }

    public int Lines { get; private set; } = 1;

    /// <summary>A validation warning against the stay's (only) version.</summary>
    public void AddWarning(string facility, string abstractId, string rule) =>
        Execute("insert into core.warning_versions_shape values ('b1', $1, $2, $3, 'field', 'message', 2024)", facility, abstractId, rule);

    public void Execute(string sql, params object?[] parameters)
    {
        using var connection = Database.OpenConnection();
        connection.Execute(sql, parameters);
    }

    /// <summary>Builds every model as a large batch does, then requires the data tests to pass.</summary>
    public void Build()
    {
        using var connection = Database.OpenConnection();
        StagedBuild.Run(connection);
        var failures = DataTests.Run(connection);
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    public List<Dictionary<string, object?>> Rows(string sql, params object?[] parameters)
    {
        using var connection = Database.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var p in parameters)
            command.Parameters.Add(new DuckDBParameter(p ?? DBNull.Value));
        using var reader = command.ExecuteReader();
        var rows = new List<Dictionary<string, object?>>();
        while (reader.Read())
        {
            var row = new Dictionary<string, object?>(StringComparer.Ordinal);
            for (var i = 0; i < reader.FieldCount; i++)
                row[reader.GetName(i)] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            rows.Add(row);
        }
        return rows;
    }

    public T? Scalar<T>(string sql, params object?[] parameters)
    {
        using var connection = Database.OpenConnection();
        return connection.Scalar<T>(sql, parameters);
    }

    public void Dispose() => temp.Dispose();
}
