namespace HealthStats.Warehouse.Indicators;

/// <summary>
/// A way to break an indicator down (--by) or narrow it (--where). Its id is the column name in the
/// indicator's source rows and in every output; values are compared as text. A dimension of codes has
/// titles: its source has an ID_title column, printed beside the code.
/// </summary>
public sealed record Dimension(string Id, string Name, string Definition, bool HasTitle = false)
{
    public string TitleColumn => Id + "_title";
}
