namespace HealthStats.Cli;

internal interface ICommand
{
    /// <summary>The words that select the command, e.g. "reference import-classification".</summary>
    string Name { get; }

    string Summary { get; }

    string Usage { get; }

    IReadOnlyCollection<string> ValueOptions { get; }

    IReadOnlyCollection<string> Flags { get; }

    Task<int> RunAsync(CliContext context, CancellationToken cancellationToken);
}
