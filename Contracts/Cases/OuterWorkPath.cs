namespace Gateway.Contracts.Cases;

/// <summary>How an outer work gets its go-ahead: 告知承诺, 并联审批, or 专项论证 (special zones).</summary>
public enum OuterWorkPath { Commitment, ParallelApproval, SpecialDemonstration }

/// <summary>Who pays for outer works outside the planning red line.</summary>
public enum CostBearer { Utility, Government, Applicant, Tariff }
