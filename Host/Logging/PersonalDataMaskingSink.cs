using Gateway.Contracts.Privacy;
using Serilog.Core;
using Serilog.Events;
using Serilog.Parsing;

namespace Gateway.Host.Logging;

/// <summary>
/// The last step before the console and file sinks: masks phone numbers and USCCs in the parts of an event an
/// enricher cannot change — the message template's own text (a message built by interpolation) and the exception
/// (message and stack trace, e.g. a MassTransit fault or a driver error quoting a value). Properties are masked by
/// <see cref="PersonalDataMaskingEnricher"/> before this runs.
/// </summary>
public sealed class PersonalDataMaskingSink(Logger inner) : ILogEventSink, IDisposable
{
    private static readonly MessageTemplateParser Parser = new();

    public void Emit(LogEvent logEvent)
    {
        var text = logEvent.MessageTemplate.Text;
        var maskedText = LogTextMask.Mask(text);
        var exception = logEvent.Exception is null ? null : MaskedException.Of(logEvent.Exception);
        if (maskedText == text && ReferenceEquals(exception, logEvent.Exception))
        {
            inner.Write(logEvent);
            return;
        }
        var template = maskedText == text ? logEvent.MessageTemplate : Parser.Parse(maskedText);
        inner.Write(new LogEvent(logEvent.Timestamp, logEvent.Level, exception, template,
            logEvent.Properties.Select(p => new LogEventProperty(p.Key, p.Value)),
            logEvent.TraceId ?? default, logEvent.SpanId ?? default));
    }

    public void Dispose() => inner.Dispose();

    /// <summary>Stands in for an exception whose text held personal data: same rendering (type, message, stack), masked.</summary>
    private sealed class MaskedException(string rendered) : Exception(rendered)
    {
        public static Exception Of(Exception original)
        {
            var rendered = original.ToString();
            var masked = LogTextMask.Mask(rendered);
            return masked == rendered ? original : new MaskedException(masked);
        }

        public override string ToString() => Message;
    }
}
