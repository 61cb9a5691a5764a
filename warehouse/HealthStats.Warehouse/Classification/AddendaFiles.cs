using System.Text;

namespace HealthStats.Warehouse.Classification;

/// <summary>
/// Reads CMS addenda files (formats.md section 6), which list what changed between two fiscal years. Each change line
/// starts with a 13-character tag (<c>Add:</c>, <c>Delete:</c>, <c>Revise from:</c>, <c>Revise to:</c>) followed by one
/// of three layouts, told apart per file:
/// <list type="bullet">
/// <item>the ICD-10-CM order addenda: billable flag, code, short title (60 characters) and long title, as the order file;</item>
/// <item>the ICD-10-PCS order addenda: code, short title and long title, with no billable flag (7-character codes are
/// codes, shorter ones headers, as in the PCS order file);</item>
/// <item>the ICD-10-CM codes addenda: code and long title; the codes file lists billable codes only.</item>
/// </list>
/// The count summary CMS appends (<c>Codes</c>, <c>Headers</c>, <c>of which</c>, <c>487 additions</c>...) is skipped;
/// any other line is an error naming file, line and field.
/// </summary>
public static class AddendaFiles
{
    private const int TagLength = 13;                  // "Revise from: " and the others padded to it
    private const int CodeLength = 7;
    private const int FlaggedCodeStart = TagLength + 2; // after the flag and a space
    private const int FlaggedLongTitleStart = FlaggedCodeStart + CodeLength + 1 + 60 + 1;
    private const int CodeTitleStart = TagLength + CodeLength + 1;
    private const int UnflaggedLongTitleStart = CodeTitleStart + 60 + 1;
    private const int PcsCodeLength = 7;

    private static readonly (string Tag, AddendumChange Change)[] Tags =
    [
        ("Add:", AddendumChange.Add), ("Delete:", AddendumChange.Delete),
        ("Revise from:", AddendumChange.ReviseFrom), ("Revise to:", AddendumChange.ReviseTo),
    ];

    private enum Layout
    {
        FlaggedOrder,
        UnflaggedOrder,
        Codes,
    }

    /// <summary>Reads an addenda file whole (they are small), checking that every Revise to follows its Revise from.</summary>
    public static IReadOnlyList<AddendumEntry> Read(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!File.Exists(path))
            throw new FileNotFoundException($"Addenda file {path} does not exist.", path);
        using var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return Read(reader, path);
    }

    /// <summary>Reads addenda lines from a reader the caller owns; <paramref name="sourceName"/> names it in errors.</summary>
    public static IReadOnlyList<AddendumEntry> Read(TextReader reader, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(sourceName);
        var lines = new List<(int Number, AddendumChange Change, string Text)>();
        var lineNumber = 0;
        var inSummary = false;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (lineNumber == 1 && line.Length > 0 && line[0] == '\uFEFF')
                line = line[1..];
            line = line.TrimEnd();
            if (line.Trim() is "Codes" or "Headers")
                inSummary = true;
            if (line.Length == 0 || (inSummary && IsSummary(line)))
                continue;
            var change = ChangeOf(line, sourceName, lineNumber);
            lines.Add((lineNumber, change, line));
        }
        if (lines.Count == 0)
            throw new ClassificationFileException(sourceName, Math.Max(lineNumber, 1), null,
                "the file holds no Add:, Delete:, Revise from: or Revise to: lines; is it a CMS addenda file?");

        var layout = LayoutOf(lines.Select(l => l.Text));
        var entries = new List<AddendumEntry>(lines.Count);
        foreach (var (number, change, text) in lines)
        {
            var entry = Parse(text, number, change, layout, sourceName);
            if (change == AddendumChange.ReviseTo)
            {
                var previous = entries.Count > 0 ? entries[^1] : null;
                if (previous is not { Change: AddendumChange.ReviseFrom } || previous.Code != entry.Code)
                    throw new ClassificationFileException(sourceName, number, "change",
                        $"'Revise to:' for {entry.Code} does not follow a 'Revise from:' line for the same code");
            }
            else if (entries.Count > 0 && entries[^1].Change == AddendumChange.ReviseFrom)
            {
                throw new ClassificationFileException(sourceName, entries[^1].Line, "change",
                    $"'Revise from:' for {entries[^1].Code} is not followed by its 'Revise to:' line");
            }
            entries.Add(entry);
        }
        if (entries[^1].Change == AddendumChange.ReviseFrom)
            throw new ClassificationFileException(sourceName, entries[^1].Line, "change",
                $"'Revise from:' for {entries[^1].Code} is not followed by its 'Revise to:' line");
        return entries;
    }

    // The counts CMS appends after a "Codes" or "Headers" line: "of which", "  74260 codes in icd10cm_order_2025.txt", "487 additions".
    private static bool IsSummary(string line)
    {
        var text = line.Trim();
        return text is "Codes" or "Headers" or "of which" || (text.Length > 0 && char.IsAsciiDigit(text[0]) && text.Contains(' ', StringComparison.Ordinal)
            && text.AsSpan(0, text.IndexOf(' ', StringComparison.Ordinal)).ContainsAnyExceptInRange('0', '9') is false);
    }

    private static AddendumChange ChangeOf(string line, string file, int lineNumber)
    {
        foreach (var (tag, change) in Tags)
        {
            if (line.StartsWith(tag, StringComparison.Ordinal) && line.Length > TagLength && line.AsSpan(tag.Length, TagLength - tag.Length).IsWhiteSpace())
                return change;
        }
        var word = line.Split(' ', 2)[0];
        throw new ClassificationFileException(file, lineNumber, "change",
            $"unknown addenda line starting '{word}': expected 'Add:', 'Delete:', 'Revise from:' or 'Revise to:' padded to 13 characters, then the code");
    }

    private static Layout LayoutOf(IEnumerable<string> lines)
    {
        var texts = lines.ToList();
        if (texts[0].Length > FlaggedCodeStart && texts[0][TagLength] is '0' or '1' && texts[0][TagLength + 1] == ' ')
            return Layout.FlaggedOrder;
        // Without a flag, the order layout pads the short title to 60 characters before the long one; the codes
        // layout has one title, so some of its lines end before the long-title column.
        return texts.All(t => t.Length > UnflaggedLongTitleStart && t[UnflaggedLongTitleStart - 1] == ' ' && t[UnflaggedLongTitleStart] != ' ')
            ? Layout.UnflaggedOrder
            : Layout.Codes;
    }

    private static AddendumEntry Parse(string line, int number, AddendumChange change, Layout layout, string file)
    {
        var flagged = layout == Layout.FlaggedOrder;
        bool? billable = null;
        if (flagged)
        {
            billable = line[TagLength] switch
            {
                '1' => true,
                '0' => false,
                var other => throw new ClassificationFileException(file, number, "billable",
                    $"expected 1 (billable code) or 0 (header) in column {TagLength + 1}, as on the file's other lines, found '{other}'"),
            };
            if (line.Length <= FlaggedCodeStart || line[TagLength + 1] != ' ')
                throw new ClassificationFileException(file, number, "billable", $"column {TagLength + 2} must be a space after the billable flag");
        }

        var codeStart = flagged ? FlaggedCodeStart : TagLength;
        var rawCode = line.AsSpan(codeStart, Math.Min(CodeLength, line.Length - codeStart)).Trim();
        if (rawCode.IsEmpty)
            throw new ClassificationFileException(file, number, "code", $"columns {codeStart + 1}-{codeStart + CodeLength} are empty");
        if (line.Length > codeStart + CodeLength && line[codeStart + CodeLength] != ' ')
            throw new ClassificationFileException(file, number, "code",
                $"the code '{line.Substring(codeStart, CodeLength + 1)}' runs into column {codeStart + CodeLength + 1}, which must be a space");
        var code = ClassificationFiles.NormaliseCode(rawCode.ToString());
        ClassificationFiles.RequireCodeCharacters(code, file, number);

        var titleStart = codeStart + CodeLength + 1;
        ReadOnlySpan<char> title = line.Length > titleStart ? line.AsSpan(titleStart) : [];
        if (layout != Layout.Codes)
        {
            // The long title is the one to keep, as the order file reader does.
            var longStart = flagged ? FlaggedLongTitleStart : UnflaggedLongTitleStart;
            if (line.Length > longStart)
                title = line.AsSpan(longStart);
        }
        title = title.Trim();
        if (title.IsEmpty)
            throw new ClassificationFileException(file, number, "title", $"the title of {code} is empty");

        return new AddendumEntry(number, change, code, billable ?? (layout == Layout.Codes || code.Length == PcsCodeLength), title.ToString());
    }
}
