namespace HealthStats.Etl.Generation.Profiles;

/// <summary>When in the stay an intervention happens.</summary>
internal enum PxTiming
{
    AdmitDay,
    WithinOneDay,
    WithinThreeDays,
    AnyDay,
    DeliveryDay,
}
