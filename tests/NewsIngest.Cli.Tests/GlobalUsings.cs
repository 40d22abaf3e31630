global using NewsIngest.Testing;
global using Shouldly;
global using Xunit;
