namespace HealthStats.Dashboard.Accounts;

/// <summary>
/// Where the demo accounts' passwords are written: the process's console, never a logger, so that
/// they reach the person who started the dashboard and no log file. Tests read it from a writer.
/// </summary>
public sealed record DemoAccountsConsole(TextWriter Writer);
