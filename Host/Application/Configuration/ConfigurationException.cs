namespace Gateway.Application.Configuration;

/// <summary>A configuration mistake found at startup; the message names the key and what is wrong.</summary>
public sealed class ConfigurationException(string message) : Exception(message);
