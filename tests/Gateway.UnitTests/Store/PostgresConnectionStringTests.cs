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
        Assert.Equal("-c plan_cache_mode=force_generic_plan", built.Options);
        Assert.Equal("gw", built.Database);
    }

    [Fact]
    public void The_generic_plan_is_added_to_options_already_set_unless_they_name_the_plan_mode()
    {
        Assert.Equal("-c search_path=gw -c plan_cache_mode=force_generic_plan",
            new NpgsqlConnectionStringBuilder(StoreRegistration.PostgresConnectionString("Host=127.0.0.1;Options=-c search_path=gw")).Options);
        Assert.Equal("-c plan_cache_mode=auto",
            new NpgsqlConnectionStringBuilder(StoreRegistration.PostgresConnectionString("Host=127.0.0.1;Options=-c plan_cache_mode=auto")).Options);
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
