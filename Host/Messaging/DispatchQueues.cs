namespace Gateway.Host.Messaging;

/// <summary>One queue per counterpart, so a slow or failing utility never holds up another's work orders.</summary>
public static class DispatchQueues
{
    public static string NameFor(string counterpartId) => $"dispatch-{counterpartId}";

    public static Uri AddressFor(string counterpartId) => new($"queue:{NameFor(counterpartId)}");
}
