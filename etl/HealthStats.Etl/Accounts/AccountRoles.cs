namespace HealthStats.Etl.Accounts;

/// <summary>
/// The four roles an account can hold. One role per account: a person who needs two roles' pages
/// gets the wider role, so that what a role may see stays one list per page.
/// </summary>
public static class AccountRoles
{
    public const string Analyst = "analyst";
    public const string Supervisor = "supervisor";
    public const string Ministry = "ministry";
    public const string Admin = "admin";

    public static readonly IReadOnlyList<string> All = [Analyst, Supervisor, Ministry, Admin];

    public static bool IsKnown(string role) => All.Contains(role, StringComparer.Ordinal);

    /// <summary>The role as stored, or an ArgumentException naming the valid ones.</summary>
    public static string Parse(string role)
    {
        var normalized = role.Trim().ToLowerInvariant();
        return IsKnown(normalized) ? normalized
            : throw new ArgumentException($"unknown role '{role}': use one of {string.Join(", ", All)}");
    }
}
