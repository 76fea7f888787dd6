using Gateway.Fakes;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Gateway.Routing.Regions;
using Npgsql;

namespace Gateway.Bench;

/// <summary>
/// One profile end to end: fake ERPs, a fresh gateway process (fresh SQLite file, or fresh PostgreSQL database and
/// queue prefix on the given RabbitMQ), a warm-up, the load, the drain until every work order is acknowledged, the
/// store's own count of DISPATCHED cases, then the transport baselines on the same broker.
/// </summary>
public static class ProfileRun
{
    private const string AdminToken = "bench-operator-token-0001";

    public static async Task<ProfileResult> RunAsync(BenchProfile profile, BenchOptions options, string command)
    {
        var started = DateTimeOffset.Now;
        var work = Directory.CreateTempSubdirectory($"gateway-bench-{profile.ToString().ToLowerInvariant()}-").FullName;
        var configDir = options.ConfigDir;
        var catalog = RegionCatalog.LoadDirectory(Path.Combine(configDir, "regions"));
        var templates = ApplicationTemplates.Load(Path.Combine(configDir, "samples"));
        string PortalSecret(string portal) => $"bench-secret-{portal}";

        string? rabbit = null, database = null, queuePrefix = null;
        var args = new List<string>
        {
            $"--Gateway:ConfigDir={configDir}",
            $"--Gateway:LogDirectory={Path.Combine(work, "logs")}",
            "--Gateway:Sandbox:Enabled=false",
            $"--Gateway:Admin:Tokens:0:Token={AdminToken}",
            "--Gateway:Admin:Tokens:0:Role=operator",
            "--Gateway:Admin:Tokens:0:Name=bench",
        };
        if (profile == BenchProfile.Prod)
        {
            var postgres = Require("GATEWAY_TEST_POSTGRES");
            rabbit = Require("GATEWAY_TEST_RABBITMQ");
            database = "bench_" + Guid.NewGuid().ToString("N")[..12];
            queuePrefix = "bench" + Guid.NewGuid().ToString("N")[..6] + "-";
            await using (var connection = new NpgsqlConnection(postgres))
            {
                await connection.OpenAsync();
                await using var create = new NpgsqlCommand($"CREATE DATABASE {database}", connection);
                await create.ExecuteNonQueryAsync();
            }
            args.AddRange([
                "--Gateway:Profile=Production", "--Gateway:Store=Postgres",
                $"--ConnectionStrings:Store={new NpgsqlConnectionStringBuilder(postgres) { Database = database }.ConnectionString}",
                "--Gateway:Transport=RabbitMq", $"--ConnectionStrings:RabbitMq={rabbit}", $"--Gateway:Bus:QueuePrefix={queuePrefix}",
                // Production stores personal data SM4-encrypted and refuses to start without a (non-development) key.
                $"--Gateway:DataProtection:Keys:bench-key={Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16))}",
                "--Gateway:DataProtection:CurrentKeyId=bench-key",
            ]);
        }
        else
        {
            args.Add($"--ConnectionStrings:Store=Data Source={Path.Combine(work, "gateway.db")}");
        }

        await using var erp = await FakeCounterpart.StartAsync("bench-erp", recordRequests: false);
        foreach (var counterpart in catalog.Counterparts)
        {
            args.Add($"--Gateway:Counterparts:{counterpart.Id}:BaseUrl={erp.BaseUrlFor(counterpart.Id)}");
            args.Add($"--Gateway:Counterparts:{counterpart.Id}:Secret=bench-secret-{counterpart.Id}");
        }
        foreach (var portal in templates.Select(t => t.Portal).Distinct())
            args.Add($"--Gateway:Callers:{portal}:Secret={PortalSecret(portal)}");
        args.AddRange(options.GatewayArgs);

        Console.WriteLine($"[{profile}] starting the gateway ({options.GatewayDll}), work dir {work}");
        List<PushRecord> records;
        Dictionary<string, double> cpu;
        double pushSeconds;
        int dispatchedInStore;
        var warmed = 0;
        WarmupCheck warmup;
        GcDuringRun gc;
        StatementCounts? statements = null;
        var statementCounter = database is null ? null : new StatementCounter(Require("GATEWAY_TEST_POSTGRES"), database);
        await using (var gateway = await GatewayProcess.StartAsync(profile.ToString().ToLowerInvariant(), args, work, TimeSpan.FromSeconds(90), new GatewayLaunch
               {
                   HostAssembly = options.GatewayDll,
                   // No environment of its own: the gateway runs with the GC its runtimeconfig names, so the bench measures what ships.
                   LogFile = Path.Combine(work, "gateway-console.log"),
               }))
        {
            var driver = new LoadDriver(gateway.BaseUrl, templates, PortalSecret);
            if (options.Prefill > 0 && database is not null)
                Console.WriteLine(await StorePrefill.RunAsync(new NpgsqlConnectionStringBuilder(Require("GATEWAY_TEST_POSTGRES")) { Database = database }.ConnectionString,
                    options.Prefill, TimeProvider.System.GetUtcNow().ToUnixTimeMilliseconds())); // finished before the live gateway's now

            // Warm-up: JIT, connection pools, queues; not measured.
            var warm = new List<PushRecord>();
            for (var i = 0; i < 3 * templates.Count; i++) warm.Add(await driver.PushOneAsync(CancellationToken.None));
            var warmErrors = warm.Where(r => r.Error is not null).Select(r => r.Error!).ToList();
            if (warmErrors.Count > 0) throw new InvalidOperationException($"warm-up pushes failed (see {gateway.LogFile}):\n  " + string.Join("\n  ", warmErrors.Take(5)));
            await DrainAsync(erp, warm, TimeSpan.FromSeconds(60));

            if (options.WarmupSeconds > 0)
            {
                Console.WriteLine($"[{profile}] warm-up: the same load for {options.WarmupSeconds} s, not measured");
                var warmLoad = await driver.RunAsync(options with { Seconds = options.WarmupSeconds, Count = null }, CancellationToken.None);
                // Flat out, intake runs ahead of dispatch: the measured run starts only once the warm-up's backlog is sent,
                // or its CPU would be charged to the measured cases.
                await DrainAsync(erp, warmLoad, TimeSpan.FromSeconds(Math.Max(options.DrainSeconds, 3 * options.WarmupSeconds)));
                warmed += warmLoad.Count(r => r.Status == 201);
            }

            Console.WriteLine($"[{profile}] load: {(options.Rate > 0 ? $"{options.Rate}/s paced" : $"flat out, {options.Concurrency} pushers")} for {options.Seconds} s{(options.Count is { } c ? $" or {c} applications" : "")}");
            if (statementCounter is not null) await statementCounter.ResetAsync();
            var meter = new CpuMeter(gateway.Pid);
            var runtimeAtStart = await GatewayRuntime.ReadAsync(gateway.BaseUrl, AdminToken);
            var pushStart = Stopwatch.GetTimestamp();
            // Two halves, so that the CPU per case of each shows whether the warm-up had settled (see WarmupCheck).
            var half = options with { Seconds = Math.Max(1, options.Seconds / 2), Count = options.Count / 2 };
            var first = await driver.RunAsync(half, CancellationToken.None);
            var midCpu = meter.Since();
            var second = await driver.RunAsync(half with { Count = options.Count is { } n ? n - n / 2 : null }, CancellationToken.None);
            var endCpu = meter.Since();
            var jitMs = (await GatewayRuntime.ReadAsync(gateway.BaseUrl, AdminToken)).JitMs - runtimeAtStart.JitMs;
            records = [.. first, .. second];
            warmup = WarmupCheck.Of(first, second, midCpu, endCpu, jitMs);
            pushSeconds = Stopwatch.GetElapsedTime(pushStart).TotalSeconds;
            Console.WriteLine($"[{profile}] pushed {records.Count} in {pushSeconds:0.0} s; draining (up to {options.DrainSeconds} s)");
            await DrainAsync(erp, records, TimeSpan.FromSeconds(options.DrainSeconds));
            cpu = meter.Since();
            gc = (await GatewayRuntime.ReadAsync(gateway.BaseUrl, AdminToken)).GcSince(runtimeAtStart);
            Console.WriteLine($"[{profile}] GC during the run: {string.Join(" / ", gc.Collections)} collections of generation 0 / 1 / 2, paused {gc.PauseMs:0} ms");
            if (statementCounter is not null) statements = await statementCounter.ReadAsync();
            dispatchedInStore = await CountDispatchedAsync(gateway.BaseUrl) - warm.Count - warmed;
        }
        Console.WriteLine($"[{profile}] gateway stopped");

        var result = Summarize(profile, options, command, started, records, erp, pushSeconds, cpu, dispatchedInStore) with
        {
            Warmup = warmup,
            Gc = gc,
            Statements = statements,
            Prefilled = options.Prefill,
        };
        if (statements is not null && result.CasesCompleted > 0)
        {
            // Printed whether or not the run is reported: counts do not depend on a settled warm-up or a quiet machine.
            Console.WriteLine($"[{profile}] {statements.Statements / (double)result.CasesCompleted:0.0} statements and " +
                              $"{statements.Commits / (double)result.CasesCompleted:0.0} commits per case ({result.CasesCompleted} cases); most called:");
            foreach (var s in statements.Top ?? [])
                Console.WriteLine($"    {s.Calls / (double)result.CasesCompleted,6:0.00}/case  rows {s.Rows / (double)Math.Max(1, s.Calls),7:0.0}/call  {s.TotalMs,8:0} ms  {s.Buffers / (double)Math.Max(1, s.Calls),8:0.0} buffers/call  {s.Query}");
            Console.WriteLine($"[{profile}] rows written per case by table (HOT: updates in place), and autovacuum's runs in the window:");
            foreach (var t in statements.Tables ?? [])
                Console.WriteLine($"    {t.Table,-18} inserted {t.Inserted / (double)result.CasesCompleted,5:0.0}  updated {t.Updated / (double)result.CasesCompleted,5:0.0} " +
                                  $"(HOT {100.0 * t.HotUpdated / Math.Max(1, t.Updated),3:0} %)  deleted {t.Deleted / (double)result.CasesCompleted,5:0.0}  vacuums {t.Vacuums,3}  analyses {t.Analyses,3}");
        }
        var workOrders = Math.Max(1000, Math.Min(result.WorkOrders, 200_000));
        var baselines = new List<BaselineResult>();
        if (!options.SkipBaseline)
        {
            Console.WriteLine($"[{profile}] baselines: {workOrders} messages");
            baselines.Add(await MassTransitBaseline.RunAsync(rabbit, workOrders, prefetch: 64, concurrency: 32, TimeSpan.FromSeconds(300)));
            if (rabbit is not null) baselines.Add(await RawRabbitBaseline.RunAsync(rabbit, workOrders, TimeSpan.FromSeconds(300)));
        }
        if (profile == BenchProfile.Prod) await CleanUpAsync(rabbit!, queuePrefix!, database!, catalog);
        try { Directory.Delete(work, recursive: true); } catch (IOException) { }
        return result with { Baselines = baselines };
    }

    private static async Task DrainAsync(FakeCounterpart erp, IReadOnlyList<PushRecord> records, TimeSpan timeout)
    {
        var ids = records.SelectMany(r => r.DispatchIds).ToList();
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline && ids.Any(id => !erp.TryGetFirstAck(id, out _))) await Task.Delay(50);
    }

    private static async Task<int> CountDispatchedAsync(Uri gateway)
    {
        using var http = new HttpClient { BaseAddress = gateway };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AdminToken);
        // Acknowledgements are recorded just after the ERP answers; give the last ones a moment.
        var last = -1;
        for (var i = 0; i < 50; i++)
        {
            var page = JsonNode.Parse(await http.GetStringAsync("/api/cases?status=DISPATCHED&pageSize=1"))!;
            var total = (int)page["total"]!;
            if (total == last) return total;
            last = total;
            await Task.Delay(200);
        }
        return last;
    }

    private static ProfileResult Summarize(BenchProfile profile, BenchOptions options, string command, DateTimeOffset started,
        List<PushRecord> records, FakeCounterpart erp, double pushSeconds, Dictionary<string, double> cpu, int dispatchedInStore)
    {
        static double Ms(long from, long to) => Math.Max(0, Stopwatch.GetElapsedTime(from, to).TotalMilliseconds);
        var accepted = records.Where(r => r.Status == 201).ToList();
        var firstPush = records.Count > 0 ? records.Min(r => r.Started) : 0;
        var completion = new List<double>();
        long lastAck = firstPush;
        var workOrders = 0;
        foreach (var r in accepted)
        {
            var acks = r.DispatchIds.Select(id => erp.TryGetFirstAck(id, out var t) ? t : (long?)null).ToList();
            workOrders += acks.Count(a => a is not null);
            if (acks.Count == 0 || acks.Any(a => a is null)) continue;
            var all = acks.Max()!.Value;
            lastAck = Math.Max(lastAck, all);
            completion.Add(Ms(r.Answered, all));
        }
        var endToEnd = Stopwatch.GetElapsedTime(firstPush, Math.Max(lastAck, records.Count > 0 ? records.Max(r => r.Answered) : firstPush)).TotalSeconds;
        var errors = records.Where(r => r.Error is not null).Select(r => r.Error!).ToList();
        var incomplete = accepted.Count - completion.Count;
        if (incomplete > 0) errors.Add($"{incomplete} accepted cases not fully acknowledged within the drain time");
        return new ProfileResult
        {
            Profile = profile.ToString().ToLowerInvariant(),
            Mode = options.Rate > 0 ? $"paced {options.Rate}/s" : $"flat out, {options.Concurrency} pushers",
            StartedAt = started,
            Machine = MachineInfo.Read(),
            Command = command,
            GatewayArgs = options.GatewayArgs,
            Pushed = records.Count,
            Accepted = accepted.Count,
            CasesCompleted = completion.Count,
            CasesDispatchedInStore = dispatchedInStore,
            WorkOrders = workOrders,
            Errors = records.Count(r => r.Error is not null) + incomplete,
            ErrorSamples = errors.Take(5).ToList(),
            AcceptedPerPortal = accepted.GroupBy(r => r.Portal).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count()),
            PushSeconds = Math.Round(pushSeconds, 2),
            EndToEndSeconds = Math.Round(endToEnd, 2),
            IntakePerSecond = Math.Round(accepted.Count / pushSeconds, 1),
            CasesPerSecond = endToEnd > 0 ? Math.Round(completion.Count / endToEnd, 1) : 0,
            WorkOrdersPerSecond = endToEnd > 0 ? Math.Round(workOrders / endToEnd, 1) : 0,
            IntakeMs = LatencySummary.Of(accepted.Select(r => Ms(r.Started, r.Answered))),
            ReceiptToAllAcknowledgedMs = LatencySummary.Of(completion),
            CpuSeconds = cpu,
            Baselines = [],
        };
    }

    private static async Task CleanUpAsync(string rabbit, string queuePrefix, string database, RegionCatalog catalog)
    {
        try
        {
            foreach (var queue in catalog.Counterparts.Select(c => $"{queuePrefix}dispatch-{c.Id}").Append($"{queuePrefix}portal-callbacks"))
                await RawRabbitBaseline.DeleteQueueAsync(rabbit, queue);
            await using var connection = new NpgsqlConnection(Require("GATEWAY_TEST_POSTGRES"));
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {database} WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
        catch (Exception ex)
        {
            Console.WriteLine($"cleanup: {ex.Message}");
        }
    }

    private static string Require(string variable) =>
        Environment.GetEnvironmentVariable(variable) is { Length: > 0 } v ? v
            : throw new InvalidOperationException($"{variable} is not set: run the prod profile through ./bench.sh (scripts/test-services.sh starts PostgreSQL and RabbitMQ)");
}
