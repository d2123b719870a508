using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting.Internal;
using StretchLibrary.Web.Platform.Security;

namespace StretchLibrary.Web.Tests.Security;

public class HttpsOnlyDefaultTests
{
    [Theory]
    [InlineData("Production", "http://127.0.0.1:5000", null, null, false)]
    [InlineData("Production", "https://+:443;http://+:80", null, null, true)]
    [InlineData("Production", null, "443", null, true)]
    [InlineData("Development", "https://localhost:5001", null, null, false)]
    [InlineData("Production", "http://127.0.0.1:5000", null, "true", true)]
    [InlineData("Production", "https://+:443", null, "false", false)]
    public void Https_only_follows_the_urls_the_app_listens_on_unless_set(string environment, string? urls, string? httpsPorts, string? setting, bool expected)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["urls"] = urls,
            ["https_ports"] = httpsPorts,
            ["Security:HttpsOnly"] = setting,
        }).Build();

        var httpsOnly = SecurityOptions.IsHttpsOnly(configuration, new HostingEnvironment { EnvironmentName = environment });

        Assert.Equal(expected, httpsOnly);
    }
}
