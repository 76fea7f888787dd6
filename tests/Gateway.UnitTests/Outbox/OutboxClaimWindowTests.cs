using Gateway.Application.Outbox;

namespace Gateway.UnitTests.Outbox;

public sealed class OutboxClaimWindowTests
{
    private const long T = 1_800_000_000_000;
    private static OutboxClaimWindow Window() => new(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2));

    [Fact]
    public void The_first_claim_looks_at_every_row()
    {
        Assert.Null(Window().CreatedFrom(T));
    }

    [Fact]
    public void After_a_full_claim_that_found_all_there_was_claims_look_from_the_commit_lag_before_it_until_the_next_full_one()
    {
        var window = Window();
        window.Claimed(T, createdFrom: null, rows: 3, max: 200);
        Assert.Equal(T - 2_000, window.CreatedFrom(T + 10));
        Assert.Equal(T - 2_000, window.CreatedFrom(T + 999));
        window.Claimed(T + 999, createdFrom: T - 2_000, rows: 0, max: 200);
        Assert.Null(window.CreatedFrom(T + 1_000));
    }

    [Fact]
    public void A_full_claim_that_returned_a_full_batch_is_followed_by_another_full_claim()
    {
        var window = Window();
        window.Claimed(T, createdFrom: null, rows: 200, max: 200);
        Assert.Null(window.CreatedFrom(T + 10));
    }

    [Fact]
    public void A_claim_from_a_creation_time_does_not_move_the_window()
    {
        var window = Window();
        window.Claimed(T, createdFrom: null, rows: 0, max: 200);
        window.Claimed(T + 500, createdFrom: T - 2_000, rows: 7, max: 200);
        Assert.Equal(T - 2_000, window.CreatedFrom(T + 900));
        Assert.Null(window.CreatedFrom(T + 1_000));
    }

    [Fact]
    public void A_clock_moved_back_makes_the_next_claim_full()
    {
        var window = Window();
        window.Claimed(T, createdFrom: null, rows: 0, max: 200);
        Assert.Null(window.CreatedFrom(T - 86_400_000));
    }
}
