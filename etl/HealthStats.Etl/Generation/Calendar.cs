namespace HealthStats.Etl.Generation;

/// <summary>Day numbers (DateOnly.DayNumber), ages and fiscal years (April 1 to March 31).</summary>
internal static class Calendar
{
    public static int AgeAt(int birthDay, int day)
    {
        var birth = DateOnly.FromDayNumber(birthDay);
        var on = DateOnly.FromDayNumber(day);
        var age = on.Year - birth.Year;
        if (on.Month < birth.Month || (on.Month == birth.Month && on.Day < birth.Day))
            age--;
        return age;
    }

    public static int FiscalYear(int day)
    {
        var date = DateOnly.FromDayNumber(day);
        return date.Month >= 4 ? date.Year : date.Year - 1;
    }

    public static int FirstDay(int fiscalYear) => new DateOnly(fiscalYear, 4, 1).DayNumber;

    public static int LastDay(int fiscalYear) => new DateOnly(fiscalYear + 1, 3, 31).DayNumber;

    /// <summary>A birth day giving exactly <paramref name="age"/> completed years on <paramref name="day"/>.</summary>
    public static int BirthDayFor(int age, int day, Prng rng)
    {
        var on = DateOnly.FromDayNumber(day);
        var latest = on.AddYears(-age).DayNumber;
        var earliest = on.AddYears(-age - 1).DayNumber + 1;
        return rng.Between(earliest, latest);
    }
}
