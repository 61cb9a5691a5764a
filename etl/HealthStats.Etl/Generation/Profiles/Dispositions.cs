namespace HealthStats.Etl.Generation.Profiles;

/// <summary>
/// Discharge disposition mixes (DAD codes: 02 continuing care, 03 other care or residence, 04 home
/// with support, 05 home, 06 against advice). Death (07) and transfer (01) are decided separately.
/// </summary>
internal static class Dispositions
{
    public static readonly CodePick MedicalElderly = new(("05", 55), ("04", 25), ("02", 12), ("03", 6), ("06", 2));

    public static readonly CodePick Medical = new(("05", 72), ("04", 16), ("02", 5), ("03", 4), ("06", 3));

    public static readonly CodePick Stroke = new(("05", 32), ("04", 22), ("02", 36), ("03", 10));

    public static readonly CodePick HipFracture = new(("05", 18), ("04", 27), ("02", 47), ("03", 8));

    public static readonly CodePick Surgical = new(("05", 86), ("04", 11), ("02", 2), ("06", 1));

    public static readonly CodePick Obstetric = new(("05", 98), ("04", 2));

    public static readonly CodePick MentalHealth = new(("05", 74), ("04", 9), ("03", 11), ("06", 6));

    public static readonly CodePick Palliative = new(("05", 15), ("04", 40), ("02", 33), ("03", 12));

    public static readonly CodePick Newborn = new(("05", 99), ("04", 1));
}
