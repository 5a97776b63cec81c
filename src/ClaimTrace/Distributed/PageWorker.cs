using System.Globalization;
using System.Text;
using System.Threading.Channels;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace ClaimTrace;

/// <summary>How a worker takes work: messages held unacknowledged at once, and pages analysed in parallel.</summary>
public sealed record WorkerOptions(int Prefetch = 64, int Parallelism = 0)
{
    public int Threads => Parallelism > 0 ? Parallelism : Environment.ProcessorCount;
}

/// <summary>What a worker did before it stopped.</summary>
public sealed record WorkerSummary(int Stored, int Failures, int Requeued, int DeadLettered);

/// <summary>
/// <c>claimtrace worker</c>: takes pages from the queue, analyses them with the same pipeline as a local ingest and
/// stores them, a batch (up to the prefetch) per transaction, and acknowledges each message only after the batch
/// committed. A worker killed at any moment therefore loses nothing: its unacknowledged messages go back to the
/// queue and another worker stores them, and the store's rule (a key with the same content is Unchanged) keeps a
/// page that had been committed before the kill from being stored twice. A batch the store refuses is handed back
/// (requeued) until the queue's delivery limit, then dead-lettered with its reason recorded among the store's
/// failures (<c>claimtrace docs --failed</c>). When the queue runs dry and the store changed since it last looked (by
/// any worker), the worker brings copy links and claims up to date (several may at once; the store keeps the newest
/// result, docs/claims.md). Cancelling
/// <see cref="RunAsync"/> (SIGTERM) stops taking messages, finishes the batch in hand, acknowledges it and hands the
/// rest back.
/// </summary>
public sealed class PageWorker(PageQueue queue, IPageStore store, PageProcessor processor, WorkerOptions options, TextWriter log)
{
    private static readonly TimeSpan Idle = TimeSpan.FromSeconds(1);

    private int stored;
    private int failures;
    private int requeued;
    private int dead;

    public async Task<WorkerSummary> RunAsync(CancellationToken stop)
    {
        await using var connection = await queue.ConnectAsync("claimtrace worker", stop);
        await using var channel = await connection.CreateChannelAsync(cancellationToken: stop);
        await queue.DeclareAsync(channel, stop);
        await channel.BasicQosAsync(0, (ushort)Math.Clamp(options.Prefetch, 1, ushort.MaxValue), global: false, stop);

        var inbox = Channel.CreateUnbounded<Delivery>();
        var consumer = new AsyncEventingBasicConsumer(channel);
        consumer.ReceivedAsync += (_, e) =>
        {
            // The body is only valid inside the handler: copied before it leaves.
            inbox.Writer.TryWrite(new Delivery(e.DeliveryTag, e.Body.ToArray(), DeliveryCount(e.BasicProperties), e.BasicProperties.MessageId ?? "?"));
            return Task.CompletedTask;
        };
        var tag = await channel.BasicConsumeAsync(queue.Name, autoAck: false, consumer, stop);
        // The store's change count when claims were last brought up to date here: another worker's batches count too,
        // so whichever worker falls idle last links what every worker stored, even one killed before it could.
        var linkedAt = -1L;
        try
        {
            while (!stop.IsCancellationRequested)
            {
                var batch = await NextBatch(inbox.Reader, stop);
                if (batch.Count == 0)
                {
                    if (store.ChangeStamp() != linkedAt)
                    {
                        var update = StoreLinking.Update(store);
                        linkedAt = store.ChangeStamp();
                        log.WriteLine($"claimtrace worker: queue empty; claims {(update.Relinked ? "linked again" : "unchanged")} ({update.Claims:N0} claims)");
                    }

                    continue;
                }

                await Handle(channel, batch);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Stopping: below.
        }

        // Take no more; what was delivered but not started goes back to the queue for another worker.
        await channel.BasicCancelAsync(tag, cancellationToken: CancellationToken.None);
        while (inbox.Reader.TryRead(out var left))
        {
            await channel.BasicNackAsync(left.Tag, multiple: false, requeue: true, CancellationToken.None);
            requeued++;
        }

        await channel.CloseAsync(CancellationToken.None);
        return new WorkerSummary(stored, failures, requeued, dead);
    }

    /// <summary>The next messages: waits for one (up to a second of quiet), then takes what else has arrived, up to the prefetch.</summary>
    private async Task<List<Delivery>> NextBatch(ChannelReader<Delivery> inbox, CancellationToken stop)
    {
        var batch = new List<Delivery>();
        using var quiet = CancellationTokenSource.CreateLinkedTokenSource(stop);
        quiet.CancelAfter(Idle);
        try
        {
            batch.Add(await inbox.ReadAsync(quiet.Token));
        }
        catch (OperationCanceledException) when (!stop.IsCancellationRequested)
        {
            return batch;
        }

        // A short wait lets a burst of deliveries fill the batch: one transaction for many pages.
        await Task.Delay(20, CancellationToken.None);
        while (batch.Count < options.Prefetch && inbox.TryRead(out var next))
            batch.Add(next);
        return batch;
    }

    private async Task Handle(IChannel channel, List<Delivery> batch)
    {
        var outcomes = batch
            .AsParallel()
            .AsOrdered()
            .WithDegreeOfParallelism(options.Threads)
            .Select(Process)
            .ToList();
        var pages = outcomes.Where(o => o.Page is not null).Select(o => o.Page!).ToList();
        var failed = outcomes.Where(o => o.Failure is not null).Select(o => o.Failure!).ToList();
        try
        {
            store.SaveBatch(pages, failed);
        }
        catch (StoreException e)
        {
            log.WriteLine($"claimtrace worker: {e.Message}");
            foreach (var delivery in batch)
                await GiveBack(channel, delivery, e.Message);
            return;
        }

        // Committed: now, and only now, the broker may forget these messages.
        foreach (var delivery in batch)
            await channel.BasicAckAsync(delivery.Tag, multiple: false, CancellationToken.None);
        stored += pages.Count;
        failures += failed.Count;
    }

    /// <summary>A message's page, or its failure: a message no worker can read is recorded as malformed, not retried.</summary>
    private PageOutcome Process(Delivery delivery)
    {
        ReadResult input;
        try
        {
            input = PageMessage.Read(delivery.Body);
        }
        catch (FormatException e)
        {
            return PageOutcome.Fail(new ReadFailure($"queue:{queue.Name}#{delivery.MessageId}", null, FailureKind.Malformed, e.Message));
        }

        return input.Page is { } raw ? processor.Process(raw) : PageOutcome.Fail(input.Failure!);
    }

    /// <summary>Hands a message back for another try, or, at its last delivery, records why it failed and lets it be dead-lettered.</summary>
    private async Task GiveBack(IChannel channel, Delivery delivery, string reason)
    {
        if (delivery.PreviousDeliveries + 1 < PageQueue.DeliveryLimit)
        {
            await channel.BasicNackAsync(delivery.Tag, multiple: false, requeue: true, CancellationToken.None);
            requeued++;
            return;
        }

        var source = PageMessage.TryReadSource(delivery.Body) ?? $"queue:{queue.Name}#{delivery.MessageId}";
        try
        {
            store.SaveBatch([], [new ReadFailure(source, null, FailureKind.Io, $"dead-lettered to {queue.DeadQueue} after {PageQueue.DeliveryLimit} deliveries: {reason}")]);
        }
        catch (StoreException e)
        {
            log.WriteLine($"claimtrace worker: could not record the dead-lettered {source}: {e.Message}");
        }

        await channel.BasicNackAsync(delivery.Tag, multiple: false, requeue: false, CancellationToken.None);
        dead++;
    }

    /// <summary>Deliveries before this one: quorum queues count them in <c>x-delivery-count</c>.</summary>
    private static int DeliveryCount(IReadOnlyBasicProperties properties) =>
        properties.Headers is { } headers && headers.TryGetValue("x-delivery-count", out var value) && value is not null
            ? Convert.ToInt32(value is byte[] bytes ? Encoding.UTF8.GetString(bytes) : value, CultureInfo.InvariantCulture)
            : 0;

    private sealed record Delivery(ulong Tag, byte[] Body, int PreviousDeliveries, string MessageId);
}
