namespace Gateway.Application.Security;

/// <summary>Roles of the admin and query API, each including the ones below it.</summary>
public enum AdminRole { Viewer = 1, Operator = 2, Admin = 3 }

public sealed record AdminToken(string Token, AdminRole Role, string Name);
