using TorchSharp;

namespace AdaptiveLoss.Grains.Workers;

/// <summary>The start-up check of a silo that offers <c>--device cuda</c>.</summary>
public static class DeviceCheck
{
    /// <summary>Null when TorchSharp sees a CUDA device, else a one-line reason.</summary>
    public static string? CudaProblem()
    {
        try
        {
            return torch.cuda.is_available() ? null : "no CUDA device is available to this process (this build has the CPU libtorch)";
        }
        catch (Exception ex) when (ex is TypeInitializationException or NotSupportedException or DllNotFoundException)
        {
            return $"TorchSharp could not load: {ex.Message.Split('\n', 2)[0]}";
        }
    }
}
