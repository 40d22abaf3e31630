namespace NewsIngest.Fetcher.Http;

/// <summary>Puts every attempt (retries included) through the <see cref="HostGates"/> of its host.</summary>
public sealed class PolitenessHandler(HostGates gates) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var slot = await gates.EnterAsync(request.RequestUri!.Authority, cancellationToken);
        return await base.SendAsync(request, cancellationToken);
    }
}
