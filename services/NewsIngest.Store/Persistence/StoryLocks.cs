using System.Security.Cryptography;
using System.Text;

namespace NewsIngest.Store.Persistence;

/// <summary>
/// The PostgreSQL advisory locks of one story decision: one per band key, one for the article id, the content
/// hash and the canonical URL, each a 64-bit key (a kind in the high half, 32 bits of the key in the low
/// half). Two decisions that could match each other share a key (a copy is only found through a shared band
/// key, URL or hash), so they take turns; unrelated ones share none and run at once. Taken in ascending order
/// in one statement of constant text (the keys are one array parameter, so it is prepared once per
/// connection), and nothing else is waited for while they are held, so decisions cannot deadlock.
/// Hash collisions only make two unrelated decisions wait for each other.
/// </summary>
internal static class StoryLocks
{
    /// <summary>
    /// Takes the locks in parameter <c>@locks</c> (<see cref="Of"/>, ascending) one after the other, in array order:
    /// the function scan of <c>unnest</c> yields the elements in order and evaluates the lock call on each as it
    /// goes (PostgreSQL 15 plan: Aggregate over Function Scan, output <c>pg_advisory_xact_lock(l.k)</c>).
    /// The reads are statements of their own after this one: in READ COMMITTED a statement sees the database as it
    /// was when the statement began, so reads in the locking statement would miss what a decision holding one of
    /// these keys commits while this one waits for it.
    /// </summary>
    public const string Statement = "SELECT count(*) FROM (SELECT pg_advisory_xact_lock(l.k) FROM unnest(@locks) AS l(k)) AS locked";

    private const long Band = 1L << 32;
    private const long Article = 2L << 32;
    private const long ContentHash = 3L << 32;
    private const long CanonicalUrl = 4L << 32;

    public static long[] Of(StoryKeys keys)
    {
        var locks = new SortedSet<long>(keys.BandKeys.Select(key => Band | key))
        {
            Article | BitConverter.ToUInt32(keys.ArticleId.ToByteArray()),
            ContentHash | Low32(keys.ContentHash),
        };
        if (keys.CanonicalUrl is not null)
        {
            locks.Add(CanonicalUrl | Low32(keys.CanonicalUrl));
        }

        return [.. locks];
    }

    private static uint Low32(string text) => BitConverter.ToUInt32(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
