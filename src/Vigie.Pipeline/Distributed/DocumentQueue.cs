using System.Text.Json;
using NATS.Client.Core;
using NATS.Client.JetStream;
using NATS.Client.JetStream.Models;
using NATS.Net;
using Vigie.Core;

namespace Vigie.Pipeline.Distributed;

/// <summary>One document on the queue, with the content key that makes storing it idempotent.</summary>
public sealed record DocumentMessage(Document Document, string ContentKey);

/// <summary>The JetStream stream and the durable pull consumer that every worker shares (each message goes to one worker).</summary>
public static class DocumentQueue
{
    /// <summary>The stream holding documents waiting for extraction.</summary>
    public const string Stream = "VIGIE_DOCUMENTS";

    /// <summary>The subject documents are published on.</summary>
    public const string Subject = "vigie.documents";

    /// <summary>The durable consumer the workers share.</summary>
    public const string Consumer = "vigie-workers";

    /// <summary>Connects to a <c>nats://</c> URL.</summary>
    public static async Task<NatsConnection> ConnectAsync(string url, CancellationToken ct = default)
    {
        var nats = new NatsConnection(new NatsOpts { Url = url, Name = "vigie" });
        try
        {
            await nats.ConnectAsync();
            ct.ThrowIfCancellationRequested();
            return nats;
        }
        catch
        {
            await nats.DisposeAsync();
            throw;
        }
    }

    /// <summary>Creates the stream when absent (file storage, work-queue retention: a message is gone once acknowledged).</summary>
    public static async Task<INatsJSStream> EnsureStreamAsync(INatsJSContext js, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(js);
        return await js.CreateOrUpdateStreamAsync(new StreamConfig(Stream, [Subject])
        {
            Storage = StreamConfigStorage.File,
            Retention = StreamConfigRetention.Workqueue,
            DuplicateWindow = TimeSpan.FromMinutes(2),
        }, ct);
    }

    /// <summary>Creates or joins the shared consumer; a message not acknowledged within <paramref name="ackWait"/> goes to another worker.</summary>
    public static async Task<INatsJSConsumer> EnsureConsumerAsync(INatsJSContext js, TimeSpan ackWait, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(js);
        await EnsureStreamAsync(js, ct);
        return await js.CreateOrUpdateConsumerAsync(Stream, new ConsumerConfig(Consumer)
        {
            AckPolicy = ConsumerConfigAckPolicy.Explicit,
            AckWait = ackWait,
            MaxAckPending = 10_000,
            MaxDeliver = -1,
        }, ct);
    }

    /// <summary>The message's bytes.</summary>
    public static byte[] Serialize(DocumentMessage message) => JsonSerializer.SerializeToUtf8Bytes(message, VigieJson.Options);

    /// <summary>The message, or null when the bytes are not one.</summary>
    public static DocumentMessage? Deserialize(ReadOnlySpan<byte> data)
    {
        try
        {
            var m = JsonSerializer.Deserialize<DocumentMessage>(data, VigieJson.Options);
            // The readers' bounds hold here too: a message may come from another publisher than ours.
            return m?.Document is { Id.Length: > 0, Text: not null } doc && !string.IsNullOrEmpty(m.ContentKey) && m.ContentKey.Length <= 128
                && Vigie.Ingest.DocumentLimits.Check(doc) is null ? m : null;
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            // InvalidOperationException: a string that is not valid UTF-16 (a lone surrogate escape).
            return null;
        }
    }
}

/// <summary>The queue server could not be reached or refused an operation; the message is the client's.</summary>
public sealed class QueueUnavailableException : Exception
{
    /// <summary>An error with no detail.</summary>
    public QueueUnavailableException() { }

    /// <summary>An error with the client's message.</summary>
    public QueueUnavailableException(string message) : base(message) { }

    /// <summary>An error with the client's message and exception.</summary>
    public QueueUnavailableException(string message, Exception inner) : base(message, inner) { }
}
