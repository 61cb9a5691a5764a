using System.Security.Cryptography;

namespace HealthStats.TestSupport;

/// <summary>
/// Puts a pseudonymisation key into a test's data directory (secrets/hmac.key, owner-only), as a
/// site configures one: outside the demo neither the CLI nor the dashboard makes one up.
/// </summary>
public static class TestHmacKey
{
    public static void WriteInto(string dataDirectory)
    {
        var secrets = System.IO.Path.Combine(dataDirectory, "secrets");
        var file = System.IO.Path.Combine(secrets, "hmac.key");
        if (File.Exists(file))
            return;
        Directory.CreateDirectory(dataDirectory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        Directory.CreateDirectory(secrets, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite };
        try
        {
            using var writer = new StreamWriter(file, options);
            writer.Write(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        }
        catch (IOException) when (File.Exists(file))
        {
            // Written by a parallel step of the same test: theirs will do.
        }
    }
}
