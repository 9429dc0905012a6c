using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using TorchSharp;

namespace AdaptiveLoss.Benchmarks.Peer;

/// <summary>The software the peer numbers belong to.</summary>
/// <param name="TorchSharp">TorchSharp assembly version.</param>
/// <param name="LibTorch">The libtorch package TorchSharp runs on (from the deps file), or null.</param>
/// <param name="TorchSharpDefaultThreads">torch.get_num_threads() in this process before the suite set it.</param>
/// <param name="PyTorch">torch.__version__ of the Python side, or null when skipped.</param>
/// <param name="PyTorchPackage">Debian package version of python3-torch, or null.</param>
/// <param name="Python">Python version, or null.</param>
/// <param name="Numpy">numpy version, or null.</param>
/// <param name="PyTorchBlas">BLAS_INFO of the PyTorch build, or null.</param>
/// <param name="PyTorchDefaultThreads">torch.get_num_threads() in Python before the script set it, or null.</param>
internal sealed record PeerVersions(
    string TorchSharp,
    string? LibTorch,
    int TorchSharpDefaultThreads,
    string? PyTorch,
    string? PyTorchPackage,
    string? Python,
    string? Numpy,
    string? PyTorchBlas,
    int? PyTorchDefaultThreads)
{
    /// <summary>Versions of this process's TorchSharp plus whatever the Python report (if any) says.</summary>
    public static PeerVersions Of(int torchSharpDefaultThreads, JsonElement? python, string? package) => new(
        typeof(torch).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
            ?? typeof(torch).Assembly.GetName().Version?.ToString() ?? "unknown",
        LibTorchVersion(),
        torchSharpDefaultThreads,
        Text(python, "torchVersion"),
        package,
        Text(python, "python"),
        Text(python, "numpyVersion"),
        Text(python, "blas"),
        python is { } p && p.TryGetProperty("defaultThreads", out var t) ? t.GetInt32() : null);

    // The deps file of the running app lists the native package, e.g. "libtorch-cpu-linux-x64/2.10.0".
    private static string? LibTorchVersion()
    {
        foreach (var deps in Directory.EnumerateFiles(AppContext.BaseDirectory, "*.deps.json"))
        {
            var match = Regex.Match(File.ReadAllText(deps), "\"(libtorch-[a-z0-9-]+)/([0-9][0-9A-Za-z.-]*)\"");
            if (match.Success)
            {
                return $"{match.Groups[1].Value} {match.Groups[2].Value}";
            }
        }

        return null;
    }

    private static string? Text(JsonElement? element, string name) =>
        element is { } e && e.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
