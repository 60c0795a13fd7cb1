using System.Buffers;
using System.Text;

namespace CityMgmt.Infrastructure.Geo.VectorTiles;

/// <summary>
/// The few protobuf wire primitives a vector tile needs, written into a growable byte array rented from the shared
/// pool: a dense tile's buffers are hundreds of KB (large-object heap), and renting them keeps rendering from driving
/// full garbage collections. <see cref="Release"/> hands the array back; a buffer never released is simply collected.
/// </summary>
internal sealed class ProtoBuffer(int capacity = 1024)
{
    private byte[] _bytes = ArrayPool<byte>.Shared.Rent(capacity);

    public int Length { get; private set; }

    public static int VarintSize(ulong value)
    {
        var size = 1;
        while (value >= 0x80)
        {
            value >>= 7;
            size++;
        }

        return size;
    }

    /// <summary>Encoded size of a string field (key, length, UTF-8 bytes) with a one-byte key.</summary>
    public static int StringFieldSize(string value)
    {
        var count = Encoding.UTF8.GetByteCount(value);
        return 1 + VarintSize((ulong)count) + count;
    }

    public static uint ZigZag(int value) => (uint)((value << 1) ^ (value >> 31));

    public void Varint(ulong value)
    {
        Ensure(10);
        while (value >= 0x80)
        {
            _bytes[Length++] = (byte)(value | 0x80);
            value >>= 7;
        }

        _bytes[Length++] = (byte)value;
    }

    /// <summary>A field key: field number and wire type (0 varint, 2 length-delimited).</summary>
    public void Key(int field, int wireType) => Varint((ulong)((field << 3) | wireType));

    public void String(int field, string value)
    {
        var count = Encoding.UTF8.GetByteCount(value);
        Key(field, 2);
        Varint((ulong)count);
        Ensure(count);
        Length += Encoding.UTF8.GetBytes(value, 0, value.Length, _bytes, Length);
    }

    /// <summary>A packed repeated uint32 field whose encoded size (<see cref="PackedSize"/>) is known.</summary>
    public void Packed(int field, List<uint> values, int size)
    {
        Key(field, 2);
        Varint((ulong)size);
        foreach (var value in values)
        {
            Varint(value);
        }
    }

    public void Append(ProtoBuffer other)
    {
        Ensure(other.Length);
        Buffer.BlockCopy(other._bytes, 0, _bytes, Length, other.Length);
        Length += other.Length;
    }

    public static int PackedSize(List<uint> values)
    {
        var size = 0;
        foreach (var value in values)
        {
            size += VarintSize(value);
        }

        return size;
    }

    public void Clear() => Length = 0;

    public byte[] ToArray() => _bytes.AsSpan(0, Length).ToArray();

    /// <summary>The written bytes (valid until the next write or <see cref="Release"/>).</summary>
    public ReadOnlySpan<byte> Written => _bytes.AsSpan(0, Length);

    /// <summary>Returns the array to the pool; the buffer is empty and unusable afterwards.</summary>
    public void Release()
    {
        var bytes = _bytes;
        (_bytes, Length) = ([], 0);
        if (bytes.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(bytes);
        }
    }

    private void Ensure(int more)
    {
        if (Length + more > _bytes.Length)
        {
            var larger = ArrayPool<byte>.Shared.Rent(Math.Max(_bytes.Length * 2, Length + more));
            Buffer.BlockCopy(_bytes, 0, larger, 0, Length);
            if (_bytes.Length > 0)
            {
                ArrayPool<byte>.Shared.Return(_bytes);
            }

            _bytes = larger;
        }
    }
}
