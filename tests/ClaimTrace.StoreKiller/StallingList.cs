using System.Collections;

namespace ClaimTrace.StoreKiller;

/// <summary>
/// A batch that stops the ingest when the store reaches one of its pages: the earlier pages of the batch
/// are written inside the open transaction, the marker line tells the test to kill the process now.
/// </summary>
public sealed class StallingList(IReadOnlyList<Page> pages, int stallAt) : IReadOnlyList<Page>
{
    public const string Marker = "stalled";

    public int Count => pages.Count;

    public Page this[int index]
    {
        get
        {
            if (index == stallAt)
            {
                Console.Out.WriteLine(Marker);
                Console.Out.Flush();
                Thread.Sleep(Timeout.Infinite);
            }

            return pages[index];
        }
    }

    public IEnumerator<Page> GetEnumerator()
    {
        for (var i = 0; i < Count; i++)
            yield return this[i];
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
