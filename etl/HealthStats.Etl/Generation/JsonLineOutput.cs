using System.Buffers;
using System.Text;
using System.Text.Json;

namespace HealthStats.Etl.Generation;

/// <summary>
/// A reusable Utf8JsonWriter whose finished object is handed to a TextWriter as one line, so the JSON
/// formats share the generator's TextWriter plumbing (and its determinism) with the CSV writer.
/// </summary>
internal sealed class JsonLineOutput
{
    private readonly TextWriter _output;
    private readonly ArrayBufferWriter<byte> _bytes = new(8192);
    private readonly CsvLine _scratch = new();
    private char[] _chars = new char[8192];

    public JsonLineOutput(TextWriter output)
    {
        _output = output;
        Json = new Utf8JsonWriter(_bytes);
    }

    public Utf8JsonWriter Json { get; }

    /// <summary>A scratch buffer for values built with the CSV writer's helpers (ids, dates, numbers).</summary>
    public CsvLine Scratch
    {
        get
        {
            _scratch.Clear();
            return _scratch;
        }
    }

    public void Begin()
    {
        _bytes.ResetWrittenCount();
        Json.Reset(_bytes);
    }

    public void WriteLine()
    {
        Json.Flush();
        var bytes = _bytes.WrittenSpan;
        if (_chars.Length < bytes.Length + 1)
            _chars = new char[bytes.Length * 2];
        var length = Encoding.UTF8.GetChars(bytes, _chars);
        _chars[length++] = '\n';
        _output.Write(_chars, 0, length);
    }

    public void String(string name, ReadOnlySpan<char> value) => Json.WriteString(name, value);

    public void Char(string name, char value) => Json.WriteString(name, [value]);

    public void Date(string name, int dayNumber)
    {
        var line = Scratch;
        line.Date(dayNumber);
        Json.WriteString(name, line.Text);
    }

    public void Time(string name, int minute)
    {
        var line = Scratch;
        line.Time(minute);
        Json.WriteString(name, line.Text);
    }
}
