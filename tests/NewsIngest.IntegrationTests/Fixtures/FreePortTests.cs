using System.Net;
using System.Net.Sockets;
using NewsIngest.Testing;
using Shouldly;
using Xunit;

namespace NewsIngest.IntegrationTests.Fixtures;

public sealed class FreePortTests
{
    [Fact]
    public void Next_CalledTwice_ReturnsDistinctBindablePorts()
    {
        // Act
        var first = FreePort.Next();
        var second = FreePort.Next();

        // Assert
        first.ShouldNotBe(second);
        var listener = new TcpListener(IPAddress.Loopback, first);
        Should.NotThrow(listener.Start);
        listener.Stop();
    }
}
