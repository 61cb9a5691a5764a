namespace HealthStats.Warehouse.CodeEdits;

/// <summary>
/// The edit tables a code may be listed in, as flags: one lookup per code answers every table at once, which
/// keeps the edits cheap at ingest. The MCE section each follows is in <see cref="CodeEditTypeNames"/>.
/// </summary>
[Flags]
public enum CodeEditTypes : ushort
{
    None = 0,
    NewbornOnly = 1 << 0,
    PediatricOnly = 1 << 1,
    MaternityOnly = 1 << 2,
    AdultOnly = 1 << 3,
    FemaleOnly = 1 << 4,
    MaleOnly = 1 << 5,
    Manifestation = 1 << 6,
    UnacceptableMrdx = 1 << 7,
    QuestionableAdmission = 1 << 8,

    AgeEdits = NewbornOnly | PediatricOnly | MaternityOnly | AdultOnly,
    SexEdits = FemaleOnly | MaleOnly,
    MrdxEdits = Manifestation | UnacceptableMrdx | QuestionableAdmission,
}
