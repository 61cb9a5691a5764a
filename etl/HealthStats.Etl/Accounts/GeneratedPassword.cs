using System.Security.Cryptography;

namespace HealthStats.Etl.Accounts;

/// <summary>Random passwords for new and reset accounts: 20 characters, about 115 bits.</summary>
public static class GeneratedPassword
{
    // No 0/O, 1/l/I: the password is read off a terminal and typed again by a person.
    private const string Alphabet = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    public static string New() => RandomNumberGenerator.GetString(Alphabet, 20);
}
