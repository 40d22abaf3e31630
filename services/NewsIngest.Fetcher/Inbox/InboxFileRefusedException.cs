namespace NewsIngest.Fetcher.Inbox;

/// <summary>An inbox entry that is not read: the message says why.</summary>
internal sealed class InboxFileRefusedException(string reason) : Exception(reason);
