namespace Gateway.Adapters.Portals.Hubei;

/// <summary>
/// The form's field names — also the <c>field</c> of every error. The agreement's example shows most of them;
/// <c>yq_xq</c>/<c>yq_xz</c> follow its naming for the gas items of the one-form it models (宁河 一表),
/// and <c>xmmc</c> (项目名称) and <c>yd_dy</c> (电压等级) are read when the form carries them (docs/portals.md).
/// </summary>
public static class HubeiFieldNames
{
    public const string FormCode = "formCode";
    public const string SubmitId = "submitId";
    public const string RegionCode = "regionCode";
    public const string SubmitTime = "submitTime";
    public const string Fields = "fields";

    public const string Sqdw = "sqdw";
    public const string Xydm = "xydm";
    public const string Xmdm = "xmdm";
    public const string Xmmc = "xmmc";
    public const string Sqdz = "sqdz";
    public const string Lxr = "lxr";
    public const string Lxdh = "lxdh";
    public const string Yykc = "yykc";
    public const string Bzsx = "bzsx";
    public const string YsYwlx = "ys_ywlx";
    public const string YsXq = "ys_xq";
    public const string YsXz = "ys_xz";
    public const string YdYwlx = "yd_ywlx";
    public const string YdRl = "yd_rl";
    public const string YdDy = "yd_dy";
    public const string YqYwlx = "yq_ywlx";
    public const string YqXq = "yq_xq";
    public const string YqXz = "yq_xz";
    public const string YwYwlx = "yw_ywlx";
    public const string YwXq = "yw_xq";
    public const string YwYhs = "yw_yhs";
    public const string YwDk = "yw_dk";
    public const string YwYys = "yw_yys";
    public const string Zgwjl = "zgwjl";

    /// <summary>The only form this endpoint takes (水电气网联动报装).</summary>
    public const string ExpectedFormCode = "SDQW_LDBZ";
}
