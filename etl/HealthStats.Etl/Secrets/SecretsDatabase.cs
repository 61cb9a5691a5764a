using HealthStats.Warehouse.Storage;
using SQLite;

namespace HealthStats.Etl.Secrets;

/// <summary>
/// The SQLite files under secrets/ (accounts, API tokens, the audit log): owner-only, and written by the
/// dashboard and a CLI command at the same moment, so each caller opens its own connection that waits
/// for the other's write instead of failing.
/// </summary>
public static class SecretsDatabase
{
    /// <summary>Creates the file owner-only when it does not exist yet, before SQLite opens it (SQLite gives its journal the same mode).</summary>
    public static void EnsureOwnerOnly(string path)
    {
        if (File.Exists(path))
            return;
        try
        {
            using var _ = OwnerOnly.CreateFile(path);
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another process created it first.
        }
    }

    public static SQLiteConnection Open(string path) =>
        new(path, SQLiteOpenFlags.ReadWrite | SQLiteOpenFlags.Create | SQLiteOpenFlags.FullMutex, storeDateTimeAsTicks: true)
        {
            BusyTimeout = TimeSpan.FromSeconds(10),
        };
}
