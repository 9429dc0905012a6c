using AdaptiveLoss.Core.Options;

namespace AdaptiveLoss.Cli.Parsing;

/// <summary>
/// The command-line spelling of every Core enum (docs/design.md §4): one table used by the parser, the help text and
/// results.json, so the names a user types are the names a results file shows.
/// </summary>
internal static class CliNames
{
    private static readonly Dictionary<Type, object> Tables = new()
    {
        [typeof(TaskKind)] = new (string, TaskKind)[]
        {
            ("fashion-mnist", TaskKind.FashionMnist), ("idx", TaskKind.Idx), ("cifar10", TaskKind.Cifar10), ("retrieval", TaskKind.Retrieval),
        },
        [typeof(ModelKind)] = new (string, ModelKind)[]
        {
            ("cnn", ModelKind.Cnn), ("mlp", ModelKind.Mlp), ("resnet8", ModelKind.ResNet8),
            ("resnet20", ModelKind.ResNet20), ("resnet32", ModelKind.ResNet32),
        },
        [typeof(LossMode)] = new (string, LossMode)[]
        {
            ("ala", LossMode.Ala), ("ce", LossMode.Ce), ("fixed", LossMode.Fixed), ("label-smoothing", LossMode.LabelSmoothing),
            ("focal", LossMode.Focal), ("class-balanced", LossMode.ClassBalanced), ("logit-adjusted", LossMode.LogitAdjusted),
            ("forward", LossMode.Forward),
        },
        [typeof(LossForm)] = new (string, LossForm)[] { ("pairwise", LossForm.Pairwise), ("sigmoid", LossForm.Sigmoid) },
        [typeof(MetricKind)] = new (string, MetricKind)[]
        {
            ("error", MetricKind.Error), ("f1", MetricKind.F1), ("aucpr", MetricKind.Aucpr), ("balanced-error", MetricKind.BalancedError),
            ("recall@1", MetricKind.Recall1), ("recall@2", MetricKind.Recall2), ("recall@4", MetricKind.Recall4), ("recall@8", MetricKind.Recall8),
            ("nmi", MetricKind.Nmi),
        },
        [typeof(ValidationSplitKind)] = new (string, ValidationSplitKind)[]
        {
            ("auto", ValidationSplitKind.Auto), ("tail", ValidationSplitKind.Tail), ("balanced", ValidationSplitKind.Balanced),
        },
        [typeof(PhiGroupKind)] = new (string, PhiGroupKind)[] { ("pairs", PhiGroupKind.Pairs), ("all", PhiGroupKind.All) },
        [typeof(CreditKind)] = new (string, CreditKind)[] { ("global", CreditKind.Global), ("pair", CreditKind.Pair) },
        [typeof(RewardKind)] = new (string, RewardKind)[] { ("diff", RewardKind.Diff), ("sign", RewardKind.Sign) },
        [typeof(BaselineKind)] = new (string, BaselineKind)[] { ("population", BaselineKind.Population), ("ema", BaselineKind.Ema) },
    };

    /// <summary>Every (name, value) pair of <typeparamref name="T"/>, in declaration order.</summary>
    public static IReadOnlyList<(string Name, T Value)> Table<T>()
        where T : struct, Enum =>
        Tables.TryGetValue(typeof(T), out var table)
            ? (IReadOnlyList<(string, T)>)table
            : throw new InvalidOperationException($"no command-line names for {typeof(T).Name}");

    /// <summary>The command-line name of <paramref name="value"/>.</summary>
    public static string NameOf<T>(T value)
        where T : struct, Enum
    {
        foreach (var (name, candidate) in Table<T>())
        {
            if (EqualityComparer<T>.Default.Equals(candidate, value))
            {
                return name;
            }
        }

        throw new InvalidOperationException($"{typeof(T).Name}.{value} has no command-line name");
    }

    /// <summary>The value named <paramref name="name"/> (exact, lower case), if any.</summary>
    public static bool TryParse<T>(string name, out T value)
        where T : struct, Enum
    {
        foreach (var (candidateName, candidate) in Table<T>())
        {
            if (candidateName == name)
            {
                value = candidate;
                return true;
            }
        }

        value = default;
        return false;
    }

    /// <summary>The names joined with '|', as the help text lists them.</summary>
    public static string Choices<T>()
        where T : struct, Enum => string.Join('|', Table<T>().Select(p => p.Name));
}
