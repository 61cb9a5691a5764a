using System.Text.Json;
using HealthStats.Etl.Accounts;
using HealthStats.TestSupport;
using HealthStats.Warehouse.Storage;

namespace HealthStats.Cli.Tests;

/// <summary>`healthstats users` on a real accounts file in a temporary data directory.</summary>
public sealed class UsersCommandsTests : IDisposable
{
    private static readonly LockoutPolicy Policy = new(3, TimeSpan.FromMinutes(15));

    private readonly TempDirectory temp = new("users-cli");

    public void Dispose() => temp.Dispose();

    private string Data => temp.Combine("data");

    private AccountStore Store => AccountStore.Open(new DataDirectory(Data));

    private Task<CliRun> Run(params string[] args) => CliRun.RunAsync([.. args, "--data", Data]);

    [Fact]
    public async Task UsersAdd_PrintsAGeneratedPasswordOnce_ThatSignsIn_AndStoresOnlyItsHash()
    {
        var run = await Run("users", "add", "Alice", "--role", "Analyst");

        Assert.Equal(0, run.ExitCode);
        var password = run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Last().Trim();
        Assert.Equal(20, password.Length);
        var outcome = Store.SignIn("alice", password, Policy);
        Assert.Equal(SignInStatus.Succeeded, outcome.Status);
        Assert.Equal(AccountRoles.Analyst, outcome.Role);
        var file = new DataDirectory(Data).AccountsFile;
        Assert.DoesNotContain(password, File.ReadAllText(file), StringComparison.Ordinal);
        Assert.Contains("pbkdf2-sha512$210000$", File.ReadAllText(file), StringComparison.Ordinal);
        if (!OperatingSystem.IsWindows())
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
    }

    [Fact]
    public async Task UsersAdd_TakesThePasswordFromAFile_AndRefusesAShortOne()
    {
        var good = temp.Combine("good.txt");
        await File.WriteAllTextAsync(good, "correct horse battery staple\n");
        var shortFile = temp.Combine("short.txt");
        await File.WriteAllTextAsync(shortFile, "hunter2\n");

        var added = await Run("users", "add", "bob", "--role", "supervisor", "--password-file", good);
        var refused = await Run("users", "add", "carol", "--role", "analyst", "--password-file", shortFile);

        Assert.Equal(0, added.ExitCode);
        Assert.DoesNotContain("correct horse", added.Out, StringComparison.Ordinal);
        Assert.Equal(SignInStatus.Succeeded, Store.SignIn("bob", "correct horse battery staple", Policy).Status);
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("at least 12 characters", refused.Error, StringComparison.Ordinal);
        Assert.Null(Store.Find("carol"));
    }

    [Fact]
    public async Task UsersAdd_Refuses_AnUnknownRoleOrATakenName()
    {
        Assert.Equal(0, (await Run("users", "add", "dave", "--role", "admin")).ExitCode);

        var taken = await Run("users", "add", "DAVE", "--role", "analyst");
        var unknownRole = await Run("users", "add", "erin", "--role", "root");

        Assert.Equal(1, taken.ExitCode);
        Assert.Contains("already exists", taken.Error, StringComparison.Ordinal);
        Assert.Equal(1, unknownRole.ExitCode);
        Assert.Contains("use one of analyst, supervisor, ministry, admin", unknownRole.Error, StringComparison.Ordinal);
        Assert.Equal(["dave admin"], Store.List().Select(a => $"{a.UserName} {a.Role}"));
    }

    [Fact]
    public async Task UsersReset_UnlocksAndEndsSessions_AndUnlockKeepsThePassword()
    {
        Store.Add("frank", AccountRoles.Ministry, "first password 123");
        var stampBefore = Store.Session("frank")!.Value.SecurityStamp;
        for (var i = 0; i < Policy.MaxFailedSignIns; i++)
            Store.SignIn("frank", "wrong password!", Policy);
        Assert.Equal(SignInStatus.LockedOut, Store.SignIn("frank", "first password 123", Policy).Status);
        var listed = await Run("users", "list", "--json");
        using (var json = JsonDocument.Parse(listed.Out))
            Assert.NotEqual(JsonValueKind.Null, json.RootElement[0].GetProperty("locked_until").ValueKind);

        Assert.Equal(0, (await Run("users", "unlock", "frank")).ExitCode);
        Assert.Equal(SignInStatus.Succeeded, Store.SignIn("frank", "first password 123", Policy).Status);
        Assert.Equal(stampBefore, Store.Session("frank")!.Value.SecurityStamp);

        var reset = await Run("users", "reset", "frank");
        Assert.Equal(0, reset.ExitCode);
        var newPassword = reset.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Last().Trim();
        Assert.Equal(SignInStatus.WrongCredentials, Store.SignIn("frank", "first password 123", Policy).Status);
        Assert.Equal(SignInStatus.Succeeded, Store.SignIn("frank", newPassword, Policy).Status);
        Assert.NotEqual(stampBefore, Store.Session("frank")!.Value.SecurityStamp);
    }

    [Fact]
    public async Task UsersAdd_RefusesBothAPasswordFileAndAPrompt()
    {
        var file = temp.Combine("pw.txt");
        await File.WriteAllTextAsync(file, "a long enough password\n");

        var run = await Run("users", "add", "ivan", "--role", "analyst", "--password-file", file, "--prompt");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("give --password-file or --prompt, not both", run.Error, StringComparison.Ordinal);
        Assert.Null(Store.Find("ivan"));
    }

    [Fact]
    public async Task UsersRemove_RemovesTheAccount_AndFailsForAnUnknownOne()
    {
        Store.Add("gina", AccountRoles.Analyst, "gina's long password");

        var removed = await Run("users", "remove", "gina");
        var again = await Run("users", "remove", "gina");

        Assert.Equal(0, removed.ExitCode);
        Assert.Null(Store.Find("gina"));
        Assert.Equal(1, again.ExitCode);
        Assert.Contains("no account named 'gina'", again.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void SignIn_LocksAfterTheLimit_ThenRefusesEvenTheRightPassword_UntilTheLockEnds()
    {
        Store.Add("hank", AccountRoles.Analyst, "hank's long password");
        var shortLock = new LockoutPolicy(2, TimeSpan.FromSeconds(1));

        Assert.Equal(SignInStatus.WrongCredentials, Store.SignIn("hank", "nope nope nope", shortLock).Status);
        var second = Store.SignIn("hank", "nope nope nope", shortLock);
        Assert.Equal(SignInStatus.LockedOut, second.Status);
        Assert.Equal(SignInStatus.LockedOut, Store.SignIn("hank", "hank's long password", shortLock).Status);
        Thread.Sleep(second.LockedUntil!.Value - DateTimeOffset.UtcNow + TimeSpan.FromMilliseconds(50));
        Assert.Equal(SignInStatus.Succeeded, Store.SignIn("hank", "hank's long password", shortLock).Status);
        Assert.Equal(SignInStatus.WrongCredentials, Store.SignIn("nobody", "hank's long password", shortLock).Status);
    }
}
