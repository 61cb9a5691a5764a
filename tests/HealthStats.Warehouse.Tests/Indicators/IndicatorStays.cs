using HealthStats.Warehouse.Tests.Models;

namespace HealthStats.Warehouse.Tests.Indicators;

/// <summary>
/// Five hand-made stays whose indicators are worked out by hand in the tests:
///
/// | stay | facility | discharged | los | ALC | acute | sex | age | region | admit | disposition | type     |
/// |------|----------|------------|-----|-----|-------|-----|-----|--------|-------|-------------|----------|
/// | s1   | F1       | 2024-05-05 |   4 |   0 |     4 | F   | 30  | R1     | U     | 05 home     | typical  |
/// | s2   | F1       | 2024-05-20 |  10 |   3 |     7 | M   | 70  | R1     | U     | 07 died     | atypical |
/// | s3   | F2       | 2024-06-03 |   2 |   0 |     2 | F   | 72  | R2     | L     | 05 home     | typical  |
/// | s4   | F2       | 2025-04-08 |   6 |   0 |     6 | M   | 5   | R2     | U     | 04 support  | typical  |
/// | s5   | F1       | 2024-07-04 |   3 |   0 |     3 | F   | 45  | (none) | U     | 06 sign-out | atypical |
///
/// s1 and s3 were completed (2024-05-20, 2024-07-15), and s1 has intervention 027034Z: what the coding and
/// intervention indicators need to have rows.
/// </summary>
internal static class IndicatorStays
{
    public static ModelWarehouse Build()
    {
        var warehouse = new ModelWarehouse();
        warehouse.Add(new Stay("s1", "p1", "2024-05-01", null, "2024-05-05", null) { Sex = "F", Age = 30, Region = "R1", Completed = "2024-05-20", Interventions = ["027034Z"] });
        warehouse.Add(new Stay("s2", "p2", "2024-05-10", null, "2024-05-20", null) { Sex = "M", Age = 70, Region = "R1", AlcDays = 3, Disposition = "07" });
        warehouse.Add(new Stay("s3", "p3", "2024-06-01", null, "2024-06-03", null) { Facility = "F2", Sex = "F", Age = 72, Region = "R2", AdmitCategory = "L", Completed = "2024-07-15" });
        warehouse.Add(new Stay("s4", "p4", "2025-04-02", null, "2025-04-08", null) { Facility = "F2", Sex = "M", Age = 5, Region = "R2", Disposition = "04" });
        warehouse.Add(new Stay("s5", "p5", "2024-07-01", null, "2024-07-04", null) { Sex = "F", Age = 45, Disposition = "06" });
        warehouse.Build();
        return warehouse;
    }
}
