using RabbitMQ.Client;

namespace ClaimTrace;

/// <summary>
/// Where pages wait for workers on a RabbitMQ broker (docs/deploy.md): a durable quorum queue (replicated on a
/// cluster, every message persistent), whose messages go to a dead-letter queue after <see cref="DeliveryLimit"/>
/// deliveries that ended without an acknowledgement (a worker killed mid-page, a store that kept failing). Every
/// publisher and worker declares the same topology, so whichever starts first creates it.
/// </summary>
public sealed record PageQueue(string Url, string Name = PageQueue.DefaultName)
{
    public const string DefaultName = "claimtrace.pages";

    /// <summary>Deliveries of one message before it is dead-lettered.</summary>
    public const int DeliveryLimit = 5;

    public string DeadExchange => Name + ".dlx";

    public string DeadQueue => Name + ".dead";

    /// <summary>The broker as messages may name it: the URL without its password.</summary>
    public string Shown
    {
        get
        {
            var uri = new Uri(Url);
            var user = uri.UserInfo.Split(':', 2)[0];
            return $"{uri.Scheme}://{(user.Length > 0 ? Uri.UnescapeDataString(user) + "@" : "")}{uri.Host}:{(uri.IsDefaultPort ? 5672 : uri.Port)}{uri.AbsolutePath}";
        }
    }

    /// <summary>Opens a connection to the broker; a broker that cannot be reached is a <see cref="QueueException"/>.</summary>
    public async Task<IConnection> ConnectAsync(string clientName, CancellationToken cancel)
    {
        try
        {
            var factory = new ConnectionFactory { Uri = new Uri(Url), ClientProvidedName = clientName, AutomaticRecoveryEnabled = false };
            return await factory.CreateConnectionAsync(cancel);
        }
        catch (Exception e) when (e is RabbitMQ.Client.Exceptions.BrokerUnreachableException or UriFormatException or ArgumentException)
        {
            throw new QueueException($"the queue broker {SafeShown()} cannot be reached: {e.InnerException?.Message ?? e.Message}", e);
        }
    }

    /// <summary>Declares the queue and its dead-letter queue (the same arguments everywhere, or the broker refuses).</summary>
    public async Task DeclareAsync(IChannel channel, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(channel);
        var quorum = new Dictionary<string, object?> { ["x-queue-type"] = "quorum" };
        await channel.ExchangeDeclareAsync(DeadExchange, ExchangeType.Fanout, durable: true, autoDelete: false, cancellationToken: cancel);
        await channel.QueueDeclareAsync(DeadQueue, durable: true, exclusive: false, autoDelete: false, arguments: quorum, cancellationToken: cancel);
        await channel.QueueBindAsync(DeadQueue, DeadExchange, "", cancellationToken: cancel);
        await channel.QueueDeclareAsync(Name, durable: true, exclusive: false, autoDelete: false, arguments: new Dictionary<string, object?>
        {
            ["x-queue-type"] = "quorum",
            ["x-dead-letter-exchange"] = DeadExchange,
            ["x-delivery-limit"] = DeliveryLimit,
        }, cancellationToken: cancel);
    }

    /// <summary>
    /// Messages waiting (not yet delivered: those a worker holds are not counted until it acknowledges or hands them
    /// back), workers attached, and messages given up in the dead-letter queue.
    /// </summary>
    public async Task<QueueStatus> StatusAsync(CancellationToken cancel)
    {
        await using var connection = await ConnectAsync("claimtrace queue status", cancel);
        await using var channel = await connection.CreateChannelAsync(cancellationToken: cancel);
        await DeclareAsync(channel, cancel);
        var pages = await channel.QueueDeclarePassiveAsync(Name, cancel);
        var dead = await channel.QueueDeclarePassiveAsync(DeadQueue, cancel);
        return new QueueStatus(pages.MessageCount, pages.ConsumerCount, dead.MessageCount);
    }

    private string SafeShown()
    {
        try
        {
            return Shown;
        }
        catch (UriFormatException)
        {
            return "(not an amqp:// URL)";
        }
    }
}

/// <summary>What <see cref="PageQueue.StatusAsync"/> sees.</summary>
public sealed record QueueStatus(uint Waiting, uint Workers, uint Dead);

/// <summary>The queue broker cannot be used; the message names it without a password.</summary>
public sealed class QueueException(string message, Exception? inner = null) : Exception(message, inner);
