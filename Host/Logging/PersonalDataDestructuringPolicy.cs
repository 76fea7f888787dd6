using System.Reflection;
using Gateway.Contracts.Privacy;
using Serilog.Core;
using Serilog.Events;

namespace Gateway.Host.Logging;

/// <summary>
/// When one of the gateway's own objects is logged whole (<c>{@Application}</c>), its personal fields are masked by
/// name — contacts and other person names to their first character, phones as <c>139****1234</c>, USCCs as
/// <c>9133**********5X1A</c> — and every other text is passed through the phone/USCC mask. Contact names cannot be
/// recognised in free text, so this is where they are caught.
/// </summary>
public sealed class PersonalDataDestructuringPolicy : IDestructuringPolicy
{
    private const int MaxDepth = 6;

    public bool TryDestructure(object value, ILogEventPropertyValueFactory propertyValueFactory, out LogEventPropertyValue result)
    {
        if (!IsGatewayType(value.GetType()))
        {
            result = null!;
            return false;
        }
        result = Destructure(value, propertyValueFactory, 0);
        return true;
    }

    private static bool IsGatewayType(Type type) =>
        type.Assembly.GetName().Name?.StartsWith("Gateway.", StringComparison.Ordinal) == true && !type.IsEnum;

    private static LogEventPropertyValue Destructure(object? value, ILogEventPropertyValueFactory factory, int depth)
    {
        switch (value)
        {
            case null:
                return new ScalarValue(null);
            case string text:
                return new ScalarValue(LogTextMask.Mask(text));
            case System.Collections.IEnumerable items when depth < MaxDepth:
                return new SequenceValue(items.Cast<object?>().Select(i => Destructure(i, factory, depth + 1)));
        }
        var type = value.GetType();
        if (!IsGatewayType(type) || depth >= MaxDepth) return factory.CreatePropertyValue(value, destructureObjects: false);
        var properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanRead && p.GetIndexParameters().Length == 0)
            .Select(p => new LogEventProperty(p.Name, Masked(p.Name, p.GetValue(value), factory, depth)));
        return new StructureValue(properties, type.Name);
    }

    private static LogEventPropertyValue Masked(string property, object? value, ILogEventPropertyValueFactory factory, int depth) =>
        value is not string text ? Destructure(value, factory, depth + 1)
        : property switch
        {
            "Contact" or "ContactName" or "Lxr" or "LXR" => new ScalarValue(PersonalDataMask.Name(text)),
            "Phone" or "Mobile" or "Lxdh" or "LXDH" or "Tel" => new ScalarValue(PersonalDataMask.Phone(text)),
            "Uscc" or "TYSHXYDM" or "Xydm" => new ScalarValue(PersonalDataMask.Uscc(text)),
            _ => new ScalarValue(LogTextMask.Mask(text)),
        };
}
