using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace NewsIngest.ServiceDefaults;

/// <summary>A management endpoint group that answers only requests carrying the configured key in <c>X-Api-Key</c>.</summary>
public static class ApiKeyExtensions
{
    public const string HeaderName = "X-Api-Key";

    /// <summary>Requests without the key (compared in constant time) get 401 and one WARN line with the method, path and peer.</summary>
    public static RouteGroupBuilder RequireApiKey(this RouteGroupBuilder group, string apiKey)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(apiKey);
        var expected = Encoding.UTF8.GetBytes(apiKey);
        group.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var given = http.Request.Headers[HeaderName].ToString();
            if (!CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), expected))
            {
                http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("NewsIngest.ApiKey").LogWarning(
                    "Refused {Method} {Path} from {RemoteAddress}: {Reason}",
                    http.Request.Method, http.Request.Path.Value, http.Connection.RemoteIpAddress?.ToString(), given.Length == 0 ? "no API key" : "wrong API key");
                return Results.Unauthorized();
            }

            return await next(context);
        });
        return group;
    }

    /// <summary>With a key: <see cref="RequireApiKey"/>. Without one: only loopback peers are answered (403 and one WARN
    /// line for others), so an unconfigured API is reachable from the host itself and nowhere else.</summary>
    public static RouteGroupBuilder RequireApiKeyOrLoopback(this RouteGroupBuilder group, string? apiKey)
    {
        if (!string.IsNullOrWhiteSpace(apiKey))
        {
            return group.RequireApiKey(apiKey);
        }

        group.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var peer = http.Connection.RemoteIpAddress;
            if (peer is null || !System.Net.IPAddress.IsLoopback(peer.IsIPv4MappedToIPv6 ? peer.MapToIPv4() : peer))
            {
                http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("NewsIngest.ApiKey").LogWarning(
                    "Refused {Method} {Path} from {RemoteAddress}: {Reason}",
                    http.Request.Method, http.Request.Path.Value, peer?.ToString(), "no API key is configured, so only loopback is served");
                return Results.StatusCode(StatusCodes.Status403Forbidden);
            }

            return await next(context);
        });
        return group;
    }
}
