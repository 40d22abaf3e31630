using System.Net;
using NewsIngest.Fetcher.Http;

namespace NewsIngest.Fetcher.Tests.Http;

public sealed class AddressPolicyTests
{
    [Theory]
    [InlineData("127.0.0.1", "loopback")]
    [InlineData("127.8.9.10", "loopback")]
    [InlineData("10.1.2.3", "private")]
    [InlineData("172.16.0.1", "private")]
    [InlineData("172.31.255.254", "private")]
    [InlineData("192.168.1.1", "private")]
    [InlineData("100.64.0.1", "carrier-grade NAT")]
    [InlineData("169.254.169.254", "link-local (cloud metadata)")]
    [InlineData("0.0.0.0", "unspecified")]
    [InlineData("224.0.0.251", "multicast")]
    [InlineData("::1", "loopback")]
    [InlineData("::", "unspecified")]
    [InlineData("fe80::1", "link-local")]
    [InlineData("fc00::1", "unique local")]
    [InlineData("fd12:3456::1", "unique local")]
    [InlineData("ff02::1", "multicast")]
    [InlineData("::ffff:10.0.0.1", "private")]
    [InlineData("::ffff:169.254.169.254", "link-local (cloud metadata)")]
    [InlineData("::ffff:127.0.0.1", "loopback")]
    [InlineData("64:ff9b::a9fe:a9fe", "link-local (cloud metadata)")]
    [InlineData("::ffff:0:127.0.0.1", "loopback")]
    [InlineData("::ffff:0:169.254.169.254", "link-local (cloud metadata)")]
    [InlineData("2002:7f00:1::1", "6to4 tunnel embedding 127.0.0.1")]
    [InlineData("2002:0808:0808::1", "6to4 tunnel embedding 8.8.8.8")]
    [InlineData("2001:0:4136:e378:8000:63bf:80ff:fffe", "Teredo tunnel embedding 127.0.0.1")]
    public void Refusal_NonPublicAddress_NamesTheReason(string address, string reason)
    {
        // Arrange
        var policy = new AddressPolicy([]);

        // Act
        var refusal = policy.Refusal(IPAddress.Parse(address));

        // Assert
        refusal.ShouldBe(reason);
    }

    [Theory]
    [InlineData("93.184.215.14")]
    [InlineData("172.32.0.1")]
    [InlineData("8.8.8.8")]
    [InlineData("2606:4700::1111")]
    [InlineData("::ffff:93.184.215.14")]
    public void Refusal_PublicAddress_IsNull(string address)
    {
        // Arrange
        var policy = new AddressPolicy([]);

        // Act
        var refusal = policy.Refusal(IPAddress.Parse(address));

        // Assert
        refusal.ShouldBeNull();
    }

    [Theory]
    [InlineData("127.0.0.1", "127.0.0.1", true)]
    [InlineData("127.0.0.1", "127.0.0.2", false)]
    [InlineData("10.20.0.0/16", "10.20.5.6", true)]
    [InlineData("10.20.0.0/16", "10.21.0.1", false)]
    [InlineData("[::1]", "::1", true)]
    public void Refusal_AllowListed_LetsOnlyThoseThrough(string entry, string address, bool allowed)
    {
        // Arrange
        var policy = new AddressPolicy([entry]);

        // Act
        var refusal = policy.Refusal(IPAddress.Parse(address));

        // Assert
        (refusal is null).ShouldBe(allowed);
    }

    [Theory]
    [InlineData("feeds.internal", true)]
    [InlineData("10.0.0.0/8", true)]
    [InlineData("::1", true)]
    [InlineData("not a host!", false)]
    public void IsValidEntry_Various_AcceptsHostsAddressesAndRanges(string entry, bool valid)
    {
        // Act
        var result = AddressPolicy.IsValidEntry(entry);

        // Assert
        result.ShouldBe(valid);
    }
}
