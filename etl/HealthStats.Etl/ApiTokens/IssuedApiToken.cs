namespace HealthStats.Etl.ApiTokens;

/// <summary>A token just issued: the only moment its secret exists outside the caller's hands.</summary>
public sealed record IssuedApiToken(ApiToken Token, string Secret);
