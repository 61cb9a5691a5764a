namespace HealthStats.Warehouse.Tests.Classification;

/// <summary>Addenda lines built to the CMS layouts: a 13-character tag, then the order or codes layout.</summary>
internal static class AddendaLines
{
    /// <summary>ICD-10-CM order addenda: flag, code (7), short title (60), long title.</summary>
    public static string Order(string tag, bool billable, string code, string title) =>
        $"{tag,-13}{(billable ? '1' : '0')} {code,-7} {Short(title)} {title}";

    /// <summary>ICD-10-PCS order addenda: code (7), short title (60), long title, no flag.</summary>
    public static string PcsOrder(string tag, string code, string title) => $"{tag,-13}{code,-7} {Short(title)} {title}";

    /// <summary>ICD-10-CM codes addenda: code (7), title.</summary>
    public static string Codes(string tag, string code, string title) => $"{tag,-13}{code,-7} {title}";

    private static string Short(string title) => (title.Length > 60 ? title[..60] : title).PadRight(60);
}
