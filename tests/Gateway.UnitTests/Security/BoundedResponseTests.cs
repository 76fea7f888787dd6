using System.Net;
using Gateway.Adapters.Counterparts;
using Gateway.Adapters.Counterparts.Resilience;
using Gateway.Adapters.Http;
using Polly;

namespace Gateway.UnitTests.Security;

/// <summary>An answer's body is read bounded: an endless body costs at most the bound, and every later reader sees the same bytes.</summary>
public sealed class BoundedResponseTests
{
    /// <summary>A body that never ends; reading more than <paramref name="failAfter"/> bytes is a test failure.</summary>
    private sealed class EndlessStream(long failAfter) : Stream
    {
        public long Served { get; private set; }
        public override int Read(byte[] buffer, int offset, int count)
        {
            if (Served > failAfter) throw new InvalidOperationException($"read {Served} bytes of an endless body");
            Array.Fill(buffer, (byte)'x', offset, count);
            Served += count;
            return count;
        }
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => Served; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    private static (HttpResponseMessage, EndlessStream) Endless(HttpStatusCode status)
    {
        var stream = new EndlessStream(failAfter: 8 * 1024 * 1024);
        return (new HttpResponseMessage(status) { Content = new StreamContent(stream) }, stream);
    }

    [Fact]
    public async Task An_endless_body_is_read_up_to_the_bound_and_kept_for_later_readers()
    {
        var (response, stream) = Endless(HttpStatusCode.OK);
        var text = await BoundedResponse.ReadAsync(response, CancellationToken.None);
        Assert.True(stream.Served <= BoundedResponse.MaxBytes + 64 * 1024, $"served {stream.Served}");
        Assert.EndsWith("(truncated)", text);
        Assert.Equal(text, await BoundedResponse.ReadAsync(response, CancellationToken.None));
        Assert.Equal(BoundedResponse.MaxBytes, (await response.Content.ReadAsByteArrayAsync()).Length);
    }

    [Fact]
    public async Task The_attempt_log_reads_an_endless_error_body_bounded()
    {
        var (response, stream) = Endless(HttpStatusCode.ServiceUnavailable);
        var line = await AttemptLog.DescribeAsync(Outcome.FromResult(response), ResilienceSettings.Default, CancellationToken.None);
        Assert.StartsWith("HTTP 503: ", line);
        Assert.True(line.Length < 600);
        Assert.True(stream.Served <= BoundedResponse.MaxBytes + 64 * 1024, $"served {stream.Served}");
    }
}
