namespace HealthStats.Etl.Generation;

/// <summary>Writes generated abstracts in one of the input formats; the simulation does not know which.</summary>
internal interface IAbstractWriter
{
    /// <summary>Whatever comes before the first abstract (a CSV header; nothing for the JSON formats).</summary>
    void WriteHeader();

    void Write(StayRecord s);
}
