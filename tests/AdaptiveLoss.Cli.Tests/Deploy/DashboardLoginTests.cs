using System.Text;
using AdaptiveLoss.Silo;

namespace AdaptiveLoss.Cli.Tests.Deploy;

/// <summary>The dashboard's basic authentication (docs/deploy.md, "Dashboard login"), header by header.</summary>
public sealed class DashboardLoginTests
{
    private static readonly DashboardLogin Login = new("admin", "pa55:word");

    [Theory]
    [InlineData("admin:pa55:word", true)] // a colon in the password is part of it
    [InlineData("admin:pa55:wor", false)]
    [InlineData("Admin:pa55:word", false)]
    [InlineData("admin:", false)]
    public void Accepts_BasicCredentials_OnlyTheExactPair(string credentials, bool accepted) =>
        Assert.Equal(accepted, Login.Accepts("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(credentials))));

    [Theory]
    [InlineData(null)]
    [InlineData("Bearer abc")]
    [InlineData("Basic not-base64!")]
    public void Accepts_NoOrOtherOrBrokenHeader_Refused(string? header) => Assert.False(Login.Accepts(header));

    [Fact]
    public void ToString_NeverThePassword() => Assert.DoesNotContain("pa55", Login.ToString(), StringComparison.Ordinal);
}
