using System.Text.Json;

namespace CityMgmt.Infrastructure.Geo.Import.Reading;

/// <summary>
/// Walks a GeoJSON FeatureCollection from a stream and hands out the raw bytes of one feature at a time, so
/// a 170,000-feature file is never held whole in memory. The buffer grows only to the largest feature.
/// </summary>
internal sealed class FeatureCollectionScanner(Stream stream)
{
    private static readonly JsonReaderOptions Options = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    private byte[] _buffer = new byte[64 * 1024];
    private int _start;
    private int _end;
    private bool _eof;
    private bool _begun;
    private JsonReaderState _state = new(Options);
    private Phase _phase = Phase.Start;
    private bool _sawFeatures;

    private enum Phase { Start, InRoot, RootType, RootCrs, SkipValue, ExpectArray, InFeatures, Finished }

    private enum Step { Found, Finished, NeedMore }

    /// <summary>The "crs" member's name when the file has one (legacy GeoJSON 2008).</summary>
    public string? CrsName { get; private set; }

    /// <summary>The next feature's JSON; valid only until the next call.</summary>
    public bool TryNext(out ReadOnlyMemory<byte> feature)
    {
        if (!_begun)
        {
            _begun = true;
            Fill();
            if (_end >= 3 && _buffer[0] == 0xEF && _buffer[1] == 0xBB && _buffer[2] == 0xBF)
            {
                _start = 3;
            }
        }

        while (true)
        {
            switch (Advance(out feature))
            {
                case Step.Found:
                    return true;
                case Step.Finished:
                    return _sawFeatures ? false : throw new ImportRefusedException(ImportErrors.NotFeatureCollection);
            }

            if (_eof)
            {
                throw new ImportRefusedException(ImportErrors.BadJson("文件不完整（意外结束）"));
            }

            Fill();
        }
    }

    private Step Advance(out ReadOnlyMemory<byte> feature)
    {
        feature = default;
        var reader = new Utf8JsonReader(_buffer.AsSpan(_start, _end - _start), _eof, _state);
        try
        {
            while (true)
            {
                var before = (int)reader.BytesConsumed;
                var beforeState = reader.CurrentState;
                if (!reader.Read())
                {
                    Commit(ref reader);
                    return Step.NeedMore;
                }

                switch (_phase)
                {
                    case Phase.Start:
                        _phase = reader.TokenType == JsonTokenType.StartObject ? Phase.InRoot : throw Refuse(ImportErrors.NotFeatureCollection);
                        break;
                    case Phase.InRoot when reader.TokenType == JsonTokenType.EndObject:
                        _phase = Phase.Finished;
                        Commit(ref reader);
                        return Step.Finished;
                    case Phase.InRoot:
                        _phase = reader.GetString() switch
                        {
                            "features" => Phase.ExpectArray,
                            "type" => Phase.RootType,
                            "crs" => Phase.RootCrs,
                            _ => Phase.SkipValue,
                        };
                        break;
                    case Phase.RootType:
                        _phase = reader.TokenType == JsonTokenType.String && reader.ValueTextEquals("FeatureCollection")
                            ? Phase.InRoot
                            : throw Refuse(ImportErrors.NotFeatureCollection);
                        break;
                    case Phase.ExpectArray:
                        _phase = reader.TokenType == JsonTokenType.StartArray ? Phase.InFeatures : throw Refuse(ImportErrors.NotFeatureCollection);
                        _sawFeatures = true;
                        break;
                    case Phase.InFeatures when reader.TokenType == JsonTokenType.EndArray:
                        _phase = Phase.InRoot;
                        break;
                    case Phase.InFeatures or Phase.RootCrs or Phase.SkipValue:
                        var tokenStart = (int)reader.TokenStartIndex;
                        if (!reader.TrySkip())
                        {
                            _start += before;
                            _state = beforeState;
                            return Step.NeedMore;
                        }

                        var value = _buffer.AsMemory(_start + tokenStart, (int)reader.BytesConsumed - tokenStart);
                        if (_phase == Phase.InFeatures)
                        {
                            Commit(ref reader);
                            feature = value;
                            return Step.Found;
                        }

                        if (_phase == Phase.RootCrs)
                        {
                            CrsName = ReadCrsName(value);
                        }

                        _phase = Phase.InRoot;
                        break;
                }
            }
        }
        catch (JsonException e)
        {
            throw Refuse(ImportErrors.BadJson(_eof ? "文件不完整（意外结束）" : $"第 {e.LineNumber + 1} 行附近：{e.Message}"));
        }
    }

    private void Commit(ref Utf8JsonReader reader)
    {
        _start += (int)reader.BytesConsumed;
        _state = reader.CurrentState;
    }

    private void Fill()
    {
        if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }

        if (_end == _buffer.Length)
        {
            // One feature larger than the buffer: grow to hold it whole.
            Array.Resize(ref _buffer, _buffer.Length * 2);
        }

        var read = stream.Read(_buffer, _end, _buffer.Length - _end);
        _end += read;
        _eof = read == 0;
    }

    private static string? ReadCrsName(ReadOnlyMemory<byte> json)
    {
        using var doc = JsonDocument.Parse(json);
        return doc.RootElement.ValueKind == JsonValueKind.Object
            && doc.RootElement.TryGetProperty("properties", out var properties)
            && properties.ValueKind == JsonValueKind.Object
            && properties.TryGetProperty("name", out var name)
            && name.ValueKind == JsonValueKind.String ? name.GetString() : null;
    }

    private static ImportRefusedException Refuse(Domain.Common.Error error) => new(error);
}
