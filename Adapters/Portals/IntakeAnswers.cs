using Gateway.Adapters.Http;
using Gateway.Contracts.Intake;
using Microsoft.AspNetCore.Http;

namespace Gateway.Adapters.Portals;

/// <summary>How a portal hears validation problems and the intake outcome: REST problems here, SOAP at its portal.</summary>
public sealed record IntakeAnswers(Func<IReadOnlyList<FieldError>, IResult> Invalid, Func<IntakeOutcome, IResult> Accepted)
{
    public static readonly IntakeAnswers Rest = new(Problems.Validation, IntakeResponses.From);
}
