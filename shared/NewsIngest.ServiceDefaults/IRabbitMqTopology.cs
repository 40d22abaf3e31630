using MassTransit;

namespace NewsIngest.ServiceDefaults;

/// <summary>
/// Broker topology a service owns (exchanges it publishes to under names of its own), applied by
/// <see cref="MessagingExtensions.AddMessaging"/> when the transport is RabbitMQ. Register it as a singleton
/// in the service's own <c>Extensions.cs</c>.
/// </summary>
public interface IRabbitMqTopology
{
    void Configure(IRabbitMqBusFactoryConfigurator cfg);
}
