using System.Text;

namespace Gateway.Adapters.Http;

/// <summary>
/// Reads an answer from a counterpart or a portal without trusting its size: at most <see cref="MaxBytes"/> of the body
/// are read (the rest is never buffered; the connection is dropped), and the response's content is replaced by what
/// was read, so every later reader (attempt log, classification) sees the same bounded bytes.
/// </summary>
public static class BoundedResponse
{
    /// <summary>An acknowledgement or an error is a few hundred bytes; 256 KiB leaves room and bounds the memory of a hostile answer.</summary>
    public const int MaxBytes = 256 * 1024;

    public static async Task<string> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken, int maxBytes = MaxBytes)
    {
        if (response.Content is BoundedContent already) return already.Text;
        var buffer = new MemoryStream();
        var truncated = false;
        await using (var stream = await response.Content.ReadAsStreamAsync(cancellationToken))
        {
            var chunk = new byte[16 * 1024];
            while (true)
            {
                var room = maxBytes - (int)buffer.Length;
                if (room <= 0)
                {
                    truncated = await stream.ReadAsync(chunk.AsMemory(0, 1), cancellationToken) > 0;
                    break;
                }
                var read = await stream.ReadAsync(chunk.AsMemory(0, Math.Min(chunk.Length, room)), cancellationToken);
                if (read == 0) break;
                buffer.Write(chunk, 0, read);
            }
        }
        var bytes = buffer.ToArray();
        var text = Encoding.UTF8.GetString(bytes) + (truncated ? "…(truncated)" : "");
        var bounded = new BoundedContent(bytes, text);
        foreach (var header in response.Content.Headers)
            if (!string.Equals(header.Key, "Content-Length", StringComparison.OrdinalIgnoreCase))
                bounded.Headers.TryAddWithoutValidation(header.Key, header.Value);
        response.Content.Dispose();
        response.Content = bounded;
        return text;
    }

    private sealed class BoundedContent(byte[] bytes, string text) : ByteArrayContent(bytes)
    {
        public string Text { get; } = text;
    }
}
