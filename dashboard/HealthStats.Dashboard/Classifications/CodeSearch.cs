using HealthStats.Warehouse.Classification;

namespace HealthStats.Dashboard.Classifications;

/// <summary>
/// What a person typed in the classification browser's search box, read two ways at once: as the start of a
/// code (dots, spaces and case do not matter: E11, e11.9 and E119 all find E11.9) and as words that must all
/// begin a word of the title, in any order. A code matches when either reading does, so that no one has to say
/// which they meant.
/// </summary>
public sealed record CodeSearch(string? CodePrefix, IReadOnlyList<string> Words)
{
    /// <summary>More words than this add nothing a person would notice, and each costs a pass over the titles.</summary>
    public const int MaxWords = 8;

    public bool IsEmpty => CodePrefix is null && Words.Count == 0;

    public static CodeSearch Parse(string? text)
    {
        var trimmed = (text ?? "").Trim();
        // A code has no spaces inside; "E11 9" would be a typo for E11.9, "type 2 diabetes" never a code.
        string? prefix = null;
        if (trimmed.Length > 0 && !trimmed.Any(char.IsWhiteSpace) && trimmed.All(c => char.IsAsciiLetterOrDigit(c) || c == '.'))
        {
            var normalised = ClassificationFiles.NormaliseCode(trimmed);
            prefix = normalised.Length > 0 ? normalised : null;
        }
        // Words are letters and digits only, as a title's punctuation ("Pneumonia, unspecified") separates its words.
        var words = WordsOf(trimmed)
            .Select(w => w.ToLowerInvariant())
            .Distinct(StringComparer.Ordinal)
            .Take(MaxWords)
            .ToList();
        return new CodeSearch(prefix, words);
    }

    private static IEnumerable<string> WordsOf(string text)
    {
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var inWord = i < text.Length && char.IsLetterOrDigit(text[i]);
            if (inWord && start < 0)
                start = i;
            else if (!inWord && start >= 0)
            {
                yield return text[start..i];
                start = -1;
            }
        }
    }
}
