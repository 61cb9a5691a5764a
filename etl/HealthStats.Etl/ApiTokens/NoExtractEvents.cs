namespace HealthStats.Etl.ApiTokens;

/// <summary>Records nothing: stands in until the audit log implements <see cref="IExtractEvents"/>.</summary>
public sealed class NoExtractEvents : IExtractEvents
{
    public static readonly NoExtractEvents Instance = new();

    public void TokenIssued(ApiToken token, string who)
    {
    }

    public void TokenRevoked(string tokenId, string who)
    {
    }

    public void ExtractDownloaded(string spec, string who, string? from, string manifestSha256)
    {
    }
}
