namespace HealthStats.Etl.ApiTokens;

/// <summary>Records nothing: the stand-in where no audit log is wired (the dashboard and CLI use AuditExtractEvents).</summary>
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

    public void ExtractProduced(string spec, string who, string from, string manifestSha256)
    {
    }
}
