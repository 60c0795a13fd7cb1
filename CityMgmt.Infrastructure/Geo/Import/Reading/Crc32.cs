namespace CityMgmt.Infrastructure.Geo.Import.Reading;

/// <summary>
/// CRC-32 (IEEE 802.3, the zip checksum). The BCL's zip reader stops at an entry's declared size without
/// comparing checksums, so a forged or damaged entry would be read truncated; comparing the CRC catches it.
/// </summary>
internal static class Crc32
{
    private static readonly uint[] Table = CreateTable();

    public static uint Append(uint crc, ReadOnlySpan<byte> data)
    {
        crc = ~crc;
        foreach (var b in data)
        {
            crc = Table[(crc ^ b) & 0xFF] ^ (crc >> 8);
        }

        return ~crc;
    }

    private static uint[] CreateTable()
    {
        var table = new uint[256];
        for (uint i = 0; i < 256; i++)
        {
            var c = i;
            for (var k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? 0xEDB88320 ^ (c >> 1) : c >> 1;
            }

            table[i] = c;
        }

        return table;
    }
}
