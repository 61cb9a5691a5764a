using HealthStats.Warehouse.Storage;

namespace HealthStats.Etl.Ingest.Validation;

/// <summary>
/// Who died, and when, by pseudonymised patient: the stays already in the warehouse that ended in
/// death (disposition 07), plus deaths met earlier in the file being read. A stay admitted after the
/// patient's death is an error (a wrong health card number, most often), except a cadaveric donor's
/// (admit category R), which is admitted after death by definition. A death that comes later in the
/// same file than the stay it contradicts is not seen: the file is read once, in its order.
/// </summary>
public sealed class DeathRegister
{
    private readonly Dictionary<string, Death> deaths = new(StringComparer.Ordinal);

    public static DeathRegister Load(WarehouseDatabase database)
    {
        var register = new DeathRegister();
        using var connection = database.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = "select patient_key, discharge_date, facility_id, abstract_id from marts.fct_abstracts where discharge_disposition = '07'";
        using var reader = command.ExecuteReader();
        while (reader.Read())
            register.Record(reader.GetString(0), DateOnly.FromDateTime(reader.GetDateTime(1)), reader.GetString(2), reader.GetString(3));
        return register;
    }

    public void Record(string patientKey, DateOnly died, string facilityId, string abstractId)
    {
        if (!deaths.TryGetValue(patientKey, out var known) || died < known.Date)
            deaths[patientKey] = new Death(died, facilityId, abstractId);
    }

    /// <summary>The issue when this stay comes after the patient's death, else null.</summary>
    public ValidationIssue? Check(string patientKey, ValidAbstract stay)
    {
        if (stay.AdmitCategory == "R" || !deaths.TryGetValue(patientKey, out var death))
            return null;
        if (death.FacilityId == stay.FacilityId && death.AbstractId == stay.AbstractId)
            return null; // the death's own abstract, sent again
        if (stay.AdmitDate <= death.Date)
            return null;
        return new ValidationIssue(ValidationRules.StayAfterDeath, AbstractColumns.AdmitDate,
            $"the patient died at discharge on {death.Date:yyyy-MM-dd} (facility {death.FacilityId}, abstract {death.AbstractId}); this stay is admitted after that");
    }

    private sealed record Death(DateOnly Date, string FacilityId, string AbstractId);
}
