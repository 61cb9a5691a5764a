namespace HealthStats.Warehouse.Tests.Models;

/// <summary>Index stays and their later admissions, one patient per case, built once for the class.</summary>
public sealed class ReadmissionCases : IDisposable
{
    public ReadmissionCases()
    {
        // An index stay May 1-3 (urgent, discharged home, age 60, pneumonia), then what follows it.
        Index("basic").Then("2024-05-20", "U");
        Index("day30").Then("2024-06-02", "U");
        Index("day31").Then("2024-06-03", "U");
        Index("elective").Then("2024-05-10", "L");
        Index("elective-then-urgent").Then("2024-05-05", "L").Then("2024-05-20", "U");
        Index("transfer", s => s with { Disposition = "01" }).Then("2024-05-03", "U", "22:00").Then("2024-05-30", "U");
        Index("died", s => s with { Disposition = "07" });
        Index("signed-out", s => s with { Disposition = "06" }).Then("2024-05-06", "U");
        Index("obstetric", s => s with { Mrdx = "O800" }).Then("2024-05-06", "U");
        Index("mental", s => s with { Mrdx = "F329" }).Then("2024-05-06", "U");
        Index("palliative", s => s with { Mrdx = "Z515" });
        Index("chemo", s => s with { Mrdx = "Z5111" });
        Index("child", s => s with { Age = 10 }).Then("2024-05-06", "U");
        Index("newborn", s => s with { AdmitCategory = "N", Mrdx = "Z3800", Age = 0 });
        // The newest discharge in the warehouse: stays discharged 30 days before it have been followed.
        Warehouse.Add(new Stay("late", "p-late", "2024-12-01", null, "2024-12-31", null));
        Warehouse.Build();
    }

    public ModelWarehouse Warehouse { get; } = new();

    public void Dispose() => Warehouse.Dispose();

    private Chain Index(string name, Func<Stay, Stay>? change = null)
    {
        var first = new Stay(name, "p-" + name, "2024-05-01", "08:00", "2024-05-03", "12:00");
        Warehouse.Add((change ?? (s => s))(first));
        return new Chain(this, name, 0);
    }

    private sealed record Chain(ReadmissionCases Owner, string Name, int Count)
    {
        // A later two-day stay of the same patient at another facility.
        public Chain Then(string admit, string category, string time = "09:00")
        {
            var discharge = DateOnly.ParseExact(admit, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture).AddDays(2).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            Owner.Warehouse.Add(new Stay($"{Name}-{Count + 1}", "p-" + Name, admit, time, discharge, "10:00") { Facility = "F2", AdmitCategory = category });
            return this with { Count = Count + 1 };
        }
    }
}
