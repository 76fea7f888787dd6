using Gateway.Contracts.Cases;

namespace Gateway.Contracts.Intake;

/// <summary>
/// The port every portal adapter hands a validated, mapped application to. The implementation plans
/// the fan-out and commits case, timeline, dispatches and outbox in one transaction.
/// </summary>
public interface IApplicationIntake
{
    Task<IntakeOutcome> AcceptAsync(HookupApplication application, CancellationToken cancellationToken);
}

/// <summary>
/// Created / Duplicate / Conflict: a case (new, repeated, number reused with other content); Intent: an early-stage demand
/// registered (or updated, or repeated) as an intent, whose receipt is <see cref="IntakeOutcome.Intent"/>.
/// </summary>
public enum IntakeResultKind { Created, Duplicate, Conflict, Intent }

public sealed record IntakeOutcome(IntakeResultKind Kind, IntakeReceipt? Receipt, string? ConflictCaseId = null, IntentReceipt? Intent = null);
