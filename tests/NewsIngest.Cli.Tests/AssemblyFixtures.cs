// One throwaway broker node for the tests that need one (tail, amqp-consume).
[assembly: AssemblyFixture(typeof(NewsIngest.Testing.BrokerFixture))]
