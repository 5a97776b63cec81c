using System.Security.Cryptography;
using RabbitMQ.Client;

namespace ClaimTrace;

/// <summary>
/// <c>claimtrace ingest PATH... --queue URL</c>: reads inputs with the same readers as a local ingest and publishes each
/// page (or the reason a reader had none) as a persistent message, waiting for the broker's confirmation of each, so
/// a publisher that returns has every page safely queued. Nothing is analysed or stored here: workers do that.
/// </summary>
public static class PagePublisher
{
    public static async Task<int> PublishAsync(PageQueue queue, IEnumerable<ReadResult> inputs, IProgress<int>? progress = null, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(queue);
        ArgumentNullException.ThrowIfNull(inputs);
        await using var connection = await queue.ConnectAsync("claimtrace ingest", cancel);
        await using var channel = await connection.CreateChannelAsync(new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true), cancel);
        await queue.DeclareAsync(channel, cancel);
        var published = 0;
        foreach (var input in inputs)
        {
            var body = PageMessage.Write(input);
            var properties = new BasicProperties
            {
                Persistent = true,
                ContentType = "application/json",
                // The content's hash names the message in logs and the dead-letter queue; the store's own rule (key and
                // content hash) is what keeps a redelivered page from being stored twice.
                MessageId = Convert.ToHexStringLower(SHA256.HashData(body))[..16],
                Type = "claimtrace.page/" + PageMessage.Shape,
            };
            await channel.BasicPublishAsync(exchange: "", routingKey: queue.Name, mandatory: true, basicProperties: properties, body: body, cancellationToken: cancel);
            published++;
            progress?.Report(published);
        }

        return published;
    }
}
