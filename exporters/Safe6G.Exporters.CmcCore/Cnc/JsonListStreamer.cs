using System.Buffers;
using System.Text;
using System.Text.Json;

namespace Safe6G.Exporters.CmcCore.Cnc;

/// <summary>
/// Reads a JSON list one item at a time from a stream: a bare array, or the array under one of the wrapper keys
/// of the root object. Only one item is materialised at a time, so a 10,000-subscriber answer never sits in memory
/// as a whole document. A body with no such list, or invalid JSON, throws <see cref="JsonException"/>.
/// </summary>
internal static class JsonListStreamer
{
    private const int InitialBuffer = 64 * 1024;

    public static async Task ReadAsync(Stream stream, IReadOnlyCollection<string> wrappers, Action<JsonElement> onItem, string endpoint,
        CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(InitialBuffer);
        try
        {
            var length = 0;
            var final = false;
            var state = new JsonReaderState();
            var position = Position.Root;
            var listDepth = -1;
            var found = false;
            while (true)
            {
                var consumed = Step(buffer.AsSpan(0, length), final, ref state, ref position, ref listDepth, ref found, wrappers, onItem, out var done);
                if (done)
                    break;
                // Keep what was not consumed (a partial token or item) and read more after it.
                Buffer.BlockCopy(buffer, consumed, buffer, 0, length - consumed);
                length -= consumed;
                if (final)
                    throw new JsonException($"{endpoint}: the answer ended inside the JSON");
                if (length == buffer.Length)
                {
                    var bigger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                    Buffer.BlockCopy(buffer, 0, bigger, 0, length);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = bigger;
                }
                var read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false);
                length += read;
                final = read == 0;
            }
            if (!found)
                throw new JsonException($"{endpoint}: expected a JSON list (bare or under {string.Join("/", wrappers)})");
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private enum Position
    {
        Root,
        InRootObject,
        InList,
        AfterList,
    }

    // Walks as far as the buffered bytes allow; returns how many bytes were consumed.
    private static int Step(ReadOnlySpan<byte> data, bool final, ref JsonReaderState state, ref Position position, ref int listDepth, ref bool found,
        IReadOnlyCollection<string> wrappers, Action<JsonElement> onItem, out bool done)
    {
        done = false;
        var reader = new Utf8JsonReader(data, final, state);
        var consumed = 0;
        while (true)
        {
            if (!reader.Read())
                break;
            switch (position)
            {
                case Position.Root when reader.TokenType == JsonTokenType.StartArray:
                    position = Position.InList;
                    listDepth = reader.CurrentDepth;
                    found = true;
                    break;
                case Position.Root when reader.TokenType == JsonTokenType.StartObject:
                    position = Position.InRootObject;
                    break;
                case Position.Root:
                    throw new JsonException($"expected a JSON array or object, got {reader.TokenType}");
                case Position.InRootObject when reader.TokenType == JsonTokenType.PropertyName:
                    var name = reader.GetString() ?? "";
                    if (!reader.Read())
                    {
                        goto Stop;
                    }
                    if (!found && reader.TokenType == JsonTokenType.StartArray && wrappers.Any(w => string.Equals(w, name, StringComparison.OrdinalIgnoreCase)))
                    {
                        position = Position.InList;
                        listDepth = reader.CurrentDepth;
                        found = true;
                    }
                    else if (!reader.TrySkip())
                    {
                        goto Stop;
                    }
                    break;
                case Position.InRootObject when reader.TokenType == JsonTokenType.EndObject:
                    done = true;
                    return (int)reader.BytesConsumed;
                case Position.InList when reader.TokenType == JsonTokenType.EndArray && reader.CurrentDepth == listDepth:
                    position = listDepth == 0 ? Position.AfterList : Position.InRootObject;
                    if (listDepth == 0)
                    {
                        done = true;
                        return (int)reader.BytesConsumed;
                    }
                    break;
                case Position.InList:
                    var item = reader;
                    if (!reader.TrySkip())
                    {
                        goto Stop;
                    }
                    onItem(JsonElement.ParseValue(ref item));
                    break;
                default:
                    break;
            }
            consumed = (int)reader.BytesConsumed;
            state = reader.CurrentState;
        }
    Stop:
        return consumed;
    }
}
