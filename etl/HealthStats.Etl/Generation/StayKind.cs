namespace HealthStats.Etl.Generation;

internal enum StayKind : byte
{
    /// <summary>A new admission drawn from the day's case mix.</summary>
    Index,

    /// <summary>A patient coming back after an earlier discharge.</summary>
    Readmission,

    /// <summary>At the tertiary centre, straight after a community hospital's transfer out.</summary>
    TransferIn,

    /// <summary>Back at the community hospital after care at the centre.</summary>
    Repatriation,
}
