namespace Vigie.Pipeline.Tests.Distributed;

/// <summary>A fact that needs NATS JetStream and PostgreSQL: skipped with the reason when either is missing here (CI has both).</summary>
public sealed class NatsAndPostgresFactAttribute : FactAttribute
{
    /// <summary>Sets <see cref="FactAttribute.Skip"/> when a server is missing.</summary>
    public NatsAndPostgresFactAttribute()
    {
        if ((TestServices.PostgresUnavailable() ?? TestServices.NatsUnavailable()) is { } reason) Skip = reason;
    }
}

/// <summary>A fact that needs NATS JetStream: skipped with the reason when it is missing here (CI has it).</summary>
public sealed class NatsFactAttribute : FactAttribute
{
    /// <summary>Sets <see cref="FactAttribute.Skip"/> when the server is missing.</summary>
    public NatsFactAttribute()
    {
        if (TestServices.NatsUnavailable() is { } reason) Skip = reason;
    }
}
