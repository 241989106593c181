using WasmBench.Silo.Api;
using WasmBench.Silo.Hosting;

namespace WasmBench.Silo.Tests.Hosting;

public sealed class RolesParserTests
{
    [Theory]
    [InlineData("coordinator,runner,dashboard", Roles.All)]
    [InlineData("runner", Roles.Runner)]
    [InlineData(" Coordinator , dashboard ", Roles.Coordinator | Roles.Dashboard)]
    public void Parses_role_lists(string text, Roles expected)
    {
        var parsed = RolesParser.Parse(text);

        Assert.True(parsed.Succeeded, parsed.Error);
        Assert.Equal(expected, parsed.Value);
    }

    [Theory]
    [InlineData("worker")]
    [InlineData("")]
    [InlineData("all")]
    public void Rejects_unknown_roles_naming_the_valid_ones(string text)
    {
        var parsed = RolesParser.Parse(text);

        Assert.False(parsed.Succeeded);
        Assert.Contains("coordinator, runner, dashboard", parsed.Error);
    }

    [Theory]
    [InlineData("http://127.0.0.1:5080", true)]
    [InlineData("http://localhost:5080", true)]
    [InlineData("http://[::1]:5080", true)]
    [InlineData("http://127.0.0.1:5080;http://0.0.0.0:5081", false)]
    [InlineData("http://*:5080", false)]
    [InlineData("http://+:5080", false)]
    [InlineData("http://10.1.2.3:5080", false)]
    public void KnowsWhenTheServiceListensBeyondLoopback(string urls, bool loopbackOnly) =>
        Assert.Equal(loopbackOnly, ListenGuard.IsLoopbackOnly(urls));
}
