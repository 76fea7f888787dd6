namespace Gateway.Adapters.Http;

/// <summary>One problem with one field, named by the caller's own field path.</summary>
public sealed record FieldError(string Field, string Code, string Message);
