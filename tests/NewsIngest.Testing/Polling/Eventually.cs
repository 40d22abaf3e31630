using System.Diagnostics;

namespace NewsIngest.Testing;

/// <summary>Awaits a condition with a deadline instead of sleeping for a fixed time.</summary>
public static class Eventually
{
    private static readonly TimeSpan FirstDelay = TimeSpan.FromMilliseconds(10);
    private static readonly TimeSpan LongestDelay = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// Polls <paramref name="condition"/> (first at once, then with growing short delays) until it returns true.
    /// An exception from the condition counts as "not yet"; the last one is attached to the failure.
    /// </summary>
    /// <exception cref="TimeoutException">The condition was still false when <paramref name="timeout"/> ran out; the message holds <paramref name="because"/>.</exception>
    public static async Task UntilAsync(
        Func<Task<bool>> condition,
        TimeSpan timeout,
        string because,
        CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        var delay = FirstDelay;
        var attempts = 0;
        Exception? lastError = null;
        while (true)
        {
            attempts++;
            try
            {
                if (await condition())
                {
                    return;
                }

                lastError = null;
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                lastError = ex;
            }

            var remaining = timeout - clock.Elapsed;
            if (remaining <= TimeSpan.Zero)
            {
                var detail = lastError is null ? string.Empty : $" Last attempt threw {lastError.GetType().Name}: {lastError.Message}";
                throw new TimeoutException(
                    $"Timed out after {timeout.TotalSeconds:0.###} s ({attempts} attempts) waiting until {because}.{detail}",
                    lastError);
            }

            await Task.Delay(delay < remaining ? delay : remaining, cancellationToken);
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, LongestDelay.Ticks));
        }
    }

    /// <inheritdoc cref="UntilAsync(Func{Task{bool}}, TimeSpan, string, CancellationToken)"/>
    public static Task UntilAsync(
        Func<bool> condition,
        TimeSpan timeout,
        string because,
        CancellationToken cancellationToken = default) =>
        UntilAsync(() => Task.FromResult(condition()), timeout, because, cancellationToken);
}
