using System.Runtime.InteropServices;

namespace HealthStats.Warehouse.Storage;

/// <summary>
/// Sets the process's file-creation mask to 077, so that every file and folder made in the data
/// directory (by .NET, DuckDB, SQLite, ML.NET or Hangfire alike) is its owner's alone: the warehouse,
/// the lake and the logs hold pseudonymised records, which are still personal data. Set once at the
/// start of the dashboard and of the CLI, before anything is written.
/// </summary>
public static class OwnerOnlyUmask
{
    private const uint GroupAndOthers = 0b000_111_111; // 077

    public static void Apply()
    {
        if (OperatingSystem.IsLinux() || OperatingSystem.IsMacOS())
            _ = NativeMethods.umask(GroupAndOthers);
    }

    private static class NativeMethods
    {
        [DllImport("libc", ExactSpelling = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
#pragma warning disable SYSLIB1054 // LibraryImport needs unsafe blocks for nothing gained on a one-int call.
        internal static extern uint umask(uint mask);
#pragma warning restore SYSLIB1054
    }
}
