using System.Data.Common;
using Dapper;
using Gateway.Application.Store;
using Gateway.Contracts;
using Gateway.Contracts.Cases;
using Gateway.Routing.Lifecycle;

namespace Gateway.Store;

/// <summary>Ratings per utility: decided under the case's lock by <see cref="RatingRules"/>, written with their notices.</summary>
public sealed partial class SqlGatewayStore
{
    public async Task<(RatingRules.Verdict Verdict, IReadOnlyList<string> Utilities)> SaveServiceRatingAsync(string caseId, ServiceType service, int score,
        string? comment, long at, string actor, LifecycleSettings settings, CancellationToken cancellationToken)
    {
        await using var db = await OpenAsync(cancellationToken);
        await using var tx = await db.BeginTransactionAsync(cancellationToken);
        var (@case, dispatches) = await LockAndReadCaseAsync(db, tx, caseId);
        var existing = (await ReadRatingsAsync(db, tx, caseId)).FirstOrDefault(r => r.Service == service);
        var (verdict, utilities) = RatingRules.Decide(dispatches, service, existing, score, comment);
        if (verdict != RatingRules.Verdict.Accept)
        {
            await tx.RollbackAsync(cancellationToken);
            return (verdict, existing?.CounterpartIds ?? []);
        }
        var effects = new CaseEffects();
        var next = dispatches.Count == 0 ? 0 : dispatches.Max(d => d.Ordinal) + 1;
        effects.NewDispatches.AddRange(RatingRules.Notices(utilities, service).Select((p, i) => NewDispatch.From(p, caseId, next + i, at, settings)));
        effects.Timeline.Add(RatingRules.Rated(service, score, utilities, actor, at));
        await ApplyEffectsAsync(db, tx, @case, dispatches, effects, at);
        await db.ExecuteAsync("""
            INSERT INTO ratings (case_id, service, counterpart_id, region, score, comment, rated_at, dispatch_id)
            VALUES (@caseId, @Service, @CounterpartId, @Region, @score, @comment, @at, @DispatchId)
            """, effects.NewDispatches.Select(d => new
            {
                caseId, Service = WireName.Of(service), d.CounterpartId, @case.Region, score, comment, at, d.DispatchId,
            }), tx);
        await tx.CommitAsync(cancellationToken);
        return (verdict, utilities);
    }

    public async Task<IReadOnlyList<ServiceRating>> GetServiceRatingsAsync(string caseId, CancellationToken cancellationToken)
    {
        await using var db = await OpenAsync(cancellationToken);
        await using var tx = await db.BeginTransactionAsync(cancellationToken);
        var ratings = await ReadRatingsAsync(db, tx, caseId);
        await tx.CommitAsync(cancellationToken);
        return ratings;
    }

    public async Task<ServiceRating?> GetRatingOfNoticeAsync(string dispatchId, CancellationToken cancellationToken)
    {
        await using var db = await OpenAsync(cancellationToken);
        var row = await db.QuerySingleOrDefaultAsync<RatingRow>(new CommandDefinition(
            $"SELECT {RatingColumns} FROM ratings WHERE dispatch_id = @dispatchId", new { dispatchId }, cancellationToken: cancellationToken));
        return row is null ? null : new ServiceRating(WireName.Parse<ServiceType>(row.Service), row.Score, row.Comment, At(row.RatedAt), [row.CounterpartId]);
    }

    public async Task<IReadOnlyList<RatingAggregateRow>> AggregateRatingsAsync(string? region, CancellationToken cancellationToken)
    {
        await using var db = await OpenAsync(cancellationToken);
        return (await db.QueryAsync<RatingAggregateRow>(new CommandDefinition($"""
            SELECT region AS Region, counterpart_id AS CounterpartId, service AS Service, COUNT(*) AS Count, AVG(CAST(score AS DOUBLE PRECISION)) AS Average
            FROM ratings {(region is null ? "" : "WHERE region = @region")}
            GROUP BY region, counterpart_id, service
            ORDER BY region, counterpart_id, service
            """, new { region }, cancellationToken: cancellationToken))).AsList();
    }

    private const string RatingColumns = """
        case_id AS CaseId, service AS Service, counterpart_id AS CounterpartId, score AS Score, comment AS Comment, rated_at AS RatedAt
        """;

    private static async Task<IReadOnlyList<ServiceRating>> ReadRatingsAsync(DbConnection db, DbTransaction tx, string caseId)
    {
        var rows = await db.QueryAsync<RatingRow>($"SELECT {RatingColumns} FROM ratings WHERE case_id = @caseId ORDER BY service, counterpart_id",
            new { caseId }, tx);
        return rows.GroupBy(r => r.Service).Select(g =>
        {
            var first = g.First();
            return new ServiceRating(WireName.Parse<ServiceType>(first.Service), first.Score, first.Comment, At(first.RatedAt),
                g.Select(r => r.CounterpartId).ToList());
        }).ToList();
    }

    private static DateTimeOffset At(long unixMs) => DateTimeOffset.FromUnixTimeMilliseconds(unixMs).ToOffset(TimeSpan.FromHours(8));

    private sealed class RatingRow
    {
        public string CaseId { get; set; } = "";
        public string Service { get; set; } = "";
        public string CounterpartId { get; set; } = "";
        public int Score { get; set; }
        public string? Comment { get; set; }
        public long RatedAt { get; set; }
    }
}
