using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace AdaptiveLoss.Silo;

/// <summary>
/// HTTP basic authentication in front of the Orleans dashboard (docs/deploy.md, "Dashboard login"): a request to the
/// dashboard's port without the right user and password gets 401 and a <c>WWW-Authenticate</c> challenge. Behind TLS
/// termination (an ingress) the password travels encrypted; on a plain port it does not, which is why the default
/// binding stays loopback.
/// </summary>
/// <param name="User">The user name.</param>
/// <param name="Password">The password (a secret: never logged).</param>
public sealed record DashboardLogin(string User, string Password)
{
    /// <summary><see cref="User"/> only: the record's generated text would print the password.</summary>
    public override string ToString() => User;

    /// <summary>True when <paramref name="authorization"/> (the Authorization header) carries this user and password.</summary>
    public bool Accepts(string? authorization)
    {
        if (authorization is null || !authorization.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        byte[] given;
        try
        {
            given = Convert.FromBase64String(authorization["Basic ".Length..].Trim());
        }
        catch (FormatException)
        {
            return false;
        }

        // Compared as hashes in fixed time: neither length nor content leaks through timing.
        return CryptographicOperations.FixedTimeEquals(SHA256.HashData(given), SHA256.HashData(Encoding.UTF8.GetBytes($"{User}:{Password}")));
    }

    /// <summary>Middleware: requests that reach <paramref name="port"/> must log in; other ports (the health port) pass.</summary>
    public Func<HttpContext, RequestDelegate, Task> Middleware(int port) => async (context, next) =>
    {
        if (context.Connection.LocalPort == port && !Accepts(context.Request.Headers.Authorization))
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            context.Response.Headers.WWWAuthenticate = "Basic realm=\"ala-silo dashboard\", charset=\"UTF-8\"";
            return;
        }

        await next(context);
    };
}
