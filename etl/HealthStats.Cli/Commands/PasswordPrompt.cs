using System.Text;

namespace HealthStats.Cli.Commands;

/// <summary>
/// --prompt: asks for a password on the terminal, twice, without echoing it. The prompts go to
/// standard error, so that standard output stays what the command reports.
/// </summary>
internal static class PasswordPrompt
{
    public const string Flag = "prompt";

    /// <summary>The password from --password-file or --prompt (not both), or null when neither was given.</summary>
    public static string? FromOptions(CliContext context)
    {
        var prompt = context.Line.Flag(Flag);
        if (prompt && context.Line.Value(PasswordFileOption.Name) is not null)
            throw new UsageException($"give --{PasswordFileOption.Name} or --{Flag}, not both");
        return prompt ? Read(context.Error) : PasswordFileOption.Read(context.Line);
    }

    private static string Read(TextWriter prompts)
    {
        if (Console.IsInputRedirected)
            throw new UsageException($"--{Flag} needs a terminal; to pipe a password use --{PasswordFileOption.Name} /dev/stdin");
        var first = ReadHidden(prompts, "password: ");
        var second = ReadHidden(prompts, "the same again: ");
        return first == second ? first : throw new UsageException("the two passwords differ");
    }

    private static string ReadHidden(TextWriter prompts, string label)
    {
        prompts.Write(label);
        prompts.Flush();
        var password = new StringBuilder();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter)
                break;
            if (key.Key == ConsoleKey.Backspace)
            {
                if (password.Length > 0)
                    password.Length--;
            }
            else if (!char.IsControl(key.KeyChar))
            {
                password.Append(key.KeyChar);
            }
        }
        prompts.WriteLine();
        return password.ToString();
    }
}
