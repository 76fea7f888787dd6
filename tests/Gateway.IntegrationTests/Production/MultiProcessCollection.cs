namespace Gateway.IntegrationTests.Production;

/// <summary>
/// The multi-process tests run one at a time and after every parallel test: one of them stops the shared RabbitMQ
/// node, which would break any other production-profile test running meanwhile, and all of them need the two
/// cores to themselves to finish in bounded time.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MultiProcessCollection
{
    public const string Name = "Multi-process production deployments";
}
