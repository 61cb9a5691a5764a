using HealthStats.Etl.Generation.Profiles;

namespace HealthStats.Etl.Generation;

/// <summary>
/// A synthetic person in the pool: a few dozen bytes, so that the pool stays small for millions of
/// abstracts. Chart and health card numbers are derived from <see cref="Id"/>, not stored.
/// </summary>
internal struct Patient
{
    /// <summary>Sequential from 1; 0 marks an empty slot.</summary>
    public int Id;

    public int BirthDay;

    /// <summary>Day number until which the patient is in hospital or has a stay scheduled.</summary>
    public int BusyUntil;

    public ChronicCondition Chronic;

    public char Sex;

    public byte Region;

    public byte Fsa;

    public short Ldu;

    public short HomeFacility;

    public bool Dead;

    /// <summary>Primary cancer once a palliative stay has named one.</summary>
    public string? Cancer;
}
