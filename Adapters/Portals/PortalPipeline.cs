using Gateway.Adapters.Portals.Validation;
using Gateway.Adapters.Security;
using Gateway.Contracts.Cases;
using Gateway.Contracts.Intake;
using Microsoft.AspNetCore.Http;

namespace Gateway.Adapters.Portals;

/// <summary>
/// The one intake path of every portal: read the signed body (media type, then its format) → validate → map to the
/// canonical application → accept → answer. A portal plugs in its reader, validator, mapper and answers. Who may call
/// is not checked here: it is declared on the route and enforced by the signed-request filter before this runs.
/// </summary>
public sealed class PortalPipeline<TWire>(
    PortalReader<TWire> read,
    Func<TWire, FieldErrors> validate,
    Func<TWire, HookupApplication> map,
    IntakeAnswers answers) where TWire : class
{
    /// <summary>Runs a signed request whose caller the route's filter has admitted.</summary>
    public Task<IResult> HandleAsync(HttpContext http, IApplicationIntake intake) =>
        RunAsync(http.Request, SignedRequest.BodyOf(http), intake, http.RequestAborted);

    public async Task<IResult> RunAsync(HttpRequest request, byte[] body, IApplicationIntake intake, CancellationToken cancellationToken)
    {
        var (wire, problem) = read(request, body);
        if (wire is null) return problem!;

        var errors = validate(wire);
        if (errors.Any) return answers.Invalid(errors.All);

        return answers.Accepted(await intake.AcceptAsync(map(wire), cancellationToken));
    }
}
