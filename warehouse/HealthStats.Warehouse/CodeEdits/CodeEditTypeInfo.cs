namespace HealthStats.Warehouse.CodeEdits;

/// <summary>One edit type: its stored name, the CMS MCE edit type it is read from and the MCE section that defines it.</summary>
internal sealed record CodeEditTypeInfo(CodeEditTypes Type, string Name, string MceEditType, string MceSection, bool DiagnosisOnly);
