using Parquet;
using Parquet.Schema;

namespace HealthStats.Etl.Landing;

/// <summary>A column's values for the row group being built; flushed and cleared per row group.</summary>
internal abstract class ParquetColumn(DataField field)
{
    public DataField Field { get; } = field;

    public abstract Task WriteAsync(ParquetRowGroupWriter rowGroup, CancellationToken cancellationToken);

    public abstract void Clear();
}

internal sealed class StringColumn(string name) : ParquetColumn(new DataField<string>(name, true))
{
    // Kept as memory, not strings: Parquet.Net's string overload converts every value first, five times slower.
    private ReadOnlyMemory<char>?[] values = new ReadOnlyMemory<char>?[1024];
    private int count;

    public void Add(string? value)
    {
        if (count == values.Length)
            Array.Resize(ref values, count * 2);
        values[count++] = value?.AsMemory();
    }

    public override Task WriteAsync(ParquetRowGroupWriter rowGroup, CancellationToken cancellationToken) =>
        rowGroup.WriteAsync(Field, new ReadOnlyMemory<ReadOnlyMemory<char>?>(values, 0, count), null, null, cancellationToken);

    public override void Clear()
    {
        Array.Clear(values, 0, count); // let the strings of the written row group go
        count = 0;
    }
}

/// <summary>A column of a value type, required or nullable, kept in a growable array so it is written without copying.</summary>
internal sealed class ValueColumn<T>(string name) : ParquetColumn(new DataField<T>(name, false))
    where T : struct
{
    private T[] values = new T[1024];
    private int count;

    public void Add(T value)
    {
        if (count == values.Length)
            Array.Resize(ref values, count * 2);
        values[count++] = value;
    }

    public override Task WriteAsync(ParquetRowGroupWriter rowGroup, CancellationToken cancellationToken) =>
        rowGroup.WriteAsync(Field, new ReadOnlyMemory<T>(values, 0, count), null, null, cancellationToken);

    public override void Clear() => count = 0;
}

internal sealed class NullableColumn<T>(string name) : ParquetColumn(new DataField<T?>(name))
    where T : struct
{
    private T?[] values = new T?[1024];
    private int count;

    public void Add(T? value)
    {
        if (count == values.Length)
            Array.Resize(ref values, count * 2);
        values[count++] = value;
    }

    public override Task WriteAsync(ParquetRowGroupWriter rowGroup, CancellationToken cancellationToken) =>
        rowGroup.WriteAsync(Field, new ReadOnlyMemory<T?>(values, 0, count), null, null, cancellationToken);

    public override void Clear() => count = 0;
}
