namespace HealthStats.Etl.Generation.Profiles;

/// <summary>Age at admission: a normal curve cut to [Min, Max].</summary>
internal sealed record AgeModel(double Mean, double SD, int Min, int Max)
{
    public int Sample(Prng rng)
    {
        for (var attempt = 0; attempt < 8; attempt++)
        {
            var age = (int)Math.Floor(Mean + (SD * rng.Normal()));
            if (age >= Min && age <= Max)
                return age;
        }
        return rng.Between(Min, Max);
    }

    /// <summary>Whether a known patient of this age is typical enough for the profile.</summary>
    public bool Fits(int age) => age >= Min && age <= Max && Math.Abs(age - Mean) <= 2 * SD;
}
