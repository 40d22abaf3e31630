namespace NewsIngest.ServiceDefaults;

/// <summary>The name a process logs under (<c>Service</c> property) and prefixes its queues with.</summary>
public sealed record ServiceIdentity(string Name);
