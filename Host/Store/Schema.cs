using Gateway.Application.Store;
using Gateway.Routing.Lifecycle;
using static Gateway.Store.StoreNames;
namespace Gateway.Store;

/// <summary>
/// Versioned schema. Each step runs once, in order, inside a transaction with its version row; append new
/// steps, never edit old ones.
/// </summary>
public static class Schema
{
    public static IReadOnlyList<(int Version, string Sql)> Steps(SqlDialect d) =>
    [
        (1, $"""
            CREATE TABLE cases (
                case_id TEXT PRIMARY KEY,
                portal TEXT NOT NULL,
                portal_application_no TEXT NOT NULL,
                content_hash TEXT NOT NULL,
                region TEXT NOT NULL,
                zone TEXT NULL,
                status TEXT NOT NULL,
                receipt_no TEXT NOT NULL,
                accepted_at BIGINT NOT NULL,
                updated_at BIGINT NOT NULL,
                application_json {d.JsonColumnType} NOT NULL,
                receipt_json {d.JsonColumnType} NOT NULL,
                UNIQUE (portal, portal_application_no));
            CREATE INDEX ix_cases_region_status ON cases (region, status, accepted_at);
            CREATE TABLE timeline (
                id {d.IdentityColumn},
                case_id TEXT NOT NULL,
                at BIGINT NOT NULL,
                type TEXT NOT NULL,
                actor TEXT NOT NULL,
                detail TEXT NULL,
                dispatch_id TEXT NULL);
            CREATE INDEX ix_timeline_case ON timeline (case_id, id);
            CREATE TABLE dispatches (
                dispatch_id TEXT PRIMARY KEY,
                case_id TEXT NOT NULL,
                ordinal INTEGER NOT NULL,
                counterpart_id TEXT NOT NULL,
                kind TEXT NOT NULL,
                service TEXT NULL,
                sla_step TEXT NOT NULL,
                status TEXT NOT NULL,
                external_ref TEXT NULL,
                created_at BIGINT NOT NULL,
                sent_at BIGINT NULL,
                acknowledged_at BIGINT NULL,
                due_at BIGINT NOT NULL,
                due_provisional INTEGER NOT NULL,
                overdue INTEGER NOT NULL,
                attempts INTEGER NOT NULL,
                last_error TEXT NULL,
                lease_until BIGINT NOT NULL,
                due_from BIGINT NOT NULL,
                sla_half_days INTEGER NOT NULL,
                warn_at BIGINT NOT NULL,
                warned_at BIGINT NULL,
                missed_at BIGINT NULL);
            CREATE INDEX ix_dispatches_warn ON dispatches (warned_at, warn_at);
            CREATE INDEX ix_dispatches_due ON dispatches (missed_at, due_at);
            CREATE INDEX ix_dispatches_case ON dispatches (case_id);
            CREATE INDEX ix_dispatches_lease ON dispatches (status, lease_until);
            CREATE INDEX ix_dispatches_counterpart ON dispatches (counterpart_id, status);
            CREATE TABLE outbox (
                message_id TEXT PRIMARY KEY,
                message_type TEXT NOT NULL,
                payload {d.JsonColumnType} NOT NULL,
                created_at BIGINT NOT NULL,
                published_at BIGINT NULL,
                claimed_by TEXT NULL,
                claimed_until BIGINT NULL);
            CREATE INDEX ix_outbox_unpublished ON outbox (published_at, created_at);
            CREATE TABLE nonces (
                access_key TEXT NOT NULL,
                nonce TEXT NOT NULL,
                expires_at BIGINT NOT NULL,
                PRIMARY KEY (access_key, nonce));
            CREATE TABLE failed_messages (
                id TEXT PRIMARY KEY,
                message_type TEXT NOT NULL,
                counterpart_id TEXT NOT NULL,
                case_id TEXT NOT NULL,
                dispatch_id TEXT NOT NULL,
                first_failed_at BIGINT NOT NULL,
                last_failed_at BIGINT NOT NULL,
                attempts INTEGER NOT NULL,
                reason TEXT NOT NULL,
                last_error TEXT NOT NULL,
                status TEXT NOT NULL,
                payload {d.JsonColumnType} NOT NULL,
                request_headers {d.JsonColumnType} NULL,
                request_body {d.JsonColumnType} NULL,
                replayed_by TEXT NULL,
                replayed_at BIGINT NULL,
                discarded_by TEXT NULL,
                discarded_at BIGINT NULL,
                discard_reason TEXT NULL);
            CREATE INDEX ix_failed_messages_status ON failed_messages (status, counterpart_id);
            CREATE TABLE failed_attempts (
                id {d.IdentityColumn},
                failed_message_id TEXT NOT NULL,
                at BIGINT NOT NULL,
                error TEXT NOT NULL);
            CREATE INDEX ix_failed_attempts_message ON failed_attempts (failed_message_id, id);
            CREATE TABLE portal_callbacks (
                event_id TEXT PRIMARY KEY,
                case_id TEXT NOT NULL,
                portal TEXT NOT NULL,
                event TEXT NOT NULL,
                payload {d.JsonColumnType} NOT NULL,
                status TEXT NOT NULL,
                created_at BIGINT NOT NULL,
                sent_at BIGINT NULL,
                attempts INTEGER NOT NULL,
                last_error TEXT NULL);
            CREATE INDEX ix_portal_callbacks_case ON portal_callbacks (case_id, created_at);
            """),
        // Routing policy: the case's outer-works paths, receipts, costs, survey and rating; approval questions and
        // follow-up dispatches; counterpart progress; inbound event ids (the inbox that makes callbacks idempotent).
        (2, $"""
            CREATE TABLE case_policies (
                case_id TEXT PRIMARY KEY,
                policy_json {d.JsonColumnType} NOT NULL,
                rating_json {d.JsonColumnType} NULL,
                updated_at BIGINT NOT NULL);
            ALTER TABLE dispatches ADD COLUMN question TEXT NULL;
            ALTER TABLE dispatches ADD COLUMN related_dispatch_id TEXT NULL;
            ALTER TABLE dispatches ADD COLUMN progress TEXT NULL;
            ALTER TABLE dispatches ADD COLUMN met_at BIGINT NULL;
            CREATE TABLE inbound_events (
                counterpart_id TEXT NOT NULL,
                event_id TEXT NOT NULL,
                dispatch_id TEXT NOT NULL,
                received_at BIGINT NOT NULL,
                PRIMARY KEY (counterpart_id, event_id));
            """),
        // Instances know each other: each running gateway beats in gateway_instances (times on the database's clock, so
        // instances' clocks need not agree); a send lease names its holder, so a dead holder's lease is taken over at once.
        (3, """
            CREATE TABLE gateway_instances (
                instance_id TEXT PRIMARY KEY,
                host TEXT NOT NULL,
                started_at BIGINT NOT NULL,
                heartbeat_at BIGINT NOT NULL,
                stopped_at BIGINT NULL);
            ALTER TABLE dispatches ADD COLUMN lease_holder TEXT NULL;
            """),
        // Housekeeping and the relay read only what they need: unpublished outbox rows in their own (partial) index, so a
        // claim never walks published ones; published rows and nonces by age, so the bounded purges find theirs at once.
        (4, """
            DROP INDEX ix_outbox_unpublished;
            CREATE INDEX ix_outbox_unpublished ON outbox (created_at, message_id) WHERE published_at IS NULL;
            CREATE INDEX ix_outbox_published ON outbox (published_at) WHERE published_at IS NOT NULL;
            CREATE INDEX ix_nonces_expires ON nonces (expires_at);
            """),
        // Rows a batch loop could not process (unreadable personal data, a malformed payload), set aside with the reason
        // so one bad row never stops a sweep, the relay or a consumer for the others; listed by GET /api/admin/parked.
        (5, """
            CREATE TABLE parked_rows (
                kind TEXT NOT NULL,
                row_id TEXT NOT NULL,
                case_id TEXT NULL,
                reason TEXT NOT NULL,
                detail TEXT NOT NULL,
                parked_at BIGINT NOT NULL,
                times INTEGER NOT NULL,
                PRIMARY KEY (kind, row_id));
            """),
        // Clocks: every timed step of the plans beyond a dispatch's own due time (joint survey, inspection, connection, plan,
        // commitment filing, road restoration): started, paused and stopped by case events, swept like dispatches.
        (6, """
            CREATE TABLE clocks (
                clock_id TEXT PRIMARY KEY,
                case_id TEXT NOT NULL,
                step TEXT NOT NULL,
                counterpart_id TEXT NOT NULL,
                dispatch_id TEXT NOT NULL,
                started_at BIGINT NOT NULL,
                due_from BIGINT NOT NULL,
                sla_half_days INTEGER NOT NULL,
                due_at BIGINT NULL,
                due_provisional INTEGER NOT NULL,
                warn_at BIGINT NULL,
                paused_until BIGINT NULL,
                not_before BIGINT NULL,
                met_at BIGINT NULL,
                warned_at BIGINT NULL,
                missed_at BIGINT NULL,
                overdue INTEGER NOT NULL,
                violation TEXT NULL,
                UNIQUE (case_id, step, counterpart_id));
            CREATE INDEX ix_clocks_warn ON clocks (warned_at, warn_at);
            CREATE INDEX ix_clocks_due ON clocks (missed_at, due_at);
            """),
        // Fee list (docs/lifecycle.md "Fee list"): each utility's current quote (revisions replace it until the list is issued)
        // and the case's one combined list with its single payment. Amounts are integers in fen.
        (7, $"""
            CREATE TABLE fee_quotes (
                case_id TEXT NOT NULL,
                counterpart_id TEXT NOT NULL,
                dispatch_id TEXT NOT NULL,
                service TEXT NULL,
                revision INTEGER NOT NULL,
                items_json {d.JsonColumnType} NOT NULL,
                applicant_fen BIGINT NOT NULL,
                quoted_at BIGINT NOT NULL,
                PRIMARY KEY (case_id, counterpart_id));
            CREATE TABLE fee_lists (
                case_id TEXT PRIMARY KEY,
                fee_list_id TEXT NOT NULL UNIQUE,
                status TEXT NOT NULL,
                lines_json {d.JsonColumnType} NOT NULL,
                applicant_total_fen BIGINT NOT NULL,
                issued_at BIGINT NOT NULL,
                paid_at BIGINT NULL,
                payment_ref TEXT NULL);
            """),
        // Bookings: the applicant's booked joint acceptance and connection, one row per round, with each utility's answer
        // (docs/lifecycle.md); written by the booking and answer transactions with the rest of their effects.
        (8, $"""
            CREATE TABLE bookings (
                booking_id TEXT PRIMARY KEY,
                case_id TEXT NOT NULL,
                round INTEGER NOT NULL,
                status TEXT NOT NULL,
                slot_start BIGINT NOT NULL,
                slot_end BIGINT NOT NULL,
                portal TEXT NOT NULL,
                requested_at BIGINT NOT NULL,
                settled_at BIGINT NULL,
                answers_json {d.JsonColumnType} NOT NULL,
                UNIQUE (case_id, round));
            """),
        // Intents (one per project of a region; their planning notices and timeline use the intent id as case_id) and
        // ratings (one row per case, service and utility told; the operators' view groups them by region and utility).
        (9, $"""
            CREATE TABLE intents (
                intent_id TEXT PRIMARY KEY,
                region TEXT NOT NULL,
                project_code TEXT NOT NULL,
                portal TEXT NOT NULL,
                portal_application_no TEXT NOT NULL,
                stage TEXT NOT NULL,
                status TEXT NOT NULL,
                content_hash TEXT NOT NULL,
                application_json {d.JsonColumnType} NOT NULL,
                registered_at BIGINT NOT NULL,
                updated_at BIGINT NOT NULL,
                case_id TEXT NULL,
                UNIQUE (region, project_code));
            CREATE INDEX ix_intents_case ON intents (case_id);
            CREATE TABLE ratings (
                case_id TEXT NOT NULL,
                service TEXT NOT NULL,
                counterpart_id TEXT NOT NULL,
                region TEXT NOT NULL,
                score INTEGER NOT NULL,
                comment TEXT NULL,
                rated_at BIGINT NOT NULL,
                dispatch_id TEXT NOT NULL,
                PRIMARY KEY (case_id, service, counterpart_id));
            CREATE INDEX ix_ratings_region ON ratings (region, counterpart_id);
            CREATE INDEX ix_ratings_dispatch ON ratings (dispatch_id);
            """),
        // Fewer and smaller indexes on dispatches (issue 19): every insert and status change writes each index. No query
        // selects dispatches by counterpart (the admin load sums over all rows); the deadline sweeps look for open steps
        // not yet warned or missed, so their indexes hold only those and the sweeps never walk finished dispatches.
        (10, """
            DROP INDEX ix_dispatches_counterpart;
            DROP INDEX ix_dispatches_warn;
            DROP INDEX ix_dispatches_due;
            CREATE INDEX ix_dispatches_warn_open ON dispatches (warn_at) WHERE warned_at IS NULL AND met_at IS NULL;
            CREATE INDEX ix_dispatches_due_open ON dispatches (due_at) WHERE missed_at IS NULL AND met_at IS NULL;
            """),
        // Room on each outbox page for the relay's claim (issue 19): the claim changes no indexed column, so with space on
        // the row's page PostgreSQL writes the new version there without new index entries (a HOT update); pages filled
        // to the brim at insert left no room, and each claim wrote an entry into every index. SQLite has no fill factor.
        (11, d == SqlDialect.Postgres ? "ALTER TABLE outbox SET (fillfactor = 50);" : "SELECT 1;"),
        // A take in place (issue 19): the take changes a dispatch's status and lease, and the stalled-dispatch recovery's
        // index held both, so every take wrote a new entry into each of the table's five indexes. The recovery now finds
        // its rows through `requeueable`, a column computed from the status that a take (PENDING to SENT) leaves as it
        // was, so no indexed value changes and, with room on the page, PostgreSQL writes the take's new version beside
        // the old one (a HOT update). SQLite rewrites only the indexes whose columns change and has no fill factor: there
        // the column is computed when read, and the old index stays.
        (12, d == SqlDialect.Postgres
            ? $"""
              ALTER TABLE dispatches ADD COLUMN requeueable BOOLEAN GENERATED ALWAYS AS (status IN {In(DeliveryRules.Requeueable)}) STORED;
              CREATE INDEX ix_dispatches_requeueable ON dispatches (created_at) WHERE requeueable;
              DROP INDEX ix_dispatches_lease;
              ALTER TABLE dispatches SET (fillfactor = 50);
              """
            : $"ALTER TABLE dispatches ADD COLUMN requeueable INTEGER GENERATED ALWAYS AS (status IN {In(DeliveryRules.Requeueable)}) VIRTUAL;"),
        // Smaller samples for autovacuum's ANALYZE of the tables every case writes (issue 19): re-analysing them as they churn
        // took a seventh of PostgreSQL's CPU under load, most of it sorting a 30,000-row sample once per column. Every query
        // on them goes by key or by a partial index, so a 3,000-row sample (the sample is 300 rows per point of the largest
        // target) plans them alike. A column added to these tables later needs the same target, or the sample grows back.
        (13, d == SqlDialect.Postgres
            ? """
              DO $$
              DECLARE c record;
              BEGIN
                  FOR c IN SELECT a.attrelid::regclass AS t, a.attname AS column_name FROM pg_attribute a
                           WHERE a.attrelid IN ('cases'::regclass, 'case_policies'::regclass, 'dispatches'::regclass, 'timeline'::regclass,
                                                'outbox'::regclass, 'portal_callbacks'::regclass, 'nonces'::regclass)
                             AND a.attnum > 0 AND NOT a.attisdropped
                  LOOP
                      EXECUTE format('ALTER TABLE %s ALTER COLUMN %I SET STATISTICS 10', c.t, c.column_name);
                  END LOOP;
              END $$;
              """
            : "SELECT 1;"),
        // The outbox vacuumed by a count of changed rows, not by a share of the table (issue 19): each published row leaves
        // a dead entry in the unpublished rows' index, and the relay's claim walks them all from the oldest until a vacuum
        // removes them. By default autovacuum waits until a fifth of the table has changed, which a table holding a day of
        // published rows reaches only after hours, so the claim grew slower as the store grew. Now it is vacuumed once
        // 10,000 rows have changed (at most every autovacuum_naptime), and always with its indexes, which PostgreSQL
        // otherwise skips when few heap pages hold dead rows.
        (14, d == SqlDialect.Postgres
            ? "ALTER TABLE outbox SET (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 10000, vacuum_index_cleanup = on);"
            : "SELECT 1;"),
    ];
}
