namespace NewsIngest.Testing;

/// <summary>
/// Just enough of the protobuf wire format to read OTLP requests: fields as (number, wire type, value), nested
/// messages as byte ranges. Unknown fields are skipped, as protobuf readers do.
/// </summary>
internal ref struct ProtobufReader(ReadOnlySpan<byte> buffer)
{
    private readonly ReadOnlySpan<byte> _buffer = buffer;
    private int _position;

    public readonly bool End => _position >= _buffer.Length;

    /// <summary>Reads the next field's key; <paramref name="wireType"/> is 0 (varint), 1 (64-bit), 2 (length-delimited) or 5 (32-bit).</summary>
    public int ReadTag(out int wireType)
    {
        var key = ReadVarint();
        wireType = (int)(key & 7);
        return (int)(key >> 3);
    }

    public ReadOnlySpan<byte> ReadBytes()
    {
        var length = checked((int)ReadVarint());
        var bytes = _buffer.Slice(_position, length);
        _position += length;
        return bytes;
    }

    public ulong ReadVarint()
    {
        ulong value = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            var b = _buffer[_position++];
            value |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                return value;
            }
        }

        throw new FormatException("varint longer than 64 bits");
    }

    public void Skip(int wireType)
    {
        switch (wireType)
        {
            case 0:
                ReadVarint();
                break;
            case 1:
                _position += 8;
                break;
            case 2:
                ReadBytes();
                break;
            case 5:
                _position += 4;
                break;
            default:
                throw new FormatException($"unsupported protobuf wire type {wireType}");
        }
    }
}
