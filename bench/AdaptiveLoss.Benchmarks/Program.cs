using AdaptiveLoss.Benchmarks;
using AdaptiveLoss.Benchmarks.Cluster;
using AdaptiveLoss.Benchmarks.Costs;
using AdaptiveLoss.Benchmarks.NoiseFloor;
using AdaptiveLoss.Benchmarks.Peer;
using AdaptiveLoss.Benchmarks.Suites;

// Wiring only. One line per suite: `./bench.sh NAME …` runs it, `./bench.sh all` runs each suite's AllRuns in this
// order; every suite writes JSON into the results folder and the report is regenerated from that folder.
if (args is [ChildrenArm.Name, .. var armArgs])
{
    return await ChildrenArm.MainAsync(armArgs); // one arm of the costs suite's parts (d) and (e), in a process of its own
}

return await BenchApp.MainAsync(args,
[
    new EffectSuite(),      // docs/evidence.md: ce, ala, frozen, paper on paired seeds
    new AblationSuite(),    // docs/evidence.md: window, β, φ_max, reward, baseline, population
    new TransferSuite(),    // docs/policy-snapshots.md: a learned policy applied frozen to fresh seeds and to 5 classes
    new MismatchSuite(),    // long-tail and label-noise tasks: static baselines, a static Φ sweep, ALA vs its frozen control
    new RetrievalSuite(),   // docs/retrieval.md: margin loss vs ALA vs its frozen policy on a class-disjoint split
    new AnalyseSuite(),     // no training: JSON and report from existing run folders
    CostsSuite.Create(),    // docs/evidence.md: bare loop vs grains, coordinator latency and scale
    ClusterLoadSuite.Create(), // docs/cluster.md: 3 silos on Redis, experiments sharing one policy, watched from outside
    PeerSuite.Create(),     // docs/evidence.md: TorchSharp vs PyTorch on the same CNN
    NoiseFloorSuite.Create(), // docs/noise-floor.md: the reward noise floor σ and one action's effect δ, per credit design
]);
