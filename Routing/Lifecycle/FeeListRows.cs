using Gateway.Contracts.Cases;
using Gateway.Contracts.Lifecycle;

namespace Gateway.Routing.Lifecycle;

/// <summary>One quoted item: amount in fen (an integer, never floating point), who bears it, inside or outside the red line.</summary>
public sealed record FeeItem(string? Code, string Name, long AmountFen, CostBearer Bearer, FeeScope Scope);

/// <summary>A utility's current quote on a case (the latest revision replaces the earlier ones until the list is issued).</summary>
public sealed record FeeQuote(string CounterpartId, string DispatchId, string? Service, int Revision, IReadOnlyList<FeeItem> Items, long QuotedAt)
{
    /// <summary>What this quote charges the applicant, in fen.</summary>
    public long ApplicantFen => Items.Where(i => i.Bearer == CostBearer.Applicant).Sum(i => i.AmountFen);
}

/// <summary>One line of the combined list: the item and whose quote it came from.</summary>
public sealed record FeeListLine(string CounterpartId, string? Service, FeeItem Item);

/// <summary>The case's one fee list: issued once every utility has quoted, then paid once.</summary>
public sealed record FeeListRecord(string FeeListId, FeeListStatus Status, long ApplicantTotalFen, IReadOnlyList<FeeListLine> Lines,
    long IssuedAt, long? PaidAt, string? PaymentRef)
{
    /// <summary>The applicant's part of <paramref name="counterpartId"/>'s quote, in fen.</summary>
    public long ApplicantFenOf(string counterpartId) =>
        Lines.Where(l => l.CounterpartId == counterpartId && l.Item.Bearer == CostBearer.Applicant).Sum(l => l.Item.AmountFen);
}

/// <summary>The case as a fee event finds it, read under the case's lock in the transaction that applies the effects.</summary>
public sealed record FeeSnapshot(CaseRow Case, CasePolicyDocument Policy, IReadOnlyList<DispatchRow> Dispatches,
    IReadOnlyList<FeeQuote> Quotes, FeeListRecord? List, long Now);

/// <summary>
/// A fee event refused: with field errors it is the caller's content (422), without them the case's state (409).
/// Nothing of the event is stored.
/// </summary>
public sealed record FeeRefusal(string Code, string Message, IReadOnlyList<(string Field, string Message)> Fields)
{
    public bool FieldLevel => Fields.Count > 0;
}

/// <summary>What a quote or a payment changes, decided by <see cref="FeeListRules"/> and written by the store in one transaction.</summary>
public sealed class FeeEffects
{
    public FeeRefusal? Refusal { get; private init; }
    /// <summary>A repeat of what is already recorded (the same payment confirmed again): nothing changes.</summary>
    public bool Duplicate { get; private init; }
    /// <summary>The quote to store (insert, or replace the utility's earlier revision).</summary>
    public FeeQuote? Quote { get; init; }
    /// <summary>The list to store: issued (inserted) or paid (updated).</summary>
    public FeeListRecord? List { get; init; }
    /// <summary>Timeline entries and new dispatches (the fee notices), applied as any case effects.</summary>
    public CaseEffects Case { get; } = new();
    /// <summary>The FEE_LIST_ISSUED callback's list, when this event issued it.</summary>
    public Contracts.Messages.FeeListNotice? IssuedNotice { get; init; }

    public static FeeEffects Refuse(string code, string message, params (string Field, string Message)[] fields) =>
        new() { Refusal = new FeeRefusal(code, message, fields) };

    public static readonly FeeEffects Repeat = new() { Duplicate = true };
}
