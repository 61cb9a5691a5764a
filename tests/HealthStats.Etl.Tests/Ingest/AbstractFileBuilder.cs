using System.Text;

namespace HealthStats.Etl.Tests.Ingest;

/// <summary>Writes small abstracts files for tests, one line per call, in the section 1 layout.</summary>
internal sealed class AbstractFileBuilder
{
    public const string Header =
        "facility_id,abstract_id,action,chart_number,health_card_number,sex,birth_date,postal_code,residence_region," +
        "admit_date,admit_time,discharge_date,discharge_time,admit_category,discharge_disposition,institution_from,institution_to," +
        "alc_days,coder_id,abstract_completed_date,dx_1_code,dx_1_type,dx_2_code,dx_2_type,px_1_code,px_1_date";

    private readonly StringBuilder text = new(Header + "\n");

    public AbstractFileBuilder Add(string facility, string abstractId, string chart = "CHART-0001", string healthCard = "HCN-9876543210",
        string sex = "F", string birth = "1950-06-15", string postal = "K1A 0B1", string admit = "2024-05-01", string discharge = "2024-05-06",
        string mrdx = "J18.9", string secondDx = "I10", string action = "A", string px = "", string pxDate = "")
    {
        text.Append(FormattableString.Invariant(
            $"{facility},{abstractId},{action},{chart},{healthCard},{sex},{birth},{postal},R01,{admit},08:30,{discharge},14:00,U,05,,,0,C01,2024-05-20,{mrdx},M,{secondDx},{(secondDx.Length > 0 ? "1" : "")},{px},{pxDate}\n"));
        return this;
    }

    public AbstractFileBuilder AddRaw(string line)
    {
        text.Append(line).Append('\n');
        return this;
    }

    public string Write(string path)
    {
        File.WriteAllText(path, text.ToString());
        return path;
    }
}
