using System.Text.Json;
using Gateway.Messaging;

namespace Gateway.IntegrationTests.Messaging;

/// <summary>
/// Issue 19: a case's stored application and policy are parsed once for its several sends, and parsed again as soon as the
/// stored text changes (a policy updated between two sends), so no send is built from a stale document.
/// </summary>
public sealed class ParsedCaseDocumentsTests
{
    private const string Application = """{"portal":"zhejiang","portalApplicationNo":"ZJ1","adminCode":"330603","zone":null}""";

    [Fact]
    public void The_same_stored_text_is_parsed_once_a_changed_one_again()
    {
        var parsed = new ParsedCaseDocuments();
        var first = parsed.Application("case-1", Application);
        Assert.Same(first, parsed.Application("case-1", new string(Application.AsSpan())));   // equal text, another string

        var changed = parsed.Application("case-1", Application.Replace("ZJ1", "ZJ2"));
        Assert.NotSame(first, changed);
        Assert.Equal("ZJ2", changed!.PortalApplicationNo);
        Assert.Equal("ZJ1", parsed.Application("case-2", Application)!.PortalApplicationNo);   // another case, its own entry
    }

    [Fact]
    public void A_stored_text_that_does_not_read_throws_as_parsing_it_would()
    {
        Assert.ThrowsAny<JsonException>(() => new ParsedCaseDocuments().Policy("case-1", "{ not json"));
    }
}
