using HealthStats.Etl.Accounts;

namespace HealthStats.Dashboard.Accounts;

/// <summary>
/// On a first start with the demo, one account per role, each with a random password printed once
/// on the console and stored hashed: the demo can be tried in every role, and no default
/// password ships. A data directory that already has accounts gets none.
/// </summary>
public sealed class DemoAccounts(AccountStore store, DemoAccountsConsole console, ILogger<DemoAccounts> logger)
{
    public void CreateWhenThereAreNone()
    {
        if (store.Count() > 0)
            return;
        var passwords = AccountRoles.All.ToDictionary(r => r, _ => GeneratedPassword.New());
        // One slow hash per role: on two cores, two at a time halve the wait at first start.
        Parallel.ForEach(passwords, p => store.Add(p.Key, p.Key, p.Value));
        var writer = console.Writer;
        writer.WriteLine();
        writer.WriteLine("Demo accounts, one per role (the passwords are shown this once and stored hashed;");
        writer.WriteLine("`healthstats users reset USER` sets a new one):");
        foreach (var role in AccountRoles.All)
            writer.WriteLine($"  user {role,-11} password {passwords[role]}");
        writer.WriteLine();
        writer.Flush();
        logger.LogInformation("Demo accounts created for the roles {Roles}; their passwords were printed on the console", string.Join(", ", AccountRoles.All));
    }
}
