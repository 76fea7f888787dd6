namespace Gateway.Adapters.Portals.Henan;

/// <summary>
/// The wire shape of 河南政务服务网's XML push (docs/portals.md, <c>henan</c>): element text as sent, so the
/// validator can name every unreadable value by its element path before anything is converted.
/// </summary>
public sealed class HenanApplication
{
    /// <summary>申请编号</summary>
    public string? Sqbh { get; set; }
    /// <summary>行政区划代码</summary>
    public string? Xzqhdm { get; set; }
    /// <summary>提交时间 (Beijing time)</summary>
    public string? Tjsj { get; set; }
    /// <summary>项目代码</summary>
    public string? Xmdm { get; set; }
    /// <summary>项目名称</summary>
    public string? Xmmc { get; set; }
    /// <summary>申请单位</summary>
    public string? Sqdw { get; set; }
    /// <summary>统一社会信用代码</summary>
    public string? Tyshxydm { get; set; }
    /// <summary>联系人</summary>
    public string? Lxr { get; set; }
    /// <summary>联系电话</summary>
    public string? Lxdh { get; set; }
    /// <summary>申请地址</summary>
    public string? Sqdz { get; set; }
    /// <summary>预约勘察时间 (optional)</summary>
    public string? Yykcsj { get; set; }
    /// <summary>报装事项: BZSX/SX</summary>
    public List<HenanService> Services { get; set; } = [];
    /// <summary>外线工程: WXGC/GC</summary>
    public List<HenanOuterWork> OuterWorks { get; set; } = [];
    /// <summary>Single-valued elements the document repeats (only the first of each was read), as paths.</summary>
    public List<string> Repeated { get; set; } = [];
}

/// <summary>One <c>SX</c>: a requested service, <c>LB</c> naming it (YS 水, YD 电, YQ 气, YW 网, GN 暖).</summary>
public sealed class HenanService
{
    /// <summary>Where this SX sits, for error fields: <c>BZSQ/BZSX/SX[@LB='YD']</c>.</summary>
    public string Path { get; set; } = "";
    public string? Lb { get; set; }
    /// <summary>业务类型: 新开户/新装, 增容, 绿化, 临时用水</summary>
    public string? Ywlx { get; set; }
    /// <summary>需求量: t/day (water) or m³/day (gas)</summary>
    public string? Xql { get; set; }
    /// <summary>性质: 生产, 生活, 消防 (comma-separated)</summary>
    public string? Xz { get; set; }
    /// <summary>容量 kVA</summary>
    public string? Rl { get; set; }
    /// <summary>电压等级 kV</summary>
    public string? Dydj { get; set; }
    /// <summary>压力级别: 低压, 中压</summary>
    public string? Yljb { get; set; }
    /// <summary>类型: 宽带, 手机信号 (comma-separated)</summary>
    public string? Lx { get; set; }
    /// <summary>用户数</summary>
    public string? Yhs { get; set; }
    /// <summary>带宽 Mbps</summary>
    public string? Dk { get; set; }
    /// <summary>运营商: 移动, 联通, 电信 (comma-separated)</summary>
    public string? Yys { get; set; }
    /// <summary>供暖面积 m²</summary>
    public string? Mj { get; set; }
}

/// <summary>One <c>GC</c>: the outer works of one service.</summary>
public sealed class HenanOuterWork
{
    /// <summary>Where this GC sits, for error fields: <c>BZSQ/WXGC/GC[@LB='YS']</c>.</summary>
    public string Path { get; set; } = "";
    public string? Lb { get; set; }
    /// <summary>管径 DN</summary>
    public string? Gj { get; set; }
    /// <summary>长度 m</summary>
    public string? Cd { get; set; }
    /// <summary>占用绿地面积 m²</summary>
    public string? Ldmj { get; set; }
    /// <summary>穿越道路长度 m</summary>
    public string? Cydl { get; set; }
    /// <summary>企业投资 是/否</summary>
    public string? Qytz { get; set; }
    /// <summary>涉及危险品 是/否</summary>
    public string? Wxp { get; set; }
    /// <summary>管外径 mm</summary>
    public string? Gwj { get; set; }
    /// <summary>孔数</summary>
    public string? Ks { get; set; }
    /// <summary>附属小型设施 是/否 (optional): Puyang's commitment path (告知承诺制) is for small attached facilities.</summary>
    public string? Fsxs { get; set; }
}
