namespace Gateway.Routing.Regions;

/// <summary>
/// The <c>booking</c> section of a region file: the region offers booked joint acceptance and connection
/// (docs/lifecycle.md), and <c>source</c> quotes the plan clause that promises it. No section, no booking.
/// </summary>
internal sealed class BookingSection
{
    public string? Source { get; set; }

    public static BookingOffer? Read(BookingSection? section, Action<string, string> problem)
    {
        if (section is null) return null;
        if (string.IsNullOrWhiteSpace(section.Source))
        {
            problem("booking", "needs a source quoting the plan clause that offers booking");
            return null;
        }
        return new BookingOffer(section.Source.Trim());
    }
}

/// <summary>The region offers booked joint acceptance and connection, per this plan clause.</summary>
public sealed record BookingOffer(string Source);
