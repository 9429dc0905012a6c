using System.Net;
using AdaptiveLoss.Grains.Clustering;
using AdaptiveLoss.ServiceDefaults;
using Microsoft.Extensions.Configuration;

namespace AdaptiveLoss.Silo;

/// <summary>
/// Settings of the standalone silo (localhost or Redis clustering, optional dashboard). Bound from section
/// <see cref="SectionName"/> of configuration: appsettings.json, environment (<c>Silo__GatewayPort=30001</c>,
/// <c>Silo__Clustering=redis</c>) or the flags in <see cref="SwitchMappings"/> and <c>--dashboard</c>. The training
/// flags <c>--max-children</c> and <c>--device</c> set section <c>Training</c> (<see cref="MaxChildrenKey"/>,
/// <see cref="DeviceKey"/>), which the grains read.
/// </summary>
public sealed partial class SiloOptions
{
    /// <summary>Configuration section.</summary>
    public const string SectionName = "Silo";

    /// <summary>The flags of <c>ala-silo</c> that take a value, and the configuration keys they set.</summary>
    public static IDictionary<string, string> SwitchMappings { get; } = new Dictionary<string, string>
    {
        ["--silo-port"] = $"{SectionName}:{nameof(SiloPort)}",
        ["--gateway-port"] = $"{SectionName}:{nameof(GatewayPort)}",
        ["--dashboard"] = $"{SectionName}:{nameof(Dashboard)}",
        ["--dashboard-port"] = $"{SectionName}:{nameof(DashboardPort)}",
        ["--dashboard-host"] = $"{SectionName}:{nameof(DashboardHost)}",
        ["--state"] = $"{SectionName}:{nameof(StateDirectory)}",
        ["--telemetry"] = TelemetryKey,
        ["--clustering"] = $"{SectionName}:{nameof(Clustering)}",
        ["--redis"] = $"{SectionName}:{nameof(Redis)}",
        ["--cluster-id"] = $"{SectionName}:{nameof(ClusterId)}",
        ["--service-id"] = $"{SectionName}:{nameof(ServiceId)}",
        ["--advertised-address"] = $"{SectionName}:{nameof(AdvertisedAddress)}",
        ["--probe-timeout"] = $"{SectionName}:{nameof(ProbeTimeoutSeconds)}",
        ["--missed-probes"] = $"{SectionName}:{nameof(MissedProbesLimit)}",
        ["--max-children"] = MaxChildrenKey,
        ["--device"] = DeviceKey,
        ["--checkpoints"] = CheckpointsKey,
        ["--redis-password-file"] = $"{SectionName}:{nameof(RedisPasswordFile)}",
        ["--tls-cert"] = $"{SectionName}:{nameof(TlsCertificate)}",
        ["--tls-key"] = $"{SectionName}:{nameof(TlsKey)}",
        ["--tls-ca"] = $"{SectionName}:{nameof(TlsAuthority)}",
        ["--health-port"] = $"{SectionName}:{nameof(HealthPort)}",
        ["--dashboard-user"] = $"{SectionName}:{nameof(DashboardUser)}",
        ["--dashboard-password-file"] = $"{SectionName}:{nameof(DashboardPasswordFile)}",
        ["--kubernetes"] = $"{SectionName}:{nameof(Kubernetes)}",
    };

    /// <summary>
    /// Configuration key of the checkpoint folder (<c>--checkpoints DIR</c>; unset = STATE/checkpoints). Silos of one
    /// cluster need one they all see, so that a child re-activated on another silo resumes from its checkpoint.
    /// </summary>
    public const string CheckpointsKey = "Training:CheckpointRoot";

    /// <summary>Configuration key of the children that train at once on this silo (<c>--max-children</c>; 0 = no limit).</summary>
    public const string MaxChildrenKey = "Training:MaxConcurrentChildren";

    /// <summary>Configuration key of this silo's device (<c>--device cpu|cuda</c>; unset = each experiment's --device).</summary>
    public const string DeviceKey = "Training:Device";

    /// <summary>
    /// Configuration key of the exporter (none, console or otlp): <c>--telemetry</c>, <c>Telemetry__Exporter</c> or
    /// appsettings.json. Unset: otlp when OTEL_EXPORTER_OTLP_ENDPOINT is set, else none (as <c>ala run</c>).
    /// </summary>
    public const string TelemetryKey = "Telemetry:Exporter";

    /// <summary>Silo-to-silo port. Default 11111 (Orleans' localhost default).</summary>
    public int SiloPort { get; set; } = 11111;

    /// <summary>Client gateway port; <c>ala run --cluster localhost:PORT</c> connects here. Default 30000.</summary>
    public int GatewayPort { get; set; } = 30000;

    /// <summary>Serve the Orleans dashboard (<c>--dashboard</c>). Default false: no HTTP listener at all.</summary>
    public bool Dashboard { get; set; }

    /// <summary>TCP port of the dashboard. Default 8080.</summary>
    public int DashboardPort { get; set; } = 8080;

    /// <summary>
    /// Address the dashboard binds to: an IP address, or <c>localhost</c> (127.0.0.1 and ::1). Default 127.0.0.1, so
    /// it is reachable from this machine only; an address beyond loopback needs <see cref="DashboardUser"/> and a
    /// password (docs/deploy.md, "Dashboard login").
    /// </summary>
    public string DashboardHost { get; set; } = "127.0.0.1";

    /// <summary>
    /// State folder (<c>--state</c>): learning policies save snapshots to STATE/policies/&lt;policyId&gt;/&lt;version&gt;.json
    /// and children checkpoint to STATE/checkpoints/&lt;experimentId&gt;/&lt;index&gt;/ (unless Training:CheckpointRoot
    /// says otherwise). Default ./state. On one machine, give each silo its own.
    /// </summary>
    public string StateDirectory { get; set; } = "state";

    /// <summary>
    /// Membership and grain storage (<c>--clustering</c>): <c>localhost</c> (default; a one-silo cluster, no storage
    /// server) or <c>redis</c> (silos find each other, and grain state lives, in the Redis at <see cref="Redis"/>).
    /// </summary>
    public string Clustering { get; set; } = "localhost";

    /// <summary>
    /// Redis server (<c>--redis</c>), for <c>--clustering redis</c>: HOST:PORT, <c>redis://</c> or <c>rediss://HOST[:PORT]</c>,
    /// optionally with <c>,ssl=true,sslHost=NAME,user=NAME</c> (<see cref="RedisTarget.Forms"/>); never a password.
    /// Default 127.0.0.1:6379.
    /// </summary>
    public string Redis { get; set; } = "127.0.0.1:6379";

    /// <summary>Orleans cluster id (<c>--cluster-id</c>): silos and clients of one cluster share it. Default "ala".</summary>
    public string ClusterId { get; set; } = "ala";

    /// <summary>Orleans service id (<c>--service-id</c>): part of every stored grain state's key. Default "ala".</summary>
    public string ServiceId { get; set; } = "ala";

    /// <summary>
    /// The IP address this silo publishes to the others and to clients (<c>--advertised-address</c>), for Redis
    /// clustering. Default 127.0.0.1: every silo on one machine; use the machine's LAN address across machines.
    /// </summary>
    public string AdvertisedAddress { get; set; } = "127.0.0.1";

    /// <summary>
    /// Seconds a silo waits for a probed silo's answer (<c>--probe-timeout</c>; Orleans' ProbeTimeout). Default 2.
    /// With <see cref="MissedProbesLimit"/> 3, a killed silo is suspected after about 6 s and declared dead once two
    /// silos vote (Orleans' default NumVotesForDeathDeclaration), about 10 s on loopback instead of Orleans' 30-60 s.
    /// </summary>
    public double ProbeTimeoutSeconds { get; set; } = 2;

    /// <summary>Missed probes before a silo votes another dead (<c>--missed-probes</c>; Orleans' NumMissedProbesLimit). Default 3.</summary>
    public int MissedProbesLimit { get; set; } = 3;

    /// <summary>True for <c>--clustering redis</c>.</summary>
    public bool UsesRedis => Clustering == "redis";

    /// <summary>Raw <see cref="MaxChildrenKey"/> (validated by <see cref="Problem"/>).</summary>
    public string? MaxChildren { get; set; }

    /// <summary>Raw <see cref="DeviceKey"/> (validated by <see cref="Problem"/>).</summary>
    public string? Device { get; set; }

    /// <summary>
    /// Reads the settings from appsettings.json (working folder), the environment and <paramref name="args"/>, the
    /// sources the host uses too. They are read before the host is built because the dashboard decides which host.
    /// </summary>
    public static SiloOptions Read(string[] args) => Read(args, Directory.GetCurrentDirectory());

    /// <summary>As <see cref="Read(string[])"/>, with appsettings.json read from <paramref name="workingDirectory"/>.</summary>
    public static SiloOptions Read(string[] args, string workingDirectory)
    {
        // Capped before the loader reads them whole (docs/cluster.md, "Settings files, secrets and the state folder").
        if (SettingsFiles.Problem(workingDirectory, SettingsFiles.EnvironmentName(Environment.GetEnvironmentVariable)) is { } settings)
        {
            return new SiloOptions { _bindProblem = settings };
        }

        IConfigurationRoot configuration;
        try
        {
            configuration = new ConfigurationBuilder()
                .AddJsonFile(Path.Combine(workingDirectory, "appsettings.json"), optional: true)
                .AddEnvironmentVariables()
                .AddCommandLine(NormalizeSwitches(args), SwitchMappings)
                .Build();
        }
        catch (InvalidDataException ex)
        {
            // A malformed settings file: one line naming it, not an unhandled exception (docs/cluster.md, "Settings
            // files, secrets and the state folder").
            return new SiloOptions { _bindProblem = SettingsFiles.Describe(ex) };
        }

        SiloOptions options;
        try
        {
            options = configuration.GetSection(SectionName).Get<SiloOptions>() ?? new SiloOptions();
        }
        catch (InvalidOperationException ex)
        {
            // A number that is not one ("--silo-port abc"): the binder names the key; Problem() reports it.
            options = new SiloOptions { _bindProblem = BindProblem(ex) };
        }

        (options.MaxChildren, options.Device) = (configuration[MaxChildrenKey], configuration[DeviceKey]);
        return options;
    }

    private string? _bindProblem;

    private static string BindProblem(InvalidOperationException ex)
    {
        var text = ex.Message;
        var flag = SwitchMappings.FirstOrDefault(m => text.Contains($"'{m.Value}'", StringComparison.Ordinal)).Key;
        return flag is null ? $"bad setting in section {SectionName}: {text}" : $"{flag} must be a number ({text})";
    }

    /// <summary>
    /// A bare <c>--dashboard</c> (or <c>--kubernetes</c>) becomes <c>--dashboard=true</c>: the command-line provider would otherwise take the
    /// next word (say <c>--dashboard-port</c>) as its value.
    /// </summary>
    public static string[] NormalizeSwitches(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        return [.. args.Select((a, i) => a is "--dashboard" or "--kubernetes" && (i + 1 >= args.Length || !bool.TryParse(args[i + 1], out _)) ? $"{a}=true" : a)];
    }

    /// <summary>The first invalid setting as a one-line message naming its flag, or null.</summary>
    public string? Problem()
    {
        if (_bindProblem is not null)
        {
            return _bindProblem;
        }

        if (Clustering is not ("localhost" or "redis"))
        {
            return $"--clustering must be localhost or redis (got '{Clustering}')";
        }

        if (!RedisTarget.TryParse(Redis, portRequired: true, out _))
        {
            // Not echoed: a mistyped value may hold a password (host:port,password=…).
            return $"--redis must be {RedisTarget.Forms}";
        }

        if (string.IsNullOrWhiteSpace(ClusterId) || string.IsNullOrWhiteSpace(ServiceId))
        {
            return string.IsNullOrWhiteSpace(ClusterId) ? "--cluster-id must not be empty" : "--service-id must not be empty";
        }

        if (!IPAddress.TryParse(AdvertisedAddress, out _))
        {
            return $"--advertised-address must be an IP address (got '{AdvertisedAddress}')";
        }

        if (!(ProbeTimeoutSeconds is > 0 and <= 600))
        {
            return $"--probe-timeout must be seconds in (0, 600] (got {ProbeTimeoutSeconds})";
        }

        if (MissedProbesLimit is < 1 or > 100)
        {
            return $"--missed-probes must be 1-100 (got {MissedProbesLimit})";
        }

        if (MaxChildren is not null && !(int.TryParse(MaxChildren, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n >= 0))
        {
            return $"--max-children must be a whole number >= 0, 0 = no limit (got '{MaxChildren}')";
        }

        if (Device is not null && Device is not ("cpu" or "cuda"))
        {
            return $"--device must be cpu or cuda (got '{Device}')";
        }

        foreach (var (flag, port) in new[] { ("--silo-port", SiloPort), ("--gateway-port", GatewayPort), ("--dashboard-port", DashboardPort), ("--health-port", HealthPort == 0 ? 1 : HealthPort) })
        {
            if (port is < 1 or > 65535)
            {
                return $"{flag} must be 1-65535 (got {port})";
            }
        }

        return DashboardHost == "localhost" || IPAddress.TryParse(DashboardHost, out _)
            ? SecurityProblem()
            : $"--dashboard-host must be an IP address or localhost (got '{DashboardHost}')";
    }

    /// <summary>Reads the exporter from <paramref name="configuration"/>; false with a one-line problem for a bad value.</summary>
    public static bool TryTelemetry(IConfiguration configuration, out TelemetryExporter exporter, out string? problem)
    {
        var value = configuration[TelemetryKey];
        (exporter, problem) = (TelemetryExporters.Default(name => configuration[name]), null);
        if (value is null)
        {
            return true;
        }

        try
        {
            exporter = TelemetryExporters.Parse("--telemetry (Telemetry:Exporter)", value);
            return true;
        }
        catch (ArgumentException ex)
        {
            problem = ex.Message;
            return false;
        }
    }
}
