namespace HealthStats.Etl.Generation;

/// <summary>The miscoding kinds the generator injects, named as in the audit outcomes format.</summary>
internal static class ErrorTypes
{
    public const string InvalidCode = "invalid_code";
    public const string NonspecificCode = "nonspecific_code";
    public const string SexConflict = "sex_conflict";
    public const string AgeConflict = "age_conflict";
    public const string MrdxSequencing = "mrdx_sequencing";
    public const string CodeSubstitution = "code_substitution";
    public const string Transposition = "transposition";
    public const string ProcedureMismatch = "procedure_mismatch";

    public static readonly string[] All =
    [
        InvalidCode,
        NonspecificCode,
        SexConflict,
        AgeConflict,
        MrdxSequencing,
        CodeSubstitution,
        Transposition,
        ProcedureMismatch,
    ];
}
