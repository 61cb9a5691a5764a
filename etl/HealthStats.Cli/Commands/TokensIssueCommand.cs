using System.Globalization;
using HealthStats.Etl.ApiTokens;
using HealthStats.Warehouse.Extracts;

namespace HealthStats.Cli.Commands;

internal sealed class TokensIssueCommand : ICommand
{
    private const int DefaultDays = 90;

    public string Name => "tokens issue";

    public string Summary => "Issues a bearer token for the extract API, limited to named specs; prints it once.";

    public string Usage =>
        "usage: healthstats tokens issue --spec NAME[,NAME...] [--expires DAYS] [--label TEXT]\n" +
        "  --spec NAMES    the specs the token may pull: data/extract-specs/NAME.json, each of which must exist\n" +
        $"  --expires DAYS  days until it stops working (default {DefaultDays}; 0 for never)\n" +
        "  --label TEXT    who or what it is for, shown by `tokens list`\n" +
        "The token is printed once and stored only as a hash: give it to the ministry over a safe channel.";

    public IReadOnlyCollection<string> ValueOptions => ["spec", "expires", "label"];

    public IReadOnlyCollection<string> Flags => [];

    public Task<int> RunAsync(CliContext context, CancellationToken cancellationToken)
    {
        var line = context.Line;
        if (line.Positional.Count > 0)
            throw new UsageException($"unexpected argument '{line.Positional[0]}'");
        var specs = line.Required("spec").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var days = line.Int("expires", DefaultDays);
        if (days is < 0 or > 3650)
            throw new UsageException("--expires takes a number of days up to 3650, 0 for never");

        // A typo would make a token that can pull nothing; the spec must be there to be served.
        var folder = new ExtractSpecFolder(context.Data);
        var missing = specs.Where(s => folder.Find(s) is null).ToList();
        if (missing.Count > 0)
        {
            foreach (var name in missing)
                context.Error.WriteLine($"healthstats tokens issue: no spec '{name}' in {folder.Directory} (expected {name}.json there)");
            return Task.FromResult(1);
        }

        var issued = ApiTokenStore.Open(context.Data).Issue(specs, days == 0 ? null : TimeSpan.FromDays(days), line.Value("label"));
        // Audit log: token issued.
        context.ExtractEvents.TokenIssued(issued.Token, Environment.UserName);
        var token = issued.Token;
        var expires = token.ExpiresAt is { } at ? "expires " + at.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture) : "does not expire";
        context.Out.WriteLine($"issued token {token.Id} for {string.Join(", ", token.Specs)} ({expires}); it is stored hashed and will not be shown again:");
        context.Out.WriteLine(issued.Secret);
        return Task.FromResult(0);
    }
}
