using System.Buffers;

namespace HealthStats.Etl.Generation;

/// <summary>
/// Builds one CSV line in a reusable buffer and hands it to the writer in a single call: no strings are
/// made for dates, times or numbers. Fields are quoted (RFC 4180) only when they need it.
/// </summary>
internal sealed class CsvLine
{
    private static readonly SearchValues<char> NeedsQuoting = SearchValues.Create(",\"\r\n");

    private char[] _buffer = new char[2048];
    private int _length;

    public void Clear() => _length = 0;

    /// <summary>What has been built so far, for writers that take the values one by one.</summary>
    public ReadOnlySpan<char> Text => _buffer.AsSpan(0, _length);

    public void Comma() => Append(',');

    public void Commas(int count)
    {
        Ensure(count);
        _buffer.AsSpan(_length, count).Fill(',');
        _length += count;
    }

    public void Append(char c)
    {
        Ensure(1);
        _buffer[_length++] = c;
    }

    /// <summary>Appends a field value, quoting it if it holds a comma, quote or line break.</summary>
    public void Field(string? value)
    {
        if (string.IsNullOrEmpty(value))
            return;
        if (value.AsSpan().IndexOfAny(NeedsQuoting) < 0)
        {
            Raw(value);
            return;
        }
        Append('"');
        foreach (var c in value)
        {
            if (c == '"')
                Append('"');
            Append(c);
        }
        Append('"');
    }

    public void Raw(ReadOnlySpan<char> value)
    {
        Ensure(value.Length);
        value.CopyTo(_buffer.AsSpan(_length));
        _length += value.Length;
    }

    /// <summary>A non-negative number, left-padded with zeros to at least <paramref name="width"/> digits.</summary>
    public void Number(long value, int width = 1)
    {
        Span<char> digits = stackalloc char[20];
        var n = 0;
        do
        {
            digits[n++] = (char)('0' + (int)(value % 10));
            value /= 10;
        }
        while (value > 0);
        while (n < width)
            digits[n++] = '0';
        Ensure(n);
        for (var i = n - 1; i >= 0; i--)
            _buffer[_length++] = digits[i];
    }

    /// <summary>yyyy-MM-dd.</summary>
    public void Date(int dayNumber)
    {
        var date = DateOnly.FromDayNumber(dayNumber);
        Number(date.Year, 4);
        Append('-');
        Number(date.Month, 2);
        Append('-');
        Number(date.Day, 2);
    }

    /// <summary>HH:mm from minutes after midnight.</summary>
    public void Time(int minute)
    {
        Number(minute / 60, 2);
        Append(':');
        Number(minute % 60, 2);
    }

    public void WriteLineTo(TextWriter writer)
    {
        Append('\n');
        writer.Write(_buffer, 0, _length);
        _length = 0;
    }

    private void Ensure(int extra)
    {
        if (_length + extra > _buffer.Length)
            Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _length + extra));
    }
}
