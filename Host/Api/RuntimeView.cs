using System.ComponentModel;

namespace Gateway.Host.Api;

/// <summary>The shape of <c>GET /api/admin/runtime</c>: this process's JIT and GC counters, cumulative since it started.</summary>
[Description("本实例运行时计数 (this instance's runtime counters since start: JIT and GC)")]
public sealed record RuntimeView(
    [property: Description("已编译方法数 (methods compiled by the JIT, tier-ups included)")] long JitCompiledMethods,
    [property: Description("JIT 编译耗时毫秒 (time spent compiling, all threads)")] double JitCompilationMilliseconds,
    [property: Description("GC 次数 (collections of generation 0, 1, 2)")] IReadOnlyList<int> GcCollections,
    [property: Description("GC 暂停耗时毫秒 (total time paused for collections)")] double GcPauseMilliseconds)
{
    /// <summary>
    /// Now. A benchmark reads it before and after its measured window: JIT time inside the window means tier-up had not
    /// finished, and the window did not measure the steady state (docs/performance.md).
    /// </summary>
    public static RuntimeView Now() => new(
        System.Runtime.JitInfo.GetCompiledMethodCount(currentThread: false),
        System.Runtime.JitInfo.GetCompilationTime(currentThread: false).TotalMilliseconds,
        [GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2)],
        GC.GetTotalPauseDuration().TotalMilliseconds);
}
