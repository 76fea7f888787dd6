using Microsoft.AspNetCore.Http;

namespace Gateway.Adapters.Http;

/// <summary>Reads a request body into memory, refusing anything over the 1 MiB limit of the agreements.</summary>
public static class RequestBody
{
    public const int MaxBytes = 1024 * 1024;

    /// <summary>The body, or null when it exceeds <see cref="MaxBytes"/>.</summary>
    public static async Task<byte[]?> ReadLimitedAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBytes) return null;
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBytes) return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }
}
