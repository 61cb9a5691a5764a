using System.Security.Cryptography;
using HealthStats.Warehouse.Storage;

namespace HealthStats.Etl.Deidentification;

/// <summary>
/// Finds the pseudonymisation key: a configured base64 key, a configured key file, or the data
/// directory's own key file (secrets/hmac.key). Only the demo (and throwaway benchmark and test
/// directories) may have one made at random: a real site's pseudonyms must survive a lost data
/// directory, so its key is configured and kept elsewhere. The key never appears in a log or an
/// exception message.
/// </summary>
public static class HmacKeyStore
{
    /// <summary>Said wherever a key is missing, so that the fix is in the message.</summary>
    public const string HowToConfigure =
        "Configure the pseudonymisation key (32 random bytes, base64): HealthStats:HmacKey " +
        "(environment HealthStats__HmacKey), or HealthStats:HmacKeyFile (environment HealthStats__HmacKeyFile) " +
        "naming a file that holds it, or put it in the data directory's secrets/hmac.key (owner-only). " +
        "Make one with: head -c 32 /dev/urandom | base64";

    /// <summary>The configured key, else the data directory's existing key file; never makes one.</summary>
    public static byte[] Load(DataDirectory dataDirectory, string? configuredKey = null, string? configuredKeyFile = null)
    {
        if (Configured(configuredKey, configuredKeyFile) is { } key)
            return key;
        if (!File.Exists(dataDirectory.HmacKeyFile))
            throw new HmacKeyMissingException(
                $"No pseudonymisation key is configured and {dataDirectory.HmacKeyFile} does not exist. {HowToConfigure}");
        return Decode(File.ReadAllText(dataDirectory.HmacKeyFile), "the key file " + dataDirectory.HmacKeyFile);
    }

    /// <summary>As Load, but makes the data directory's key file (32 random bytes, owner-only) where none exists: the demo's way.</summary>
    public static byte[] LoadOrCreate(DataDirectory dataDirectory, string? configuredKey = null, string? configuredKeyFile = null)
    {
        if (Configured(configuredKey, configuredKeyFile) is { } key)
            return key;
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

    private static byte[]? Configured(string? configuredKey, string? configuredKeyFile)
    {
        if (!string.IsNullOrWhiteSpace(configuredKey))
            return Decode(configuredKey, "the configured key (HealthStats:HmacKey)");
        if (string.IsNullOrWhiteSpace(configuredKeyFile))
            return null;
        if (!File.Exists(configuredKeyFile))
            throw new HmacKeyMissingException($"The configured HMAC key file {configuredKeyFile} does not exist. {HowToConfigure}");
        return Decode(File.ReadAllText(configuredKeyFile), "the key file " + configuredKeyFile);
    }

    // The messages name where the key came from, never the text: a mistyped key is still most of a key.
    private static byte[] Decode(string text, string source)
    {
        byte[] key;
        try
        {
            key = Convert.FromBase64String(text.Trim());
        }
        catch (FormatException)
        {
            throw new HmacKeyMissingException($"The HMAC key in {source} is not base64 text. {HowToConfigure}");
        }
        if (key.Length < 32)
            throw new HmacKeyMissingException($"The HMAC key in {source} is shorter than 32 bytes. {HowToConfigure}");
        return key;
    }
}
