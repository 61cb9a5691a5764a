using System.Security.Cryptography;
using HealthStats.Warehouse.Storage;

namespace HealthStats.Etl.Deidentification;

/// <summary>
/// Finds the pseudonymisation key: a configured base64 key, a configured key file, or the data
/// directory's own key file, which is created with 32 random bytes (owner-only) where none exists.
/// The key never appears in a log or an exception message.
/// </summary>
public static class HmacKeyStore
{
    public static byte[] Load(DataDirectory dataDirectory, string? configuredKey = null, string? configuredKeyFile = null)
    {
        if (!string.IsNullOrWhiteSpace(configuredKey))
            return Decode(configuredKey, "the configured key (HealthStats:HmacKey)");
        if (!string.IsNullOrWhiteSpace(configuredKeyFile))
        {
            if (!File.Exists(configuredKeyFile))
                throw new FileNotFoundException($"The configured HMAC key file {configuredKeyFile} does not exist.");
            return Decode(File.ReadAllText(configuredKeyFile), "the key file " + configuredKeyFile);
        }
        var path = dataDirectory.HmacKeyFile;
        if (!File.Exists(path))
        {
            OwnerOnly.CreateDirectory(dataDirectory.SecretsDirectory);
            try
            {
                using var stream = OwnerOnly.CreateFile(path);
                using var writer = new StreamWriter(stream);
                writer.Write(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
            }
            catch (IOException) when (File.Exists(path))
            {
                // Another process created it first: use theirs.
            }
        }
        return Decode(File.ReadAllText(path), "the key file " + path);
    }

    private static byte[] Decode(string text, string source)
    {
        try
        {
            var key = Convert.FromBase64String(text.Trim());
            if (key.Length < 32)
                throw new InvalidOperationException($"The HMAC key in {source} is shorter than 32 bytes.");
            return key;
        }
        catch (FormatException)
        {
            throw new InvalidOperationException($"The HMAC key in {source} is not base64 text.");
        }
    }
}
