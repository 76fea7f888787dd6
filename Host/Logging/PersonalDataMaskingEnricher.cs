using Gateway.Contracts.Privacy;
using Serilog.Core;
using Serilog.Events;

namespace Gateway.Host.Logging;

/// <summary>
/// Safety net under the rule "no personal data in logs": any phone number or USCC that reaches a log
/// property as text is masked before a sink sees it.
/// </summary>
public sealed class PersonalDataMaskingEnricher : ILogEventEnricher
{
    public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory)
    {
        foreach (var (name, value) in logEvent.Properties.ToList())
        {
            if (value is ScalarValue { Value: string text })
            {
                var masked = PersonalDataMask.InText(text);
                if (!ReferenceEquals(masked, text) && masked != text)
                    logEvent.AddOrUpdateProperty(new LogEventProperty(name, new ScalarValue(masked)));
            }
        }
    }
}
