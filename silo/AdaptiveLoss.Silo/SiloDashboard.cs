using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Hosting;
using Orleans.Dashboard;

namespace AdaptiveLoss.Silo;

/// <summary>
/// The silo's HTTP side, only with <c>--dashboard</c> or <c>--health-port</c>: then the silo is an ASP.NET Core
/// application serving the Orleans dashboard (Microsoft.Orleans.Dashboard) on
/// <see cref="SiloOptions.DashboardHost"/>:<see cref="SiloOptions.DashboardPort"/>, behind a login when one is set, and
/// the health endpoints (<see cref="SiloHealth"/>) on every address at <see cref="SiloOptions.HealthPort"/>. Without
/// either the silo stays a plain generic host and opens no HTTP port.
/// </summary>
public static class SiloDashboard
{
    /// <summary>A web application builder when the dashboard or the health port is on, else the generic host's builder.</summary>
    public static IHostApplicationBuilder CreateBuilder(string[] args, SiloOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.Dashboard && options.HealthPort == 0)
        {
            return Host.CreateApplicationBuilder(args);
        }

        var builder = WebApplication.CreateSlimBuilder(args);
        // Explicit endpoints replace ASPNETCORE_URLS and the default http://localhost:5000.
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            if (options.Dashboard && options.DashboardHost == "localhost")
            {
                kestrel.ListenLocalhost(options.DashboardPort);
            }
            else if (options.Dashboard)
            {
                kestrel.Listen(IPAddress.Parse(options.DashboardHost), options.DashboardPort);
            }

            if (options.HealthPort != 0)
            {
                // Probes come from the kubelet or the compose engine, on the pod's or container's address.
                kestrel.ListenAnyIP(options.HealthPort);
            }
        });
        return builder;
    }

    /// <summary>Adds the dashboard's grains, call profiler and metrics to the silo when it is on.</summary>
    public static ISiloBuilder AddDashboardWhenEnabled(this ISiloBuilder silo, SiloOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Dashboard ? silo.AddDashboard() : silo;
    }

    /// <summary>Builds the host; on a web host, the login in front of the dashboard, its page and API, and the health paths.</summary>
    public static IHost Build(IHostApplicationBuilder builder, SiloOptions options, DashboardLogin? login)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (builder is WebApplicationBuilder web)
        {
            var app = web.Build();
            if (options.Dashboard && login is not null)
            {
                app.Use(login.Middleware(options.DashboardPort));
            }

            if (options.HealthPort != 0)
            {
                // The health port listens on every address: it serves the two health paths and nothing else (no dashboard).
                app.Use((context, next) => context.Connection.LocalPort == options.HealthPort && !context.Request.Path.StartsWithSegments("/health")
                    ? Task.FromResult(context.Response.StatusCode = Microsoft.AspNetCore.Http.StatusCodes.Status404NotFound)
                    : next(context));
                app.MapSiloHealth();
            }

            if (options.Dashboard)
            {
                app.MapOrleansDashboard();
            }

            return app;
        }

        return ((HostApplicationBuilder)builder).Build();
    }

    /// <summary>The dashboard's address for the ready line, e.g. "http://127.0.0.1:8080/".</summary>
    public static string Url(SiloOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var host = IPAddress.TryParse(options.DashboardHost, out var ip) && ip.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6
            ? $"[{options.DashboardHost}]"
            : options.DashboardHost;
        return $"http://{host}:{options.DashboardPort}/";
    }
}
