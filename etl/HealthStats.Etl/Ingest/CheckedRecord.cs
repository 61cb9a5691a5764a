using HealthStats.Etl.Ingest.Validation;
using HealthStats.Etl.Landing;

namespace HealthStats.Etl.Ingest;

/// <summary>A record as read, its validation, and its de-identified form when it passed (and is not a deletion).</summary>
internal sealed record CheckedRecord(RawAbstract Raw, ValidationResult Result, LandedAbstract? Landed);
