using Hl7.Fhir.Model;

namespace HealthStats.Etl.Ingest.Fhir;

/// <summary>A bundle's entries, found by the references that point to them (fullUrl or Type/id).</summary>
internal sealed class BundleIndex
{
    private readonly Dictionary<string, Entry> byReference = new(StringComparer.Ordinal);

    public BundleIndex(Bundle bundle)
    {
        for (var i = 0; i < bundle.Entry.Count; i++)
        {
            if (bundle.Entry[i].Resource is not { } resource)
                continue;
            var entry = new Entry(i, resource, bundle.Entry[i].Request?.Method);
            Entries.Add(entry);
            if (bundle.Entry[i].FullUrl is { } fullUrl)
                byReference.TryAdd(fullUrl, entry);
            if (resource.Id is { } id)
                byReference.TryAdd($"{resource.TypeName}/{id}", entry);
        }
    }

    public List<Entry> Entries { get; } = [];

    public Entry? Resolve(ResourceReference reference)
    {
        if (reference.Reference is not { } target)
            return null;
        if (byReference.TryGetValue(target, out var entry))
            return entry;
        // An absolute URL whose last two segments are Type/id, as a server's references are.
        var parts = target.Split('/');
        return parts.Length > 2 && byReference.TryGetValue($"{parts[^2]}/{parts[^1]}", out entry) ? entry : null;
    }

    public sealed record Entry(int Position, Resource Resource, Bundle.HTTPVerb? Method);
}
