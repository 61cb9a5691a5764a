namespace HealthStats.Etl.Generation.Profiles;

internal enum ProfileKind
{
    Standard,
    VaginalDelivery,
    CaesareanDelivery,
    Newborn,
}
