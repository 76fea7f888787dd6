using Gateway.Store;
using Npgsql;

namespace Gateway.UnitTests.Store;

public sealed class PostgresConnectionStringTests
{
    [Fact]
    public void Prepares_statements_and_skips_the_reset_by_default()
    {
        var built = new NpgsqlConnectionStringBuilder(StoreRegistration.PostgresConnectionString("Host=127.0.0.1;Database=gw"));
        Assert.Equal(64, built.MaxAutoPrepare);
        Assert.True(built.NoResetOnClose);
        Assert.Equal("gw", built.Database);
    }

    [Fact]
    public void Explicit_values_stay_as_set()
    {
        var built = new NpgsqlConnectionStringBuilder(
            StoreRegistration.PostgresConnectionString("Host=127.0.0.1;Max Auto Prepare=0;No Reset On Close=false"));
        Assert.Equal(0, built.MaxAutoPrepare);
        Assert.False(built.NoResetOnClose);
    }
}
