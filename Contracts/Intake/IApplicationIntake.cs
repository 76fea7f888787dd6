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

public enum IntakeResultKind { Created, Duplicate, Conflict }

public sealed record IntakeOutcome(IntakeResultKind Kind, IntakeReceipt? Receipt, string? ConflictCaseId = null);
