namespace AdaptiveLoss.Benchmarks;

/// <summary>Bad input on the command line: reported as one line on stderr, exit code 2, nothing run or written.</summary>
internal sealed class BenchUsageException(string message) : Exception(message);
