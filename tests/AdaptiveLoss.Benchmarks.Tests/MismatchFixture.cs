namespace AdaptiveLoss.Benchmarks.Tests;

/// <summary>
/// Hand-made mismatch runs, four paired children per arm (test values in %):
/// pairflip0.4 (error): ce end 30, 32, 34, 36 (best-validation window 25, 27, 29, 31); ls0.1 end 20..26, the best static
/// on test but not on validation (0.28); phi-all0.1 end 27..30 with validation 0.25, the best static by validation (ahead of
/// ce+early-stop 0.26 and phi-flip-neg0.2 0.255, whose test 22 is better); forward 10 with validation 0.05 (an oracle, never
/// chosen); ala 24..27 (best window 23..26; validation picks seed 2); frozen 26..29 (best window 25 each).
/// ls0.2, phi-all0.2 and phi-flip-pos0.2 are missing. longtail10 (balanced error): ce 40 each, post-hoc 35, 34, 33, 32; la1 38 each.
/// </summary>
internal static class MismatchFixture
{
    /// <summary>Writes the runs under <paramref name="runsRoot"/>/mismatch.</summary>
    public static void Write(string runsRoot)
    {
        var noise = new MismatchFakeRuns("error", "error");
        const string Task = "pairflip0.4";
        noise.Write(runsRoot, Task, "ce", "ce", [0.30, 0.32, 0.34, 0.36], Same(0.31), bestTest: [0.25, 0.27, 0.29, 0.31], bestValidation: Same(0.26));
        noise.Write(runsRoot, Task, "ls0.1", "label-smoothing", [0.20, 0.22, 0.24, 0.26], Same(0.28), bestValidation: Same(0.27), childEpochs: null);
        noise.Write(runsRoot, Task, "phi-all0.1", "fixed", [0.27, 0.28, 0.29, 0.30], Same(0.25), bestTest: [0.26, 0.27, 0.28, 0.29], bestValidation: Same(0.24));
        noise.Write(runsRoot, Task, "phi-flip-neg0.2", "fixed", Same(0.22), Same(0.255), childEpochs: 36);
        noise.Write(runsRoot, Task, "forward", "forward", Same(0.10), Same(0.05));
        noise.Write(runsRoot, Task, "ala", "ala", [0.24, 0.25, 0.26, 0.27], [0.2, 0.1, 0.3, 0.4], bestTest: [0.23, 0.24, 0.25, 0.26], bestValidation: Same(0.2));
        noise.Write(runsRoot, Task, "frozen", "ala", [0.26, 0.27, 0.28, 0.29], Same(0.3), bestTest: Same(0.25));

        var tail = new MismatchFakeRuns("balancedError", "balanced-error");
        tail.Write(runsRoot, "longtail10", "ce", "ce", Same(0.40), Same(0.41), postHoc: [0.35, 0.34, 0.33, 0.32]);
        tail.Write(runsRoot, "longtail10", "la1", "logit-adjusted", Same(0.38), Same(0.39));
    }

    private static double[] Same(double value) => [value, value, value, value];
}
