using Serilog.Core;
using Serilog.Events;

namespace Gateway.Host.Logging;

/// <summary>
/// Safety net under the rule "no personal data in logs": every text inside a log property — at the top level or
/// nested in structures, sequences and dictionaries — is masked (<see cref="LogTextMask"/>) before a sink sees it.
/// </summary>
public sealed class PersonalDataMaskingEnricher : ILogEventEnricher
{
    public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory)
    {
        foreach (var (name, value) in logEvent.Properties.ToList())
        {
            var masked = Mask(value);
            if (!ReferenceEquals(masked, value)) logEvent.AddOrUpdateProperty(new LogEventProperty(name, masked));
        }
    }

    /// <summary>The same value when nothing needed masking, else a masked copy.</summary>
    public static LogEventPropertyValue Mask(LogEventPropertyValue value)
    {
        switch (value)
        {
            case ScalarValue { Value: string text }:
                var masked = LogTextMask.Mask(text);
                return masked == text ? value : new ScalarValue(masked);
            case ScalarValue { Value: not null and not IConvertible } scalar:
                // An object logged without @ renders with ToString(), which for a record lists every field.
                var rendered = scalar.Value.ToString() ?? "";
                var maskedRendering = LogTextMask.Mask(rendered);
                return maskedRendering == rendered ? value : new ScalarValue(maskedRendering);
            case StructureValue structure:
                var props = structure.Properties.Select(p => (p, Masked: Mask(p.Value))).ToList();
                return props.All(x => ReferenceEquals(x.Masked, x.p.Value)) ? value
                    : new StructureValue(props.Select(x => new LogEventProperty(x.p.Name, x.Masked)), structure.TypeTag);
            case SequenceValue sequence:
                var elements = sequence.Elements.Select(e => (e, Masked: Mask(e))).ToList();
                return elements.All(x => ReferenceEquals(x.Masked, x.e)) ? value : new SequenceValue(elements.Select(x => x.Masked));
            case DictionaryValue dictionary:
                var entries = dictionary.Elements.Select(kv => (kv, Masked: Mask(kv.Value))).ToList();
                return entries.All(x => ReferenceEquals(x.Masked, x.kv.Value)) ? value
                    : new DictionaryValue(entries.Select(x => new KeyValuePair<ScalarValue, LogEventPropertyValue>(x.kv.Key, x.Masked)));
            default:
                return value;
        }
    }
}
