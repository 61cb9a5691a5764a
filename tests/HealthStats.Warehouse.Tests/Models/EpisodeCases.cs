namespace HealthStats.Warehouse.Tests.Models;

/// <summary>
/// One warehouse holding every episode linkage case, each its own patient, built once for the class:
/// the cases cannot disturb one another because stays link only within a patient.
/// </summary>
public sealed class EpisodeCases : IDisposable
{
    public EpisodeCases()
    {
        // 6h59 and 7h01 after a 20:00 discharge, no transfer; exactly 7h
        Add("p659", "08:00", "20:00", "2024-05-04", "02:59");
        Add("p701", "08:00", "20:00", "2024-05-04", "03:01");
        Add("p700", "08:00", "20:00", "2024-05-04", "03:00");
        // 11h59 with a transfer coded three ways, 12h01 with a transfer, 11h59 without
        Add("p1159-disp", "08:00", "20:00", "2024-05-04", "07:59", first: s => s with { Disposition = "01" });
        Add("p1159-to", "08:00", "20:00", "2024-05-04", "07:59", first: s => s with { To = "H9" });
        Add("p1159-from", "08:00", "20:00", "2024-05-04", "07:59", next: s => s with { From = "H1" });
        Add("p1201-disp", "08:00", "20:00", "2024-05-04", "08:01", first: s => s with { Disposition = "01" });
        Add("p1159-none", "08:00", "20:00", "2024-05-04", "07:59");
        // missing times: same day; next day without and with a transfer; two days later with a transfer
        Add("pnull-sameday", "08:00", null, "2024-05-03", "23:00");
        Add("pnull-nextday", null, null, "2024-05-04", null);
        Add("pnull-nextday-transfer", null, null, "2024-05-04", null, first: s => s with { Disposition = "01" });
        Add("pnull-twodays-transfer", null, null, "2024-05-05", null, first: s => s with { Disposition = "01" });
        // different patients, an hour apart with a transfer coded
        Warehouse.Add(new Stay("pa-1", "pa", "2024-05-01", "08:00", "2024-05-03", "20:00") { Disposition = "01" });
        Warehouse.Add(new Stay("pb-1", "pb", "2024-05-03", "21:00", "2024-05-06", "10:00"));
        // a three-stay chain through two facilities, then a separate stay a month later
        Warehouse.Add(new Stay("chain-1", "pchain", "2024-05-01", "08:00", "2024-05-03", "20:00") { Disposition = "01" });
        Warehouse.Add(new Stay("chain-2", "pchain", "2024-05-04", "06:00", "2024-05-10", "09:00") { Facility = "F2", Disposition = "01" });
        Warehouse.Add(new Stay("chain-3", "pchain", "2024-05-10", "12:00", "2024-05-20", "11:00") { Disposition = "04" });
        Warehouse.Add(new Stay("chain-4", "pchain", "2024-06-20", "12:00", "2024-06-22", "11:00"));
        Warehouse.Build();
    }

    public ModelWarehouse Warehouse { get; } = new();

    public void Dispose() => Warehouse.Dispose();

    // Two stays of one patient: the first from May 1 to May 3, the next admitted at the given date and time.
    private void Add(string patient, string? admitTime, string? dischargeTime, string nextAdmit, string? nextAdmitTime,
        Func<Stay, Stay>? first = null, Func<Stay, Stay>? next = null)
    {
        Warehouse.Add((first ?? (s => s))(new Stay(patient + "-1", patient, "2024-05-01", admitTime, "2024-05-03", dischargeTime)));
        Warehouse.Add((next ?? (s => s))(new Stay(patient + "-2", patient, nextAdmit, nextAdmitTime, "2024-05-08", "10:00") { Facility = "F2" }));
    }
}
