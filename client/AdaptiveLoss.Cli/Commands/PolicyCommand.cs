using AdaptiveLoss.Cli.Output;
using AdaptiveLoss.Cli.Parsing;
using AdaptiveLoss.Core.Policy.Snapshots;

namespace AdaptiveLoss.Cli.Commands;

/// <summary>
/// <c>ala policy list|show|export|import</c> (docs/policy-snapshots.md): the policy snapshots of a state folder, read and written
/// directly (no cluster). Bad input, a missing snapshot or a file that fails validation is one line naming the file
/// and the problem, exit 2, and nothing written.
/// </summary>
internal static class PolicyCommand
{
    public static int Execute(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        if (args.Count == 0 || args.Any(a => a is "--help" or "-h"))
        {
            (args.Count == 0 ? error : output).Write(HelpText.Policy);
            return args.Count == 0 ? ExitCodes.Usage : ExitCodes.Success;
        }

        try
        {
            var (words, state, alias) = Parse(args.Skip(1).ToList());
            var store = new PolicyStore(state);
            switch (args[0], words.Count)
            {
                case ("list", 0):
                    PolicyPrinter.List(output, store);
                    return ExitCodes.Success;
                case ("show", 1):
                    PolicyPrinter.Show(output, store, PolicySource.Read(words[0], store.StateDirectory),
                        PolicySource.IsFile(words[0]) ? Path.GetFullPath(words[0]) : null);
                    return ExitCodes.Success;
                case ("export", 2):
                    return Export(output, store, PolicySource.Reference(words[0]), Path.GetFullPath(words[1]));
                case ("import", 1):
                    return Import(output, store, Path.GetFullPath(words[0]), alias);
                case ("list" or "show" or "export" or "import", _):
                    throw new UsageException($"policy {args[0]}: wrong arguments (see ala policy --help)");
                default:
                    throw new UsageException($"unknown policy command '{args[0]}' (list, show, export or import; see ala policy --help)");
            }
        }
        catch (UsageException ex)
        {
            error.WriteLine($"ala: {ex.Message}");
            return ExitCodes.Usage;
        }
        catch (PolicySnapshotException ex)
        {
            error.WriteLine($"ala: {RunCommand.OneLine(ex.Message)}");
            return ExitCodes.Usage;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"ala: {RunCommand.OneLine(ex.Message)}");
            return ExitCodes.Failure;
        }
    }

    private static int Export(TextWriter output, PolicyStore store, PolicyReference reference, string file)
    {
        if (Directory.Exists(file))
        {
            throw new UsageException($"policy export: '{file}' is a folder, not a file");
        }

        var snapshot = store.Read(reference);
        PolicySnapshotFile.Write(file, snapshot);
        output.WriteLine($"exported {snapshot.Reference} to {file}");
        return ExitCodes.Success;
    }

    // Validates the whole file first (PolicySnapshotFile.Read); the store is written only when everything holds.
    private static int Import(TextWriter output, PolicyStore store, string file, string? alias)
    {
        var snapshot = PolicySnapshotFile.Read(file);
        if (alias is not null)
        {
            snapshot = snapshot with { PolicyId = alias };
        }

        var target = store.PathOf(snapshot.PolicyId, snapshot.Version);
        if (File.Exists(target))
        {
            var existing = store.Read(snapshot.Reference);
            if (!existing.Parameters.AsSpan().SequenceEqual(snapshot.Parameters) || existing.Hidden != snapshot.Hidden)
            {
                throw new UsageException($"policy snapshot {file}: {snapshot.Reference} already exists in {store.PoliciesDirectory} with other weights (import it --as ANOTHER_ID)");
            }

            output.WriteLine($"{snapshot.Reference} is already stored: {target}");
            return ExitCodes.Success;
        }

        output.WriteLine($"imported {snapshot.Reference} to {store.Write(snapshot)}");
        return ExitCodes.Success;
    }

    // Positional words plus --state DIR and --as ID (import only), each at most once.
    private static (List<string> Words, string State, string? Alias) Parse(List<string> args)
    {
        var words = new List<string>();
        string? state = null;
        string? alias = null;
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--state" when state is null && i + 1 < args.Count:
                    state = ValueParser.Path("--state", args[++i]);
                    break;
                case "--as" when alias is null && i + 1 < args.Count:
                    alias = ValueParser.Id("--as", args[++i]);
                    break;
                case var word when word.StartsWith("--", StringComparison.Ordinal):
                    throw new UsageException($"policy: unknown, repeated or valueless option '{word}' (see ala policy --help)");
                default:
                    words.Add(args[i]);
                    break;
            }
        }

        return (words, state ?? Path.GetFullPath(RunPlan.DefaultStateDirectory), alias);
    }
}
