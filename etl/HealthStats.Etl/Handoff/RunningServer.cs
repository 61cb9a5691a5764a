using System.Text.Json;
using System.Text.Json.Serialization;
using HealthStats.Warehouse.Storage;

namespace HealthStats.Etl.Handoff;

/// <summary>
/// The note a running dashboard leaves in its data directory (server.json, owner-only): where it
/// listens and the token that lets a local CLI hand it work. DuckDB lets one process write the
/// warehouse, and while the dashboard runs that process is the dashboard.
/// </summary>
public sealed record RunningServer(
    [property: JsonPropertyName("url")] string Url,
    [property: JsonPropertyName("token")] string Token,
    [property: JsonPropertyName("pid")] int ProcessId)
{
    public const string TokenHeader = "X-HealthStats-Token";

    public void Write(DataDirectory data) => OwnerOnly.WriteAllText(data.ServerFile, JsonSerializer.Serialize(this));

    public static void Remove(DataDirectory data, int processId)
    {
        if (Read(data) is { } server && server.ProcessId == processId)
            File.Delete(data.ServerFile);
    }

    /// <summary>The server noted in the data directory, if its process is still alive.</summary>
    public static RunningServer? Find(DataDirectory data)
    {
        var server = Read(data);
        if (server is null)
            return null;
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(server.ProcessId);
            return process.HasExited ? null : server;
        }
        catch (ArgumentException)
        {
            return null; // the process is gone: a note left by a crash
        }
    }

    private static RunningServer? Read(DataDirectory data)
    {
        try
        {
            return File.Exists(data.ServerFile) ? JsonSerializer.Deserialize<RunningServer>(File.ReadAllText(data.ServerFile)) : null;
        }
        catch (Exception ex) when (ex is JsonException or IOException)
        {
            return null;
        }
    }
}
