using System.Runtime.InteropServices;

namespace AdaptiveLoss.Benchmarks.Runs;

/// <summary>The machine a benchmark ran on (every result names the machine it ran on).</summary>
/// <param name="Cores">Logical processors visible to the process.</param>
/// <param name="CpuModel">"model name" from /proc/cpuinfo, or "unknown".</param>
/// <param name="MemoryGiB">MemTotal from /proc/meminfo in GiB, or null.</param>
/// <param name="Os">Operating system description.</param>
/// <param name="Runtime">.NET runtime description.</param>
internal sealed record MachineInfo(int Cores, string CpuModel, double? MemoryGiB, string Os, string Runtime)
{
    /// <summary>This machine.</summary>
    public static MachineInfo Current() => new(
        Environment.ProcessorCount,
        ProcValue("/proc/cpuinfo", "model name") ?? "unknown",
        ParseKiB(ProcValue("/proc/meminfo", "MemTotal")) is { } kib ? Math.Round(kib / (1024.0 * 1024.0), 1) : null,
        RuntimeInformation.OSDescription,
        RuntimeInformation.FrameworkDescription);

    /// <summary>One line for the report.</summary>
    public override string ToString() =>
        $"{Cores} logical cores, {CpuModel}, {(MemoryGiB is { } m ? $"{m:0.#} GiB" : "unknown")} memory, {Os}, {Runtime}";

    // "key : value" lines; the first match wins (every core repeats "model name").
    private static string? ProcValue(string path, string key)
    {
        try
        {
            return File.ReadLines(path)
                .Select(line => line.Split(':', 2))
                .Where(parts => parts.Length == 2 && parts[0].Trim() == key)
                .Select(parts => parts[1].Trim())
                .FirstOrDefault();
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static double? ParseKiB(string? value) =>
        value is not null && double.TryParse(value.Split(' ', StringSplitOptions.RemoveEmptyEntries)[0], System.Globalization.CultureInfo.InvariantCulture, out var kib)
            ? kib
            : null;
}
