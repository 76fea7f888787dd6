using Gateway.Contracts.Privacy;

namespace Gateway.Host.Logging;

/// <summary>
/// What every piece of log text goes through: phone numbers and USCCs anywhere (<see cref="PersonalDataMask.InText"/>),
/// and person names where they can be recognised by their label — <c>Contact = 王晓明</c> (a record's ToString),
/// <c>"contact":"王晓明"</c> (JSON), <c>&lt;Contact&gt;王晓明&lt;/Contact&gt;</c>, <c>&lt;LXR&gt;</c> (XML), <c>联系人：王晓明</c>.
/// </summary>
public static class LogTextMask
{
    public static string Mask(string text) => PersonalDataMask.FreeText(text);
}
