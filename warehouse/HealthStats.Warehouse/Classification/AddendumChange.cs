namespace HealthStats.Warehouse.Classification;

/// <summary>What one line of a CMS addenda file says about a code.</summary>
public enum AddendumChange
{
    /// <summary><c>Add:</c> the code exists from the new version on.</summary>
    Add,

    /// <summary><c>Delete:</c> the code existed, as given, until the new version.</summary>
    Delete,

    /// <summary><c>Revise from:</c> the code's title (or flag) until the new version.</summary>
    ReviseFrom,

    /// <summary><c>Revise to:</c> the code's title from the new version on; follows its <c>Revise from:</c> line.</summary>
    ReviseTo,
}
