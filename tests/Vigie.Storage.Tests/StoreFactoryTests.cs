using Npgsql;

namespace Vigie.Storage.Tests;

/// <summary>How a <c>--db</c> value picks its engine.</summary>
public sealed class StoreFactoryTests
{
    [Theory]
    [InlineData("vigie.db", false)]
    [InlineData("/data/hosts/vigie.db", false)]
    [InlineData("postgres://u:p@localhost/vigie", true)]
    [InlineData("postgresql://localhost:5433/vigie", true)]
    [InlineData("Host=127.0.0.1;Username=postgres;Database=vigie", true)]
    public void A_connection_string_or_url_selects_postgres(string target, bool postgres) => Assert.Equal(postgres, StoreFactory.IsPostgres(target));

    [Fact]
    public void A_postgres_url_becomes_a_connection_string()
    {
        var b = new NpgsqlConnectionStringBuilder(PostgresConnectionString.Normalize("postgres://vigie:s%40cret@db.local:5433/events?sslmode=disable&search_path=x"));
        Assert.Equal("db.local", b.Host);
        Assert.Equal(5433, b.Port);
        Assert.Equal("events", b.Database);
        Assert.Equal("vigie", b.Username);
        Assert.Equal("s@cret", b.Password);
        Assert.Equal(SslMode.Disable, b.SslMode);
        Assert.Equal("x", b.SearchPath);
    }

    [Fact]
    public void A_key_value_connection_string_is_kept() =>
        Assert.Equal("Host=h;Database=d", PostgresConnectionString.Normalize("Host=h;Database=d"));
}
