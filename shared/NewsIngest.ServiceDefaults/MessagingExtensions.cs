using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using NewsIngest.ServiceDefaults.ClaimChecks;
using NewsIngest.ServiceDefaults.Reliability;

namespace NewsIngest.ServiceDefaults;

public static class MessagingExtensions
{
    /// <summary>
    /// The MassTransit bus: RabbitMQ from configuration (<c>RabbitMqTransport</c> section) or the in-memory
    /// transport, queues prefixed by the service, retries then the <c>_error</c> queue, a claim-check
    /// repository for bodies, and the topology the service registered (<see cref="IRabbitMqTopology"/>).
    /// </summary>
    public static IHostApplicationBuilder AddMessaging(
        this IHostApplicationBuilder builder,
        string queuePrefix,
        Action<IBusRegistrationConfigurator> addConsumers)
    {
        builder.Services.AddValidatedOptions<MessagingOptions>(MessagingOptions.Section);
        builder.Services.AddOptions<RabbitMqTransportOptions>().BindConfiguration("RabbitMqTransport");
        var transport = builder.Configuration.GetValue<MessagingTransport?>($"{MessagingOptions.Section}:Transport");
        builder.Services.AddClaimChecks();
        builder.Services.TryAddTimeProvider();
        builder.Services.AddSingleton<ConsumerOutages>();
        builder.Services.AddSingleton<BusReadiness>();
        builder.Services.AddBusObserver(sp => sp.GetRequiredService<BusReadiness>());
        builder.Services.AddHealthChecks().AddCheck<ConsumerOutageHealthCheck>(ConsumerOutageHealthCheck.Name, tags: ["ready"]);

        // "Application started" means connected, with every queue and binding declared.
        builder.Services.Configure<MassTransitHostOptions>(host =>
        {
            host.WaitUntilStarted = true;
            host.StartTimeout = TimeSpan.FromMinutes(2);
            host.StopTimeout = TimeSpan.FromSeconds(30);
        });

        builder.Services.AddMassTransit(bus =>
        {
            bus.SetEndpointNameFormatter(new KebabCaseEndpointNameFormatter(queuePrefix, false));
            addConsumers(bus);
            bus.AddConsumeObserver<ConsumeFaultLogger>();
            bus.AddConsumeObserver<ConsumeFaultMetrics>();
            bus.AddReceiveObserver<ReceiveFaultLogger>();
            bus.DisableUsageTelemetry(); // no calls home: this process talks to its broker and nothing else
            bus.AddConfigureEndpointsCallback((context, _, endpoint) =>
            {
                if (endpoint is IRabbitMqReceiveEndpointConfigurator rabbit && context.GetRequiredService<IOptions<MessagingOptions>>().Value.QuorumQueues)
                {
                    rabbit.SetQuorumQueue();
                }
            });
            if (transport == MessagingTransport.InMemory)
            {
                bus.UsingInMemory((context, cfg) => ConfigureBus(context, cfg));
            }
            else
            {
                bus.UsingRabbitMq((context, cfg) =>
                {
                    foreach (var topology in context.GetServices<IRabbitMqTopology>())
                    {
                        topology.Configure(cfg);
                    }

                    UseClusterNodes(context, cfg);
                    ConfigureBus(context, cfg);
                });
            }
        });
        return builder;
    }

    private static void ConfigureBus<T>(IBusRegistrationContext context, IBusFactoryConfigurator<T> cfg)
        where T : IReceiveEndpointConfigurator
    {
        var options = context.GetRequiredService<IOptions<MessagingOptions>>().Value;
        cfg.AddRawJsonSerializer(RawSerializerOptions.AddTransportHeaders | RawSerializerOptions.CopyHeaders);
        cfg.UseConsumeFilter(typeof(ArticleLogScopeFilter<>), context);
        // Two retries, one inside the other. The inner one waits out outages (database, broker, claim-check store)
        // for minutes with exponential back-off: the endpoint's messages stay queued meanwhile. The outer one gives a
        // message that is wrong in itself a few quick tries before the _error queue (MassTransit puts the exception
        // in its MT-Fault-* headers). Delayed redelivery would need the delayed-message exchange plugin.
        cfg.UseMessageRetry(r =>
        {
            r.Intervals(Enumerable.Range(1, options.RetryLimit).Select(i => TimeSpan.FromMilliseconds(200 * i)).ToArray());
            r.Handle<Exception>(ex => !TransientFaults.IsTransient(ex));
        });
        cfg.UseMessageRetry(r =>
        {
            r.Intervals([.. options.TransientRetryIntervals()]);
            r.Handle<Exception>(TransientFaults.IsTransient);
        });
        cfg.UseConsumeFilter(typeof(ConsumerOutageFilter<>), context);
        cfg.ConcurrentMessageLimit = options.ConcurrentMessageLimit;
        cfg.ConfigureEndpoints(context);
    }

    /// <summary>With <see cref="MessagingOptions.BrokerNodes"/>: the host is the cluster (MassTransit connects to
    /// a node that answers and reconnects to another when it is lost); otherwise MassTransit's own
    /// <c>RabbitMqTransport</c> settings give one node.</summary>
    private static void UseClusterNodes(IBusRegistrationContext context, IRabbitMqBusFactoryConfigurator cfg)
    {
        var nodes = context.GetRequiredService<IOptions<MessagingOptions>>().Value.BrokerNodeList;
        if (nodes.Count == 0)
        {
            return;
        }

        var broker = context.GetRequiredService<IOptions<RabbitMqTransportOptions>>().Value;
        cfg.Host(nodes[0].Host, (ushort)nodes[0].Port, broker.VHost, host =>
        {
            host.Username(broker.User);
            host.Password(broker.Pass);
            if (broker.UseSsl)
            {
                host.UseSsl(_ => { });
            }

            host.UseCluster(cluster =>
            {
                foreach (var (name, port) in nodes)
                {
                    cluster.Node($"{name}:{port}");
                }
            });
        });
    }
}
