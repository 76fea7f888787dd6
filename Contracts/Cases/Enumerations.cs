namespace Gateway.Contracts.Cases;

/// <summary>新开户/新装 NEW, 增容 INCREASE, 绿化 GREENING (water), 临时用水 TEMPORARY (water).</summary>
public enum BusinessType { New, Increase, Greening, Temporary }

/// <summary>用水/用气性质: 生产, 生活, 消防.</summary>
public enum UsageNature { Production, Domestic, Fire }

/// <summary>Gas pressure class: low ≤ 10 kPa, medium ≤ 0.4 MPa.</summary>
public enum GasPressure { Low, Medium }

/// <summary>用网需求: 宽带 broadband, 手机信号 mobile signal.</summary>
public enum NetworkKind { Broadband, Mobile }

/// <summary>移动 CMCC, 联通 CUCC, 电信 CTCC.</summary>
public enum Carrier { Cmcc, Cucc, Ctcc }

/// <summary>Special zones that take outer works off the commitment path.</summary>
public enum SpecialZone { NatureReserve, Heritage, Railway, Highway, River }
