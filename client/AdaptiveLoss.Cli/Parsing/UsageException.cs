namespace AdaptiveLoss.Cli.Parsing;

/// <summary>Bad user input: the CLI prints <c>ala: message</c> on one line and exits 2, writing nothing.</summary>
internal sealed class UsageException(string message) : Exception(message);
