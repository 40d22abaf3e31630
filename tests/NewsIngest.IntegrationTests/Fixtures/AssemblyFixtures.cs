using NewsIngest.Testing;
using Xunit;

// One broker node and one PostgreSQL server for the whole assembly; test classes take them in their constructors.
[assembly: AssemblyFixture(typeof(BrokerFixture))]
[assembly: AssemblyFixture(typeof(DatabaseFixture))]
