using HealthStats.Etl.Generation.Profiles;

namespace HealthStats.Etl.Generation;

/// <summary>
/// Every code the generator can write, gathered from the profiles and the error lists. The starter
/// classification must hold all of them (the tests compare it with the CMS files).
/// </summary>
internal static class CodeCatalog
{
    /// <summary>
    /// Codes that must not become the MRDx through mrdx_sequencing: CMS unacceptable principal
    /// diagnoses and questionable admissions, beside the Z, V-Y chapters handled by letter.
    /// </summary>
    private static readonly HashSet<string> NotMrdx = ["I10", "E11.9", "E66.9", "F17.210", "R65.20", "R65.21", "D63.1"];

    public static bool IsAcceptableMrdx(string code) =>
        code[0] is not ('V' or 'W' or 'X' or 'Y' or 'Z') && !NotMrdx.Contains(code);

    /// <summary>The three-character category (a header code for any longer code).</summary>
    public static string Category(string code) => code[..3];

    /// <summary>Every diagnosis code the generator writes when it codes correctly, with dots.</summary>
    public static IEnumerable<string> TrueDiagnoses()
    {
        var codes = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var profile in ProfileCatalog.All)
        {
            foreach (var variant in profile.Variants)
            {
                codes.Add(variant.Code);
                AddAll(codes, variant.Secondary);
            }
            AddAll(codes, profile.Secondary);
            AddAll(codes, profile.AfterCentreCare);
        }
        codes.UnionWith(MedicalProfiles.PalliativeCancers.Codes);
        codes.UnionWith(ChronicCoding.AllCodes);
        return codes;
    }

    /// <summary>Every valid diagnosis code the generator can write, including those of injected errors.</summary>
    public static IEnumerable<string> Diagnoses()
    {
        var codes = new SortedSet<string>(TrueDiagnoses(), StringComparer.Ordinal);
        foreach (var profile in ProfileCatalog.All)
        {
            foreach (var variant in profile.Variants)
                codes.UnionWith(variant.Substitutes);
        }
        codes.UnionWith(ErrorCodeLists.FemaleOnly);
        codes.UnionWith(ErrorCodeLists.MaleOnly);
        codes.UnionWith(ErrorCodeLists.NewbornOnly);
        codes.UnionWith(ErrorCodeLists.Maternity);
        codes.UnionWith(ErrorCodeLists.AdultOnly);
        codes.UnionWith(ErrorCodeLists.Transpositions.Values);
        return codes;
    }

    /// <summary>Header (category) codes that nonspecific_code errors write.</summary>
    public static IEnumerable<string> Headers() =>
        new SortedSet<string>(TrueDiagnoses().Where(c => c.Length > 3).Select(Category), StringComparer.Ordinal);

    public static IEnumerable<string> Interventions()
    {
        var codes = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var profile in ProfileCatalog.All)
            codes.UnionWith(Interventions(profile));
        codes.UnionWith(ErrorCodeLists.MismatchedInterventions);
        return codes;
    }

    public static IEnumerable<string> Interventions(ClinicalProfile profile)
    {
        foreach (var px in profile.Procedures)
        {
            foreach (var code in px.Codes.Codes)
                yield return code;
        }
        foreach (var dx in profile.Secondary.Concat(profile.AfterCentreCare).Concat(profile.Variants.SelectMany(v => v.Secondary)))
        {
            foreach (var px in dx.Linked)
            {
                foreach (var code in px.Codes.Codes)
                    yield return code;
            }
        }
        foreach (var variant in profile.Variants)
        {
            foreach (var px in variant.Procedures)
            {
                foreach (var code in px.Codes.Codes)
                    yield return code;
            }
        }
    }

    private static void AddAll(SortedSet<string> codes, DxOption[] options)
    {
        foreach (var option in options)
            codes.UnionWith(option.Codes.Codes);
    }
}
