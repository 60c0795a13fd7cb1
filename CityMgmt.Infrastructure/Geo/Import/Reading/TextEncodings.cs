using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace CityMgmt.Infrastructure.Geo.Import.Reading;

/// <summary>
/// Encodings of uploaded text: strict decoders (a wrong byte is an error, never a silent '?'), UTF-8
/// validation of a whole file in 64 KB blocks, and the GBK/GB18030 fallback Chinese county data often uses.
/// </summary>
internal static class TextEncodings
{
    private const int Block = 64 * 1024;

    // Field initialisers run in order, before the encodings below are looked up.
    private static readonly bool CodePages = Register();

    public static Encoding StrictUtf8 { get; } = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>GB18030 is a superset of GBK and GB2312.</summary>
    public static Encoding StrictGbk { get; } = Encoding.GetEncoding(54936, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);

    /// <summary>Offset of the first byte that is not valid UTF-8, or -1 when the whole file is valid.</summary>
    public static long FindInvalidUtf8(string path)
    {
        using var stream = File.OpenRead(path);
        var bytes = ArrayPool<byte>.Shared.Rent(Block + 8);
        var chars = ArrayPool<char>.Shared.Rent(Block + 8);
        try
        {
            long offset = 0;
            var carry = 0;
            while (true)
            {
                var read = stream.Read(bytes, carry, Block);
                var final = read == 0;
                var source = bytes.AsSpan(0, carry + read);
                var status = Utf8.ToUtf16(source, chars, out var consumed, out _, replaceInvalidSequences: false, isFinalBlock: final);
                if (status == OperationStatus.InvalidData)
                {
                    return offset + consumed;
                }

                carry = source.Length - consumed;
                source[consumed..].CopyTo(bytes);
                offset += consumed;
                if (final)
                {
                    return -1;
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    public static bool IsValid(string path, Encoding strict)
    {
        using var stream = File.OpenRead(path);
        var decoder = strict.GetDecoder();
        var bytes = new byte[Block];
        var chars = new char[strict.GetMaxCharCount(Block)];
        try
        {
            int read;
            while ((read = stream.Read(bytes, 0, Block)) > 0)
            {
                decoder.GetChars(bytes, 0, read, chars, 0, flush: false);
            }

            decoder.GetChars([], 0, 0, chars, 0, flush: true);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }

    /// <summary>The encoding of a CSV file: as chosen, or UTF-8 when valid, else GBK when valid; anything else is refused.</summary>
    public static Encoding ForCsv(string path, TextEncodingChoice choice)
    {
        if (HasUtf16Bom(path))
        {
            throw new ImportRefusedException(ImportErrors.Utf16);
        }

        if (choice == TextEncodingChoice.Gbk)
        {
            return IsValid(path, StrictGbk) ? StrictGbk : throw new ImportRefusedException(ImportErrors.DeclaredGbkInvalid);
        }

        var invalid = FindInvalidUtf8(path);
        if (invalid < 0)
        {
            return StrictUtf8;
        }

        if (choice == TextEncodingChoice.Utf8)
        {
            throw new ImportRefusedException(ImportErrors.NotUtf8(invalid));
        }

        return IsValid(path, StrictGbk) ? StrictGbk : throw new ImportRefusedException(ImportErrors.NotGbk);
    }

    /// <summary>The encoding a .cpg file names (ArcGIS writes "UTF-8", "GBK", "936" …), or null when unknown.</summary>
    public static Encoding? FromCpg(string text)
    {
        var name = text.Trim().Trim('\uFEFF').ToUpperInvariant();
        return name switch
        {
            "UTF-8" or "UTF8" or "65001" => StrictUtf8,
            "GBK" or "936" or "CP936" or "ANSI 936" or "GB2312" or "GB18030" or "54936" or "ANSI" => StrictGbk,
            _ => TryGet(name),
        };
    }

    private static Encoding? TryGet(string name)
    {
        try
        {
            return int.TryParse(name, out var page)
                ? Encoding.GetEncoding(page, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback)
                : Encoding.GetEncoding(name, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static bool Register()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return true;
    }

    private static bool HasUtf16Bom(string path)
    {
        using var stream = File.OpenRead(path);
        Span<byte> head = stackalloc byte[2];
        return stream.Read(head) == 2 && ((head[0] == 0xFF && head[1] == 0xFE) || (head[0] == 0xFE && head[1] == 0xFF));
    }
}
