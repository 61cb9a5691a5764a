namespace HealthStats.Etl.Generation;

/// <summary>
/// Curated codes for error injection, checked against the CMS FY2026 files by the tests. All are valid
/// billable codes except <see cref="InvalidCodes"/>, which exist nowhere in ICD-10-CM FY2026 (several
/// are WHO ICD-10 codes that ICD-10-CM never adopted, such as F20.4 and O80.0).
/// </summary>
internal static class ErrorCodeLists
{
    public static readonly string[] InvalidCodes =
    [
        "J18.7", "J44.2", "J96.03", "I50.0", "I50.5", "I21.5", "I63.7", "I61.7", "I10.0", "I48.5",
        "A41.6", "A40.2", "N39.1", "N10.0", "N17.3", "N18.7", "K35.9", "K80.9", "K92.3", "K25.8",
        "K57.35", "E11.60", "E11.12", "E10.12", "E87.9", "E86.2", "D64.5", "F20.4", "F32.6", "F33.5",
        "F31.14", "O80.0", "O70.5", "Z3A.43", "Z38.9", "Z51.50", "L03.117", "M17.13", "C34.93", "C61.0",
        "G81.95", "R65.22", "S72.003A",
    ];

    /// <summary>Female-only codes (MCE section 5A), put on a male patient's abstract.</summary>
    public static readonly string[] FemaleOnly = ["N95.1", "N80.9", "N83.209", "N81.2", "N81.10", "N95.0"];

    /// <summary>Male-only codes (MCE section 5C), put on a female patient's abstract.</summary>
    public static readonly string[] MaleOnly = ["N40.0", "N40.1", "N52.9", "N41.0", "C61", "Z85.46"];

    /// <summary>Codes for newborns (perinatal P codes and MCE section 4A newborn codes), put on an adult.</summary>
    public static readonly string[] NewbornOnly = ["P59.9", "P07.39", "P92.9", "P22.1", "Z38.00", "Z05.1"];

    /// <summary>Maternity codes (MCE section 4C), put on a woman aged 70 or more.</summary>
    public static readonly string[] Maternity = ["O99.214", "O24.410", "O13.9", "Z3A.39", "O80"];

    /// <summary>Adult-only codes (MCE section 4D, ages 15 to 124), put on a child or newborn.</summary>
    public static readonly string[] AdultOnly = ["M81.0", "I25.10", "F03.90", "K70.30"];

    /// <summary>Interventions that fit none of the profiles they are not listed in.</summary>
    public static readonly string[] MismatchedInterventions =
    [
        "0SRC0J9", "0DTJ4ZZ", "0FT44ZZ", "027034Z", "0SRR0J9", "GZB4ZZZ", "0JBQ0ZZ", "0DTN4ZZ", "0CTP0ZZ",
        "08RJ3JZ", "0GTK0ZZ",
    ];

    /// <summary>
    /// Two adjacent characters swapped (dots ignored) giving another valid billable code. Targets of a
    /// code that may be the MRDx are themselves acceptable as a most responsible diagnosis.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> Transpositions = new Dictionary<string, string>
    {
        ["A41.9"] = "A49.1",
        ["A40.3"] = "A43.0",
        ["I21.4"] = "I24.1",
        ["I50.23"] = "I50.32",
        ["I50.9"] = "I05.9",
        ["I63.9"] = "I36.9",
        ["I63.512"] = "I63.521",
        ["I63.412"] = "I63.421",
        ["I61.9"] = "I16.9",
        ["I48.91"] = "I48.19",
        ["I12.9"] = "I21.9",
        ["I13.0"] = "I31.0",
        ["J18.1"] = "J81.1",
        ["J96.01"] = "J96.10",
        ["K80.10"] = "K80.01",
        ["K80.01"] = "K80.10",
        ["K26.4"] = "K62.4",
        ["K92.1"] = "K91.2",
        ["K57.31"] = "K57.13",
        ["F31.13"] = "F31.31",
        ["F31.2"] = "F32.1",
        ["F31.4"] = "F34.1",
        ["F32.3"] = "F33.2",
        ["F33.2"] = "F32.3",
        ["F60.3"] = "F63.0",
        ["F17.210"] = "F17.201",
        ["E11.10"] = "E11.01",
        ["E10.10"] = "E11.00",
        ["E87.1"] = "E78.1",
        ["E87.5"] = "E78.5",
        ["E78.5"] = "E87.5",
        ["E86.0"] = "E80.6",
        ["E87.6"] = "E78.6",
        ["D64.9"] = "D46.9",
        ["G81.91"] = "G89.11",
        ["G89.3"] = "G83.9",
        ["R47.01"] = "R74.01",
        ["M81.0"] = "M18.0",
        ["C78.7"] = "C77.8",
        ["C80.1"] = "C08.1",
        ["C71.9"] = "C17.9",
        ["C64.1"] = "C46.1",
        ["O34.211"] = "O43.211",
        ["O70.0"] = "O07.0",
        ["O70.1"] = "O07.1",
        ["S72.011A"] = "S72.101A",
        ["S72.012A"] = "S72.102A",
        ["S72.141A"] = "S72.114A",
        ["S72.142A"] = "S72.124A",
        ["W01.0XXA"] = "W00.1XXA",
        ["Y92.009"] = "Y92.090",
        ["Z37.0"] = "Z73.0",
        ["Z79.4"] = "Z97.4",
        ["Z95.5"] = "Z59.5",
        ["P92.9"] = "P29.9",
        ["P70.4"] = "P74.0",
    };
}
