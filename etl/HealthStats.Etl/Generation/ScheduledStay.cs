namespace HealthStats.Etl.Generation;

/// <summary>
/// A stay decided at an earlier discharge (a transfer or a readmission), waiting for its day.
/// PatientId guards against the pool slot having been given to someone else meanwhile.
/// </summary>
internal readonly record struct ScheduledStay(
    StayKind Kind,
    int Slot,
    int PatientId,
    int Day,
    int Minute,
    short Profile,
    short Variant,
    short Facility,
    short FromFacility);
