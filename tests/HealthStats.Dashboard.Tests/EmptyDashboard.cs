using HealthStats.TestSupport;

namespace HealthStats.Dashboard.Tests;

/// <summary>
/// A dashboard without the demo (no data, no demo accounts), for tests about sign-in and roles:
/// it starts in a second, and the only accounts are the tests' own.
/// </summary>
public sealed class EmptyDashboard : IDisposable
{
    public EmptyDashboard() => Server = new DashboardServer(new TempDirectory("dashboard-empty"), ownsData: true, demo: false);

    public DashboardServer Server { get; }

    public void Dispose() => Server.Dispose();
}
