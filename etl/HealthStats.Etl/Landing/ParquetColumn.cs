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
    /// row group is encoded on another thread while the next one fills.
    /// </summary>
    public abstract ColumnWrite TakeRowGroup();

    // A full row group is followed by another as large (or the last, smaller one): its buffer starts at that
    // size rather than doubling up to it again. A file completed after a small row group keeps a small buffer.
    protected static int NextCapacity(int taken) => Math.Max(InitialCapacity, taken);
}

internal sealed class StringColumn(string name) : ParquetColumn(new DataField<string>(name, true))
{
    // Characters are copied into shared blocks, and the values are slices of them: a row group then holds
    // a few large arrays instead of a string object per value, which the garbage collector would trace and
    // copy through every collection until the row group is written (most of landing's time, measured).
    private const int BlockChars = 1 << 16;

    // Kept as memory, not strings: Parquet.Net's string overload converts every value first, five times slower.
    private ReadOnlyMemory<char>?[] values = new ReadOnlyMemory<char>?[InitialCapacity];
    private int count;
    private char[] block = [];
    private int blockUsed;

    public void Add(string? value)
    {
        if (count == values.Length)
            Array.Resize(ref values, count * 2);
        // Not "value is null ? null : Copy(value)": that conditional's type is ReadOnlyMemory<char>, and its
        // null converts to an empty memory, so absent values would land as empty strings.
        if (value is null)
            values[count++] = null;
        else
            values[count++] = Copy(value);
    }

    private ReadOnlyMemory<char> Copy(string value)
    {
        if (value.Length > block.Length - blockUsed)
        {
            block = new char[Math.Max(BlockChars, value.Length)];
            blockUsed = 0;
        }
        value.CopyTo(block.AsSpan(blockUsed));
        var slice = new ReadOnlyMemory<char>(block, blockUsed, value.Length);
        blockUsed += value.Length;
        return slice;
    }

    public override ColumnWrite TakeRowGroup()
    {
        var taken = new ReadOnlyMemory<ReadOnlyMemory<char>?>(values, 0, count);
        values = new ReadOnlyMemory<char>?[NextCapacity(count)];
        count = 0;
        block = [];
        blockUsed = 0;
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
        values = new T[NextCapacity(count)];
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
        values = new T?[NextCapacity(count)];
        count = 0;
        return (rowGroup, cancellationToken) => rowGroup.WriteAsync(Field, taken, null, null, cancellationToken);
    }
}
