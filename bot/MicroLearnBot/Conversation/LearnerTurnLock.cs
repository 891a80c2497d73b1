namespace MicroLearnBot.Conversation;

/// <summary>
/// Runs one turn at a time per learner in this process. Teams sends a personal install as two activities a few
/// milliseconds apart (conversationUpdate and installationUpdate); handled in parallel, both would try to create
/// the learner. Across instances the unique learner index decides and the losing turn is retried.
/// </summary>
/// <remarks>
/// Learners share a fixed set of striped locks, so memory stays constant. Two learners on one stripe only wait
/// for each other's turn, which takes milliseconds.
/// </remarks>
public sealed class LearnerTurnLock
{
    private const int StripeCount = 256;

    private readonly SemaphoreSlim[] _stripes = [.. Enumerable.Range(0, StripeCount).Select(_ => new SemaphoreSlim(1, 1))];

    public async Task<IDisposable> AcquireAsync(LearnerKey key, CancellationToken cancellationToken)
    {
        var stripe = _stripes[(int)((uint)key.GetHashCode() % StripeCount)];
        await stripe.WaitAsync(cancellationToken);
        return new Release(stripe);
    }

    private sealed class Release(SemaphoreSlim stripe) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                stripe.Release();
            }
        }
    }
}
