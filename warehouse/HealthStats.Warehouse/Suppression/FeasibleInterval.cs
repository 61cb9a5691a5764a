namespace HealthStats.Warehouse.Suppression;

/// <summary>
/// Where a reader can place a suppressed count from what is released: every count in [Low, High] is
/// consistent with it, as far as linear programming over non-negative counts can tell (High may be
/// +infinity). Both ends are rounded inwards to whole counts, since counts are integers.
/// </summary>
public sealed record FeasibleInterval(int Cell, double Low, double High)
{
    public double Width => High - Low;
}
