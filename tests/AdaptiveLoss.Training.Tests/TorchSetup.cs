using System.Runtime.CompilerServices;
using TorchSharp;

namespace AdaptiveLoss.Training.Tests;

/// <summary>
/// One torch thread for the whole test assembly: test classes run in parallel and other test projects share the
/// cores; oversubscribed OpenMP threads made a 24-iteration run 30× slower (measured on 2 cores under load).
/// </summary>
internal static class TorchSetup
{
    [ModuleInitializer]
    internal static void SingleThread() => torch.set_num_threads(1);
}
