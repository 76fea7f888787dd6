using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Gateway.Cli;

/// <summary>The CLI's way to a running gateway's admin API: bearer token, JSON in and out, errors printed plainly.</summary>
public sealed class AdminApiClient(Uri baseUrl, string token) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = baseUrl, DefaultRequestHeaders = { Authorization = new AuthenticationHeaderValue("Bearer", token) } };

    public sealed record Reply(bool Ok, int Status, string Text)
    {
        public JsonNode? Json => Text.Length == 0 ? null : JsonNode.Parse(Text);
    }

    public Task<Reply> GetAsync(string path, CancellationToken ct) => SendAsync(new HttpRequestMessage(HttpMethod.Get, path), ct);

    public Task<Reply> PostAsync(string path, JsonNode? body, CancellationToken ct) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new StringContent(body?.ToJsonString() ?? "{}", Encoding.UTF8, "application/json"),
        }, ct);

    private async Task<Reply> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        using (request)
        using (var response = await _http.SendAsync(request, ct))
            return new Reply(response.IsSuccessStatusCode, (int)response.StatusCode, await response.Content.ReadAsStringAsync(ct));
    }

    /// <summary>Runs a verb: token check, connection errors and non-2xx answers become a message and an exit code.</summary>
    public static async Task<int> RunAsync(string? url, string? token, Func<AdminApiClient, Task<int>> verb)
    {
        if (string.IsNullOrEmpty(token))
        {
            Console.Error.WriteLine("set GATEWAY_TOKEN or GATEWAY_TOKEN_FILE (or --token-file) to an admin bearer token (embedded profile: dev-viewer-token / dev-operator-token)");
            return 2;
        }
        using var client = new AdminApiClient(new Uri(url!), token);
        try
        {
            return await verb(client);
        }
        catch (HttpRequestException ex)
        {
            Console.Error.WriteLine($"cannot reach {url}: {ex.Message}");
            return 3;
        }
    }

    /// <summary>Prints a failed reply (a problem document, usually) and returns the exit code for it.</summary>
    public static int Fail(Reply reply)
    {
        Console.Error.WriteLine($"HTTP {reply.Status}: {reply.Text}");
        return 1;
    }

    public void Dispose() => _http.Dispose();
}
