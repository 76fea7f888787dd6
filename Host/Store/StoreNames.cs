using Gateway.Contracts;

namespace Gateway.Store;

/// <summary>
/// Statuses, kinds and timeline types inside SQL text: their stored names come from <see cref="WireName"/> (the one
/// mapping), quoted once here, so no statement spells a status by hand.
/// </summary>
internal static class StoreNames
{
    /// <summary><c>'NAME'</c>: one value as an SQL string literal.</summary>
    public static string Q<TEnum>(TEnum value) where TEnum : struct, Enum => $"'{WireName.Of(value)}'";

    /// <summary><c>('A', 'B')</c>: a set of values for an SQL <c>IN</c>.</summary>
    public static string In<TEnum>(params TEnum[] values) where TEnum : struct, Enum =>
        "(" + string.Join(", ", values.Select(Q)) + ")";
}
