namespace HealthStats.Dashboard.Tests;

/// <summary>
/// Two batches of abstracts whose figures are checked by hand in the page tests. Fiscal years run April to March:
/// 2024-11-10 is in 2024, the rest in 2025. The first batch (CSV) has four records, one quarantined (F002's B2: S30.1XXA,
/// deleted from ICD-10-CM on 2025-10-01, rule K01); the second (JSON Lines) resubmits F001's A2 unchanged, adds F003's C1
/// (E11, a header, as a secondary diagnosis: warning K02) and C2 (discharged before admitted: quarantined, rule C01).
///
/// E11.9 as MRDx: A1 (2024), B1 and C1 (2025); as any diagnosis also A2 (2025): 2024 1 and 1, 2025 2 and 3.
/// 0DTJ4ZZ: A1 (2024), B1 (2025).
/// </summary>
internal static class KnownAbstracts
{
    public const string FirstFile = "first.csv";
    public const string SecondFile = "second.jsonl";

    /// <summary>Personal details of the quarantined records: they must never reach a page.</summary>
    public static readonly string[] QuarantinedContent = ["CH-B2-SECRET", "HC-5550001112", "1961-02-03", "CH-C2-SECRET", "S301XXA", "S30.1XXA", "2025-08-05", "2025-08-10"];

    private const string Header =
        "facility_id,abstract_id,action,chart_number,health_card_number,sex,birth_date,postal_code,residence_region," +
        "admit_date,admit_time,discharge_date,discharge_time,admit_category,discharge_disposition,institution_from,institution_to," +
        "alc_days,coder_id,abstract_completed_date,dx_1_code,dx_1_type,dx_2_code,dx_2_type,px_1_code,px_1_date";

    public static string WriteFirst(string path)
    {
        File.WriteAllLines(path,
        [
            Header,
            "F001,A1,A,CH-A1,HC-1110001112,F,1950-06-15,K1A 0B1,R01,2024-11-05,08:30,2024-11-10,14:00,U,05,,,0,C01,2024-11-20,E11.9,M,I10,1,0DTJ4ZZ,2024-11-08",
            "F001,A2,A,CH-A2,HC-2220001112,M,1944-01-20,K1A 0B2,R01,2025-04-28,09:00,2025-05-03,11:00,U,05,,,0,C01,2025-05-10,J18.9,M,E119,3,,",
            "F002,B1,A,CH-B1,HC-3330001112,F,1970-09-09,K2B 1C3,R02,2025-05-28,10:00,2025-06-01,12:00,L,05,,,0,C02,2025-06-15,e11.9,M,I10,1,0DTJ4ZZ,2025-05-30",
            "F002,B2,A,CH-B2-SECRET,HC-5550001112,M,1961-02-03,K2B 1C4,R02,2025-10-01,10:00,2025-10-05,12:00,U,05,,,0,C02,2025-10-20,S30.1XXA,M,,,,",
        ]);
        return path;
    }

    public static string WriteSecond(string path)
    {
        File.WriteAllLines(path,
        [
            """{"facility_id":"F001","abstract_id":"A2","action":"A","chart_number":"CH-A2","health_card_number":"HC-2220001112","sex":"M","birth_date":"1944-01-20","postal_code":"K1A 0B2","residence_region":"R01","admit_date":"2025-04-28","admit_time":"09:00","discharge_date":"2025-05-03","discharge_time":"11:00","admit_category":"U","discharge_disposition":"05","alc_days":0,"coder_id":"C01","abstract_completed_date":"2025-05-10","diagnoses":[{"code":"J18.9","type":"M"},{"code":"E119","type":"3"}],"interventions":[]}""",
            """{"facility_id":"F003","abstract_id":"C1","action":"A","chart_number":"CH-C1","health_card_number":"HC-6660001112","sex":"F","birth_date":"1980-03-03","postal_code":"K3C 2D5","residence_region":"R03","admit_date":"2025-07-10","admit_time":"08:00","discharge_date":"2025-07-15","discharge_time":"10:00","admit_category":"U","discharge_disposition":"05","alc_days":0,"coder_id":"C03","abstract_completed_date":"2025-07-30","diagnoses":[{"code":"E11.9","type":"M"},{"code":"E11","type":"3"}],"interventions":[]}""",
            """{"facility_id":"F003","abstract_id":"C2","action":"A","chart_number":"CH-C2-SECRET","health_card_number":"HC-7770001112","sex":"F","birth_date":"1990-04-04","postal_code":"K3C 2D6","residence_region":"R03","admit_date":"2025-08-10","admit_time":"08:00","discharge_date":"2025-08-05","discharge_time":"10:00","admit_category":"U","discharge_disposition":"05","alc_days":0,"coder_id":"C03","abstract_completed_date":"2025-08-30","diagnoses":[{"code":"J18.9","type":"M"}],"interventions":[]}""",
        ]);
        return path;
    }
}
