using System.CommandLine;
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
    /// <summary>The <c>policy</c> command and its four subcommands, each with <c>ala run</c>'s <c>--state</c> (<see cref="RunOptionTable"/>).</summary>
    public static Command Create(TextWriter output, TextWriter error)
    {
        var reference = () => new Argument<string>("ID[@VERSION]") { Description = "a policy ID[@VERSION]" };
        var list = Subcommand("list", "the stored policies: versions, latest, task, model, classes", output, error, [],
            (store, _, _) => PolicyPrinter.List(output, store));
        var show = Subcommand("show", "header, shape, hash, provenance, π on a neutral state", output, error,
            [new Argument<string>("ID[@VERSION]|FILE.json") { Description = "a policy ID[@VERSION] or a snapshot FILE.json" }],
            (store, words, _) => PolicyPrinter.Show(output, store, PolicySource.Read(words[0], store.StateDirectory),
                PolicySource.IsFile(words[0]) ? Path.GetFullPath(words[0]) : null));
        var export = Subcommand("export", "copy a snapshot (default: the latest) to FILE", output, error,
            [reference(), new Argument<string>("FILE") { Description = "a FILE to write" }],
            (store, words, _) => Export(output, store, PolicySource.Reference(words[0]), Path.GetFullPath(words[1])));
        var import = Subcommand("import", "validate FILE and store it (under ID with --as)", output, error,
            [new Argument<string>("FILE") { Description = "a snapshot FILE" }],
            (store, words, alias) => Import(output, store, Path.GetFullPath(words[0]), alias), withAlias: true);
        return new Command("policy", "the policy snapshots of a state folder") { list, show, export, import };
    }

    // A subcommand: its words, --state (and --as), and the one error contract of every policy command.
    private static Command Subcommand(string name, string description, TextWriter output, TextWriter error, Argument[] words,
        Action<PolicyStore, string[], string?> run, bool withAlias = false)
    {
        var options = new SpecOptions(RunOptionTable.Named("--state"));
        var command = options.AddTo(new Command(name, description));
        var alias = new Option<string>("--as") { Arity = ArgumentArity.ExactlyOne, HelpName = "ID", Description = "store the snapshot under ID" };
        if (withAlias)
        {
            command.Add(alias);
        }

        foreach (var word in words)
        {
            command.Add(word);
        }

        command.SetAction(result =>
        {
            try
            {
                var state = options.Bind(result).StateDirectory ?? Path.GetFullPath(RunPlan.DefaultStateDirectory);
                var aliasValue = CliSyntax.ValueOf(result, alias) is { } id ? ValueParser.Id("--as", id) : null;
                run(new PolicyStore(state), words.Select(w => CliSyntax.ValueOf(result, w)!).ToArray(), aliasValue);
                return ExitCodes.Success;
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
        });
        return command;
    }

    private static void Export(TextWriter output, PolicyStore store, PolicyReference reference, string file)
    {
        if (Directory.Exists(file))
        {
            throw new UsageException($"policy export: '{file}' is a folder, not a file");
        }

        var snapshot = store.Read(reference);
        PolicySnapshotFile.Write(file, snapshot);
        output.WriteLine($"exported {snapshot.Reference} to {file}");
    }

    // Validates the whole file first (PolicySnapshotFile.Read); the store is written only when everything holds.
    private static void Import(TextWriter output, PolicyStore store, string file, string? alias)
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
            return;
        }

        output.WriteLine($"imported {snapshot.Reference} to {store.Write(snapshot)}");
    }
}
