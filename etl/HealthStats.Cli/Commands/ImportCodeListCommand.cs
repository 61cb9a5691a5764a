using HealthStats.Warehouse.Build;
using HealthStats.Warehouse.Reference;

namespace HealthStats.Cli.Commands;

internal sealed class ImportCodeListCommand : ICommand
{
    public string Name => "reference import-code-list";

    public string Summary => "Adds or replaces a site's codes in the code lists that validation reads (dispositions, admit categories...).";

    public string Usage =>
        "usage: healthstats reference import-code-list FILE [--list NAME]\n" +
        "  FILE         a CSV of list,code,title (or code,title with --list); a code already in its list\n" +
        "               gets the new title, other codes are added, codes not in the file stay;\n" +
        "               codes are stored upper case, as validation compares them\n" +
        "  --list NAME  the list every code of the file belongs to: " + string.Join(", ", CodeLists.Known);

    public IReadOnlyCollection<string> ValueOptions => ["list"];

    public IReadOnlyCollection<string> Flags => [];

    public Task<int> RunAsync(CliContext context, CancellationToken cancellationToken)
    {
        var file = context.Line.SingleFile();
        var list = context.Line.Value("list")?.Trim().ToLowerInvariant();
        if (list is not null && !CodeLists.Known.Contains(list))
            throw new UsageException($"--list must be one of {string.Join(", ", CodeLists.Known)}, not '{list}'");

        var entries = CodeListFile.Read(file, list);
        var database = context.Warehouse();
        WarehouseSetup.Initialize(database);
        var (added, replaced) = new CodeListStore(database).Import(entries);
        foreach (var group in entries.GroupBy(e => e.List))
            context.Out.WriteLine($"{group.Key}: {string.Join(", ", group.Select(e => e.Code))}");
        context.Out.WriteLine($"imported {entries.Count:N0} codes: {added:N0} added, {replaced:N0} replaced (their titles)");
        return Task.FromResult(0);
    }
}
