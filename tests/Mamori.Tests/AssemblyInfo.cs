using Mamori.Tests.Infrastructure;

[assembly: AssemblyFixture(typeof(AppFixture))]
