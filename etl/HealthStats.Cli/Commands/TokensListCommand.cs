using System.Globalization;
using System.Text.Json;
using HealthStats.Etl.ApiTokens;

namespace HealthStats.Cli.Commands;

internal sealed class TokensListCommand : ICommand
{
    public string Name => "tokens list";

    public string Summary => "Lists the extract API's tokens: id, specs, label, created, expires, state (never the token).";

    public string Usage =>
        "usage: healthstats tokens list [--json]\n" +
        "  --json   an array of {id, specs, label, created_at, expires_at, revoked_at, state}";

    public IReadOnlyCollection<string> ValueOptions => [];

    public IReadOnlyCollection<string> Flags => ["json"];

    public Task<int> RunAsync(CliContext context, CancellationToken cancellationToken)
    {
        if (context.Line.Positional.Count > 0)
            throw new UsageException($"unexpected argument '{context.Line.Positional[0]}'");
        var tokens = ApiTokenStore.Open(context.Data).List();
        var now = DateTimeOffset.UtcNow;
        if (context.Line.Flag("json"))
        {
            context.Out.WriteLine(JsonSerializer.Serialize(tokens.Select(t => new
            {
                id = t.Id, specs = t.Specs, label = t.Label, created_at = t.CreatedAt, expires_at = t.ExpiresAt,
                revoked_at = t.RevokedAt, state = t.StateAt(now),
            })));
            return Task.FromResult(0);
        }
        context.Out.WriteLine($"{"id",-12}  {"state",-7}  {"created (UTC)",-16}  {"expires",-16}  {"specs",-30}  label");
        foreach (var t in tokens)
        {
            var expires = t.ExpiresAt is { } at ? Time(at) : "never";
            context.Out.WriteLine($"{t.Id,-12}  {t.StateAt(now),-7}  {Time(t.CreatedAt)}  {expires,-16}  {string.Join(',', t.Specs),-30}  {t.Label}");
        }
        return Task.FromResult(0);
    }

    private static string Time(DateTimeOffset at) => at.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
