using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Hosting;
using Orleans.Dashboard;

namespace AdaptiveLoss.Silo;

/// <summary>
/// The Orleans dashboard (Microsoft.Orleans.Dashboard) on the standalone silo, only with <c>--dashboard</c>: then the
/// silo is an ASP.NET Core application whose only endpoints are the dashboard's, on
/// <see cref="SiloOptions.DashboardHost"/>:<see cref="SiloOptions.DashboardPort"/>. Without it the silo stays a plain
/// generic host and opens no HTTP port.
/// </summary>
public static class SiloDashboard
{
    /// <summary>A web application builder when the dashboard is on, else the generic host's builder.</summary>
    public static IHostApplicationBuilder CreateBuilder(string[] args, SiloOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.Dashboard)
        {
            return Host.CreateApplicationBuilder(args);
        }

        var builder = WebApplication.CreateSlimBuilder(args);
        // Explicit endpoints replace ASPNETCORE_URLS and the default http://localhost:5000.
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            if (options.DashboardHost == "localhost")
            {
                kestrel.ListenLocalhost(options.DashboardPort);
            }
            else
            {
                kestrel.Listen(IPAddress.Parse(options.DashboardHost), options.DashboardPort);
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

    /// <summary>Builds the host; with the dashboard, maps its page and API at the root.</summary>
    public static IHost Build(IHostApplicationBuilder builder)
    {
        if (builder is WebApplicationBuilder web)
        {
            var app = web.Build();
            app.MapOrleansDashboard();
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
