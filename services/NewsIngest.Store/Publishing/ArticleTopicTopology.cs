using System.Net.Mime;
using MassTransit;
using NewsIngest.Contracts;
using NewsIngest.ServiceDefaults;
using RabbitMQ.Client;

namespace NewsIngest.Store.Publishing;

/// <summary>
/// The store is the one publisher of the public topic: <see cref="ArticleStored"/> and <see cref="ArticleUpdated"/>
/// go to the <see cref="ArticleTopic.Exchange"/> topic exchange as plain JSON, routed by <see cref="ArticleTopic.RoutingKey(ArticleStored)"/>.
/// </summary>
public sealed class ArticleTopicTopology : IRabbitMqTopology
{
    public void Configure(IRabbitMqBusFactoryConfigurator cfg)
    {
        Route<ArticleStored>(cfg, ArticleTopic.RoutingKey);
        Route<ArticleUpdated>(cfg, ArticleTopic.RoutingKey);
    }

    private static void Route<T>(IRabbitMqBusFactoryConfigurator cfg, Func<T, string> routingKey)
        where T : class
    {
        cfg.Message<T>(m => m.SetEntityName(ArticleTopic.Exchange));
        cfg.Publish<T>(p => p.ExchangeType = ExchangeType.Topic);
        cfg.Send<T>(s =>
        {
            s.UseRoutingKeyFormatter(c => routingKey(c.Message));
            s.UseSerializer(new ContentType("application/json"));
        });
    }
}
