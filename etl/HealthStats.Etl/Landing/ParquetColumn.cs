using Parquet;
using Parquet.Schema;

namespace HealthStats.Etl.Landing;

/// <summary>Writes one column's values of a row group.</summary>
internal delegate Task ColumnWrite(ParquetRowGroupWriter rowGroup, CancellationToken cancellationToken);

/// <summary>A column's values for the row group being built.</summary>
internal abstract class ParquetColumn(DataField field)
{
    protected const int InitialCapacity = 1024;

    public DataField Field { get; } = field;

    /// <summary>
    /// Hands over the values gathered so far as the write of a row group, and starts a new buffer: the
    /// row group is encoded on another thread while the next one fills. The new buffer starts small, so
    /// that a completed file keeps no row group's worth of empty arrays.
    /// </summary>
    public abstract ColumnWrite TakeRowGroup();
}

internal sealed class StringColumn(string name) : ParquetColumn(new DataField<string>(name, true))
{
    // Kept as memory, not strings: Parquet.Net's string overload converts every value first, five times slower.
    private ReadOnlyMemory<char>?[] values = new ReadOnlyMemory<char>?[InitialCapacity];
    private int count;

    public void Add(string? value)
    {
        if (count == values.Length)
            Array.Resize(ref values, count * 2);
        values[count++] = value?.AsMemory();
    }

    public override ColumnWrite TakeRowGroup()
    {
        var taken = new ReadOnlyMemory<ReadOnlyMemory<char>?>(values, 0, count);
        values = new ReadOnlyMemory<char>?[InitialCapacity];
        count = 0;
        return (rowGroup, cancellationToken) => rowGroup.WriteAsync(Field, taken, null, null, cancellationToken);
    }
}

/// <summary>A column of a value type, required, kept in a growable array so it is written without copying.</summary>
internal sealed class ValueColumn<T>(string name) : ParquetColumn(new DataField<T>(name, false))
    where T : struct
{
    private T[] values = new T[InitialCapacity];
    private int count;

    public void Add(T value)
    {
        if (count == values.Length)
            Array.Resize(ref values, count * 2);
        values[count++] = value;
    }

    public override ColumnWrite TakeRowGroup()
    {
        var taken = new ReadOnlyMemory<T>(values, 0, count);
        values = new T[InitialCapacity];
        count = 0;
        return (rowGroup, cancellationToken) => rowGroup.WriteAsync(Field, taken, null, null, cancellationToken);
    }
}

internal sealed class NullableColumn<T>(string name) : ParquetColumn(new DataField<T?>(name))
    where T : struct
{
    private T?[] values = new T?[InitialCapacity];
    private int count;

    public void Add(T? value)
    {
        if (count == values.Length)
            Array.Resize(ref values, count * 2);
        values[count++] = value;
    }

    public override ColumnWrite TakeRowGroup()
    {
        var taken = new ReadOnlyMemory<T?>(values, 0, count);
        values = new T?[InitialCapacity];
        count = 0;
        return (rowGroup, cancellationToken) => rowGroup.WriteAsync(Field, taken, null, null, cancellationToken);
    }
}
