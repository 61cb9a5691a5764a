using System.IO.Compression;
using System.Text;

namespace HealthStats.Etl.Fuzzing;

/// <summary>
/// Turns a valid file into a broken one, a few random edits at a time: bit and byte flips, chunks
/// inserted, deleted or duplicated, lines dropped or doubled, truncation, splices from another seed,
/// and the tokens that break readers (quotes, separators, line ends, NUL, braces, huge numbers, long
/// strings, invalid UTF-8, byte order marks, lone surrogate escapes). Sometimes the result is gzipped,
/// and sometimes the gzip itself is then damaged.
/// </summary>
internal sealed class Mutator(Random random, IReadOnlyList<byte[]> seeds)
{
    private static readonly byte[][] Tokens =
    [
        .. new[]
        {
            "\"", "\"\"", ",", ",,,,", "\n", "\r\n", "\r", "{", "}", "[", "]", ":", "{}", "[]", "null", "true", "\"\":",
            "99999999999999999999999999", "-1", "1e999", "-0", "2023-02-30", "0001-01-01", "9999-12-31",
            "=cmd|' /C calc'!A0", "\\u0000", "\\ud800", "\\udc00\\ud800", "\\", "\"resourceType\":\"Bundle\"",
            "\"resourceType\":\"Encounter\"", "\"reference\":\"Condition/nowhere\"", "\"entry\":[", "\t", " ",
        }.Select(Encoding.UTF8.GetBytes),
        [0], [0xFF], [0xC3], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xEF, 0xBB, 0xBF], [0xFF, 0xFE], [0xFE, 0xFF],
        Encoding.UTF8.GetBytes(new string('A', 70_000)),
        Encoding.UTF8.GetBytes(new string('[', 2_000)),
        Encoding.UTF8.GetBytes(new string('"', 1_000)),
    ];

    public byte[] Mutate(byte[] seed)
    {
        var bytes = new List<byte>(seed);
        var edits = 1 + random.Next(4);
        for (var i = 0; i < edits; i++)
            Edit(bytes);
        var result = bytes.ToArray();
        return random.Next(10) switch
        {
            0 => Gzip(result),
            1 => Damage(Gzip(result)),
            _ => result,
        };
    }

    private void Edit(List<byte> bytes)
    {
        var at = bytes.Count == 0 ? 0 : random.Next(bytes.Count);
        switch (random.Next(11))
        {
            case 0 when bytes.Count > 0:
                bytes[at] ^= (byte)(1 << random.Next(8));
                break;
            case 1 when bytes.Count > 0:
                bytes[at] = (byte)random.Next(256);
                break;
            case 2:
                bytes.RemoveRange(at, Math.Min(bytes.Count - at, 1 + random.Next(64)));
                break;
            case 3:
                bytes.InsertRange(at, Enumerable.Range(0, 1 + random.Next(16)).Select(_ => (byte)random.Next(256)));
                break;
            case 4:
                var length = Math.Min(bytes.Count - at, 1 + random.Next(256));
                bytes.InsertRange(random.Next(bytes.Count + 1), bytes.GetRange(at, length));
                break;
            case 5:
                bytes.RemoveRange(at, bytes.Count - at);
                break;
            case 6:
                LineEdit(bytes);
                break;
            case 7:
                var other = seeds[random.Next(seeds.Count)];
                var from = random.Next(other.Length);
                bytes.InsertRange(at, other.AsSpan(from, Math.Min(other.Length - from, 1 + random.Next(512))).ToArray());
                break;
            default:
                bytes.InsertRange(at, Tokens[random.Next(Tokens.Length)]);
                break;
        }
    }

    /// <summary>Drops, doubles or swaps whole lines: what a bad export or a bad merge does to a file.</summary>
    private void LineEdit(List<byte> bytes)
    {
        var lines = Encoding.Latin1.GetString(bytes.ToArray()).Split('\n').ToList();
        if (lines.Count < 2)
            return;
        var i = random.Next(lines.Count);
        var j = random.Next(lines.Count);
        switch (random.Next(3))
        {
            case 0:
                lines.RemoveAt(i);
                break;
            case 1:
                lines.Insert(j, lines[i]);
                break;
            default:
                (lines[i], lines[j]) = (lines[j], lines[i]);
                break;
        }
        bytes.Clear();
        bytes.AddRange(Encoding.Latin1.GetBytes(string.Join('\n', lines)));
    }

    private static byte[] Gzip(byte[] bytes)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest))
            gzip.Write(bytes);
        return output.ToArray();
    }

    private byte[] Damage(byte[] gzip)
    {
        var bytes = new List<byte>(gzip);
        Edit(bytes);
        return bytes.ToArray();
    }
}
