using Gateway.Host.Logging;
using Microsoft.Extensions.Configuration;

namespace Gateway.IntegrationTests.Logging;

/// <summary>The logging pipeline masks personal data however it reaches a log event — not by remembering not to log it.</summary>
public sealed class LogMaskingTests
{
    private sealed record Applicant(string Name, string Contact, string Phone, string Uscc);

    [Fact]
    public void Properties_objects_interpolated_text_and_exceptions_are_masked_in_the_file()
    {
        var dir = Directory.CreateTempSubdirectory("gw-log-").FullName;
        try
        {
            var applicant = new Applicant("绍兴柯桥恒嘉纺织科技有限公司", "王建平", "13905851234", "91330621MA2D8Q5X1A");
            using (var logger = (Serilog.Core.Logger)GatewayLogging.Create(new ConfigurationBuilder().Build(), dir))
            {
                logger.Information("property {Phone} and {Uscc}", "13905851234", "91330621MA2D8Q5X1A");
                logger.Information("destructured {@Applicant}", applicant);
                logger.Information("stringified {Applicant}", applicant);
                logger.Information("interpolated 联系人：王建平 电话 13905851234 " + "0711-3856000");
                logger.Error(new InvalidOperationException("counterpart answered {\"contact\":\"王建平\",\"phone\":\"13905851234\"}"), "failed");
                logger.Information("xml body <Contact>王建平</Contact><LXR>刘志强</LXR>");
            }
            var log = string.Concat(Directory.GetFiles(dir).Select(File.ReadAllText));
            foreach (var secret in new[] { "13905851234", "91330621MA2D8Q5X1A", "王建平", "0711-3856000", "刘志强" })
                Assert.DoesNotContain(secret, log);
            Assert.Contains("139****1234", log);
            Assert.Contains("9133**********5X1A", log);
            Assert.Contains("王**", log);
            Assert.Contains("InvalidOperationException", log); // the exception is still there, just masked
        }
        finally { Directory.Delete(dir, recursive: true); }
    }
}
