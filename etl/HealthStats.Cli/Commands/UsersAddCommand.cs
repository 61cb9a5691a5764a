using HealthStats.Etl.Accounts;

namespace HealthStats.Cli.Commands;

internal sealed class UsersAddCommand : ICommand
{
    public string Name => "users add";

    public string Summary => "Adds a local dashboard account with a role; prints a generated password once.";

    public string Usage =>
        "usage: healthstats users add USER --role analyst|supervisor|ministry|admin [--password-file FILE | --prompt]\n" +
        "  --role ROLE           what the account may see (see the README's \"Sign-in and roles\")\n" +
        "  --password-file FILE  the password from FILE's first line (at least 12 characters; /dev/stdin reads a pipe);\n" +
        "  --prompt              ask for the password on the terminal (twice, not echoed);\n" +
        "                        without either a random password is generated and printed once";

    public IReadOnlyCollection<string> ValueOptions => ["role", PasswordFileOption.Name];

    public IReadOnlyCollection<string> Flags => [PasswordPrompt.Flag];

    public Task<int> RunAsync(CliContext context, CancellationToken cancellationToken)
    {
        var user = UsersCommandLine.SingleUser(context.Line);
        var role = AccountRoles.Parse(context.Line.Required("role"));
        var given = PasswordPrompt.FromOptions(context);
        var password = given ?? GeneratedPassword.New();
        AccountStore.Open(context.Data).Add(user, role, password);
        var name = AccountStore.NormalizeUserName(user);
        if (given is null)
        {
            context.Out.WriteLine($"added {name} ({role}) with the password below; it is stored hashed and will not be shown again:");
            context.Out.WriteLine(password);
        }
        else
        {
            context.Out.WriteLine($"added {name} ({role})");
        }
        return Task.FromResult(0);
    }
}
