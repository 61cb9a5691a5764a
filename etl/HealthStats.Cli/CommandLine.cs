using System.Globalization;

namespace HealthStats.Cli;

/// <summary>
/// A command's arguments: positional values and --name value options. Small on purpose: every
/// command declares the options it knows, and anything else is an error naming the option.
/// </summary>
internal sealed class CommandLine
{
    private readonly Dictionary<string, string?> options = new(StringComparer.Ordinal);

    // Every value of each option, for the options a command lets repeat (stats --where).
    private readonly Dictionary<string, List<string>> repeated = new(StringComparer.Ordinal);

    private CommandLine(List<string> positional) => Positional = positional;

    public List<string> Positional { get; }

    public bool Help => options.ContainsKey("help");

    /// <summary>Parses args against the option names the command takes; flags are options without a value.</summary>
    public static CommandLine Parse(IEnumerable<string> args, IReadOnlyCollection<string> valueOptions, IReadOnlyCollection<string> flags)
    {
        var line = new CommandLine([]);
        using var e = args.GetEnumerator();
        while (e.MoveNext())
        {
            var arg = e.Current;
            if (arg is "-h" or "--help")
            {
                line.options["help"] = null;
                continue;
            }
            if (!arg.StartsWith("--", StringComparison.Ordinal) || arg == "--")
            {
                line.Positional.Add(arg);
                continue;
            }
            var name = arg[2..];
            string? inline = null;
            var eq = name.IndexOf('=', StringComparison.Ordinal);
            if (eq > 0)
            {
                inline = name[(eq + 1)..];
                name = name[..eq];
            }
            if (flags.Contains(name))
            {
                line.options[name] = "true";
            }
            else if (valueOptions.Contains(name))
            {
                if (inline is null && !e.MoveNext())
                    throw new UsageException($"option --{name} needs a value");
                var value = inline ?? e.Current;
                line.options[name] = value;
                if (!line.repeated.TryGetValue(name, out var values))
                    line.repeated[name] = values = [];
                values.Add(value);
            }
            else
            {
                throw new UsageException($"unknown option --{name}");
            }
        }
        return line;
    }

    public bool Flag(string name) => options.ContainsKey(name);

    public string? Value(string name) => options.TryGetValue(name, out var v) ? v : null;

    /// <summary>Every value given to an option that may repeat, in order (Value gives the last).</summary>
    public IReadOnlyList<string> Values(string name) => repeated.TryGetValue(name, out var values) ? values : [];

    /// <summary>The one positional FILE an import command takes.</summary>
    public string SingleFile() =>
        Positional.Count == 1 ? Positional[0] : throw new UsageException("give exactly one FILE");

    public string Required(string name) => Value(name) ?? throw new UsageException($"option --{name} is required");

    public int Int(string name, int? fallback = null)
    {
        var text = Value(name);
        if (text is null)
            return fallback ?? throw new UsageException($"option --{name} is required");
        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n)
            ? n
            : throw new UsageException($"option --{name}: '{text}' is not a whole number");
    }

    public double Double(string name, double fallback)
    {
        var text = Value(name);
        if (text is null)
            return fallback;
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d)
            ? d
            : throw new UsageException($"option --{name}: '{text}' is not a number");
    }

    public DateOnly? Date(string name)
    {
        var text = Value(name);
        if (text is null)
            return null;
        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d
            : throw new UsageException($"option --{name}: '{text}' is not a date in yyyy-MM-dd form");
    }
}

/// <summary>The command line is wrong: printed with the command's usage, exit code 2.</summary>
internal sealed class UsageException(string message) : Exception(message);
