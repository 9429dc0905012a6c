namespace AdaptiveLoss.Core.Diagnostics;

/// <summary>
/// Every telemetry name of the project (style §7.11): activity sources, the meter, span names ("verb object"),
/// attribute keys and instrument names. Hosts subscribe by these constants and dashboards query them, so they are a
/// contract: change one only together with docs/telemetry.md.
/// </summary>
public static class TelemetryNames
{
    /// <summary>Source of the CLI's spans (<c>run experiment</c>).</summary>
    public const string ClientSource = "AdaptiveLoss.Client";

    /// <summary>Source of the shared policy's spans (<c>decide actions</c>, <c>update policy</c>, <c>observe round</c>).</summary>
    public const string CoordinatorSource = "AdaptiveLoss.Coordinator";

    /// <summary>Source of the training threads' spans (<c>train child</c>, <c>train window</c>).</summary>
    public const string TrainingSource = "AdaptiveLoss.Training";

    /// <summary>The wildcard that subscribes to every source above.</summary>
    public const string SourceWildcard = "AdaptiveLoss.*";

    /// <summary>The one meter of the project.</summary>
    public const string Meter = "AdaptiveLoss";

    /// <summary>Span (activity) names.</summary>
    public static class Spans
    {
        /// <summary>The CLI's root span: one experiment from start to results.json.</summary>
        public const string RunExperiment = "run experiment";

        /// <summary>One child's run on its training thread (parent of its windows).</summary>
        public const string TrainChild = "train child";

        /// <summary>One controller window (episode): decide, train K iterations, measure, reward, report.</summary>
        public const string TrainWindow = "train window";

        /// <summary>The coordinator samples actions for one child's window.</summary>
        public const string DecideActions = "decide actions";

        /// <summary>A round closed with a REINFORCE update (learning policy).</summary>
        public const string UpdatePolicy = "update policy";

        /// <summary>A round closed without an update (frozen policy, ce and fixed baselines).</summary>
        public const string ObserveRound = "observe round";

        /// <summary>Every span name above: the only names that may start a trace (see the hosts' sampler).</summary>
        public static IReadOnlyList<string> All { get; } =
            [RunExperiment, TrainChild, TrainWindow, DecideActions, UpdatePolicy, ObserveRound];
    }

    /// <summary>Span attribute and metric tag keys.</summary>
    public static class Attributes
    {
        /// <summary>Experiment id (tag of every child metric).</summary>
        public const string ExperimentId = "adaptive_loss.experiment.id";

        /// <summary>Child key "{experimentId}/{index}".</summary>
        public const string ChildId = "adaptive_loss.child.id";

        /// <summary>Episode = controller window index, 0-based.</summary>
        public const string Episode = "adaptive_loss.episode";

        /// <summary>Epoch the window ended in, 0-based.</summary>
        public const string Epoch = "adaptive_loss.epoch";

        /// <summary>Shared policy (coordinator) id.</summary>
        public const string PolicyId = "adaptive_loss.policy.id";

        /// <summary>Policy version: of the decision (windows) or after the update (rounds).</summary>
        public const string PolicyVersion = "adaptive_loss.policy.version";

        /// <summary>Validation metric the reward is computed from: error, f1 or aucpr.</summary>
        public const string MetricName = "adaptive_loss.metric.name";

        /// <summary>Discounted window metric M̄ of the previous window (Eq. 4).</summary>
        public const string MetricBefore = "adaptive_loss.metric.before";

        /// <summary>Discounted window metric M̄ of this window (Eq. 4).</summary>
        public const string MetricAfter = "adaptive_loss.metric.after";

        /// <summary>r_t of the window (0 when discarded).</summary>
        public const string Reward = "adaptive_loss.reward";

        /// <summary>True when a guard fired and the window was rolled back (docs/design.md §1.7).</summary>
        public const string Discarded = "adaptive_loss.discarded";

        /// <summary>The guard's one-line reason, when discarded.</summary>
        public const string DiscardReason = "adaptive_loss.discard.reason";

        /// <summary>‖Φ − I‖_F after the window's actions.</summary>
        public const string PhiNorm = "adaptive_loss.phi.norm";

        /// <summary>Training images per second of the window (evaluation excluded).</summary>
        public const string ImagesPerSecond = "adaptive_loss.train.images_per_second";

        /// <summary>Mean training loss of the window.</summary>
        public const string TrainLoss = "adaptive_loss.train.loss";

        /// <summary>Validation classification error at the window end.</summary>
        public const string ValidationError = "adaptive_loss.validation.error";

        /// <summary>Groups (class pairs) a decision covers.</summary>
        public const string Groups = "adaptive_loss.decision.groups";

        /// <summary>Mean entropy (nats) of the per-group action distributions.</summary>
        public const string PolicyEntropy = "adaptive_loss.policy.entropy";

        /// <summary>Policy round number, 1-based.</summary>
        public const string Round = "adaptive_loss.round";

        /// <summary>Fresh transitions of a round.</summary>
        public const string Transitions = "adaptive_loss.round.transitions";

        /// <summary>Replayed transitions added to an update.</summary>
        public const string Replayed = "adaptive_loss.round.replayed";

        /// <summary>Mean reward of a round.</summary>
        public const string MeanReward = "adaptive_loss.round.mean_reward";

        /// <summary>Baseline b of an update.</summary>
        public const string Baseline = "adaptive_loss.round.baseline";

        /// <summary>Mean of r − b over a round's transitions.</summary>
        public const string AdvantageMean = "adaptive_loss.advantage.mean";

        /// <summary>Population standard deviation of r − b over a round's transitions.</summary>
        public const string AdvantageStd = "adaptive_loss.advantage.std";

        /// <summary>L2 norm of the applied policy gradient.</summary>
        public const string GradientNorm = "adaptive_loss.gradient.norm";

        /// <summary>State a child or an experiment ended in (completed, failed, cancelled).</summary>
        public const string State = "adaptive_loss.state";

        /// <summary>Children of an experiment.</summary>
        public const string Children = "adaptive_loss.children";

        /// <summary>Loss mode of an experiment: ala, ce or fixed.</summary>
        public const string Loss = "adaptive_loss.loss";

        /// <summary>Experiment or child seed.</summary>
        public const string Seed = "adaptive_loss.seed";
    }

    /// <summary>Instrument names of the <see cref="Meter"/>.</summary>
    public static class Instruments
    {
        /// <summary>Histogram of r_t per non-discarded window.</summary>
        public const string EpisodeReward = "adaptive_loss.episode.reward";

        /// <summary>Histogram of a window's wall time (decision, training, evaluations), seconds.</summary>
        public const string EpisodeDuration = "adaptive_loss.episode.duration";

        /// <summary>Counter of windows discarded by a guard.</summary>
        public const string EpisodesDiscarded = "adaptive_loss.episode.discarded";

        /// <summary>Gauge of each child's validation metric at its latest window end.</summary>
        public const string ValidationMetric = "adaptive_loss.validation.metric";

        /// <summary>Histogram of each window's training throughput, images per second.</summary>
        public const string TrainThroughput = "adaptive_loss.train.throughput";

        /// <summary>Histogram of each window's mean training loss.</summary>
        public const string TrainLoss = "adaptive_loss.train.loss";

        /// <summary>Counter of REINFORCE updates of the shared policy.</summary>
        public const string PolicyUpdates = "adaptive_loss.policy.updates";
    }
}
