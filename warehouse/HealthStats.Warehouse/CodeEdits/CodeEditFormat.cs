namespace HealthStats.Warehouse.CodeEdits;

/// <summary>The layouts an edit table is imported from.</summary>
public enum CodeEditFormat
{
    /// <summary>The CMS MCE simple code edits layout (tab separated, MCE_Version ... ICD_Desc).</summary>
    Mce,

    /// <summary>The site CSV: edit_type,code_kind,code,effective_from[,effective_to].</summary>
    Csv,
}
