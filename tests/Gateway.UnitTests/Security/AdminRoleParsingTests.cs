using Gateway.Application.Configuration;
using Gateway.Application.Security;
using Microsoft.Extensions.Configuration;

namespace Gateway.UnitTests.Security;

/// <summary>Roles are read by name only: numbers and flag combinations must never turn into admin.</summary>
public sealed class AdminRoleParsingTests
{
    private static (IReadOnlyList<AdminToken> Tokens, List<string> Problems) Read(string role)
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Gateway:Admin:Tokens:0:Token"] = "a-long-enough-token-0001",
            ["Gateway:Admin:Tokens:0:Role"] = role,
        }).Build();
        var problems = new List<string>();
        return (AdminTokenReader.Read(config, GatewayProfile.Production, problems), problems);
    }

    [Theory]
    [InlineData("3")]
    [InlineData("2")]
    [InlineData("viewer,operator")]
    [InlineData("Viewer, Operator")]
    [InlineData("-1")]
    [InlineData("admin ")]
    [InlineData("")]
    public void Anything_but_a_role_name_is_refused_naming_the_key(string role)
    {
        var (tokens, problems) = Read(role);
        Assert.DoesNotContain(tokens, t => t.Role == AdminRole.Admin);
        Assert.Contains(problems, p => p.Contains("Gateway:Admin:Tokens:0:Role", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("viewer", AdminRole.Viewer)]
    [InlineData("Operator", AdminRole.Operator)]
    [InlineData("ADMIN", AdminRole.Admin)]
    public void Role_names_are_read_in_any_case(string role, AdminRole expected)
    {
        var (tokens, problems) = Read(role);
        Assert.Empty(problems);
        Assert.Equal(expected, Assert.Single(tokens).Role);
    }
}
