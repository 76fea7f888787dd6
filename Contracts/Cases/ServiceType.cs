namespace Gateway.Contracts.Cases;

/// <summary>The services of the joint hookup (水、电、气、网、暖).</summary>
public enum ServiceType { Water, Power, Gas, Network, Heating }
