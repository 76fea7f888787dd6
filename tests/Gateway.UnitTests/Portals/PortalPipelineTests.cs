using Gateway.Adapters.Http;
using Gateway.Adapters.Portals;
using Gateway.Adapters.Portals.Validation;
using Gateway.Contracts.Cases;
using Gateway.Contracts.Intake;
using Microsoft.AspNetCore.Http;

namespace Gateway.UnitTests.Portals;

/// <summary>The portal pipeline's order: read → validate → map → accept, each step stopping the ones after it.</summary>
public sealed class PortalPipelineTests
{
    private sealed record Wire(string No);

    private sealed class RecordingIntake : IApplicationIntake
    {
        public List<HookupApplication> Accepted { get; } = [];

        public Task<IntakeOutcome> AcceptAsync(HookupApplication application, CancellationToken cancellationToken)
        {
            Accepted.Add(application);
            return Task.FromResult(new IntakeOutcome(IntakeResultKind.Conflict, null, "HK-1"));
        }
    }

    private static readonly IResult Unreadable = Results.StatusCode(StatusCodes.Status415UnsupportedMediaType);
    private static readonly IResult Invalid = Results.StatusCode(StatusCodes.Status400BadRequest);
    private static readonly IResult Answered = Results.StatusCode(StatusCodes.Status409Conflict);

    private readonly RecordingIntake _intake = new();
    private readonly List<string> _steps = [];

    private PortalPipeline<Wire> Pipeline(bool readable = true, bool valid = true) => new(
        (_, body) => { _steps.Add("read"); return readable ? (new Wire(System.Text.Encoding.UTF8.GetString(body)), null) : (null, Unreadable); },
        wire =>
        {
            _steps.Add("validate");
            var errors = new FieldErrors();
            if (!valid) errors.Add("no", ErrorCodes.Required, "缺少编号");
            return errors;
        },
        wire => { _steps.Add("map"); return new HookupApplication { PortalApplicationNo = wire.No }; },
        new IntakeAnswers(_ => Invalid, outcome => { _steps.Add($"answer {outcome.Kind}"); return Answered; }));

    private Task<IResult> RunAsync(PortalPipeline<Wire> pipeline) =>
        pipeline.RunAsync(new DefaultHttpContext().Request, "A-1"u8.ToArray(), _intake, CancellationToken.None);

    [Fact]
    public async Task A_readable_valid_application_is_mapped_accepted_and_answered_from_the_outcome()
    {
        Assert.Same(Answered, await RunAsync(Pipeline()));
        Assert.Equal(["read", "validate", "map", "answer Conflict"], _steps);
        Assert.Equal("A-1", Assert.Single(_intake.Accepted).PortalApplicationNo);
    }

    [Fact]
    public async Task The_readers_problem_is_the_answer_and_nothing_is_validated_or_accepted()
    {
        Assert.Same(Unreadable, await RunAsync(Pipeline(readable: false)));
        Assert.Equal(["read"], _steps);
        Assert.Empty(_intake.Accepted);
    }

    [Fact]
    public async Task Validation_problems_are_answered_before_mapping_and_nothing_is_accepted()
    {
        Assert.Same(Invalid, await RunAsync(Pipeline(valid: false)));
        Assert.Equal(["read", "validate"], _steps);
        Assert.Empty(_intake.Accepted);
    }
}
