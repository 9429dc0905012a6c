using AdaptiveLoss.Core.IO;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace AdaptiveLoss.Silo;

/// <summary>
/// The last checks before the silo starts, in the order that keeps a refused start from writing anything: the settings
/// the host would validate at start, then the state folder's lock (docs/durability.md, "One owner per state folder").
/// </summary>
public static class SiloState
{
    /// <summary>
    /// The first failure of the settings checked at start (<c>ValidateOnStart</c>: Training:*, IValidateOptions) as one
    /// line, or null; checked on the built host, before the state folder is taken.
    /// </summary>
    public static string? SettingsProblem(IHost host)
    {
        ArgumentNullException.ThrowIfNull(host);
        try
        {
            host.Services.GetService<IStartupValidator>()?.Validate();
            return null;
        }
        catch (OptionsValidationException ex)
        {
            return ex.Failures.First();
        }
    }

    /// <summary>Locks <see cref="SiloOptions.StateDirectory"/> for this silo; null with a one-line problem when another process holds it.</summary>
    public static StateFolderLock? Take(SiloOptions options, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(options);
        try
        {
            problem = null;
            return StateFolderLock.Acquire(options.StateDirectory, $"ala-silo, gateway port {options.GatewayPort}");
        }
        catch (StateFolderBusyException ex)
        {
            problem = $"--state: {ex.Message}; stop it, or give this silo another --state";
            return null;
        }
    }
}
