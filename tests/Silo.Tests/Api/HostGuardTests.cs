using WasmBench.Silo.Api;

namespace WasmBench.Silo.Tests.Api;

public sealed class HostGuardTests
{
    [Theory]
    [InlineData("http://127.0.0.1:5080", "localhost,127.0.0.1,[::1]")]
    [InlineData("http://bench.example.org:5080;http://127.0.0.1:5081", "localhost,127.0.0.1,[::1],bench.example.org")]
    [InlineData("http://[::1]:5080", "localhost,127.0.0.1,[::1]")]
    [InlineData("http://0.0.0.0:5080", "*")]
    [InlineData("http://*:5080", "*")]
    [InlineData("http://[::]:5080", "*")]
    public void By_default_answers_the_loopback_names_and_the_hosts_of_its_urls(string urls, string expected)
    {
        Assert.Equal(expected.Split(','), HostGuard.DefaultFor(urls));
    }

    [Theory]
    [InlineData("localhost", true)]
    [InlineData("LOCALHOST", true)]
    [InlineData("127.0.0.1", true)]
    [InlineData("[::1]", true)]
    [InlineData("rebind.attacker.example", false)]
    [InlineData("127.0.0.1.attacker.example", false)]
    [InlineData("", false)]
    public void Refuses_every_other_name_on_loopback(string host, bool allowed)
    {
        Assert.Equal(allowed, new HostGuard(HostGuard.DefaultFor("http://127.0.0.1:5080")).Allows(host));
    }

    [Fact]
    public void A_configured_list_may_name_subdomains_or_any_host()
    {
        var guard = new HostGuard(HostGuard.Parse("bench.example.org; *.farm.example.org"));

        Assert.True(guard.Allows("bench.example.org"));
        Assert.True(guard.Allows("node1.farm.example.org"));
        Assert.False(guard.Allows("localhost"));
        Assert.False(guard.Allows("farm.example.org.attacker.example"));
        Assert.True(new HostGuard(HostGuard.Parse("*")).Allows("anything.example"));
    }
}
