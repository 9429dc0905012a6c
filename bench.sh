#!/usr/bin/env bash
# The benchmark suites (docs/evidence.md; bench/AdaptiveLoss.Benchmarks, Release), built first when its output is missing or
# older than a source file. Usage:
#   ./bench.sh effect --budget short|long|smoke [--out DIR]   the four arms (ce, ala, frozen, paper) as ./ala run, then the analysis
#   ./bench.sh ablations [--smoke]                             the ablation variants on the reduced budget
#   ./bench.sh transfer [--smoke] [--task clean|pairflip] [--design "FLAGS"]   learn a policy, apply it frozen to fresh seeds and other tasks
#   ./bench.sh mismatch [--smoke] [--tasks a,b] [--arms x,y]  long-tail and label-noise tasks: static losses, a static Φ sweep, ALA, frozen
#   ./bench.sh analyse --runs DIR                              no training: JSON and report from existing run folders
#   ./bench.sh costs [--smoke]                                 bare loop vs grains throughput, coordinator latency and scale
#   ./bench.sh cluster [--smoke]                               3 silos on Redis, 4 experiments sharing one policy (installs redis-server)
#   ./bench.sh peer [--smoke]                                  TorchSharp vs PyTorch (installs python3-torch when missing)
#   ./bench.sh noise-floor [--smoke]                          reward noise floor σ and one action's effect δ per credit design
#   ./bench.sh retrieval [--smoke]                            metric learning: margin loss vs ALA vs its frozen policy (docs/retrieval.md)
#   ./bench.sh all                                             every suite at its full budget
#   ./bench.sh --help                                          every suite and flag
# Writes bench/results/*.json (or --out DIR) and regenerates docs/results.md from it (smoke: bench/smoke/).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$root"
project="$root/bench/AdaptiveLoss.Benchmarks"
dll="$project/bin/Release/net10.0/AdaptiveLoss.Benchmarks.dll"

stale() {
    [[ ! -f "$dll" ]] && return 0
    [[ -n "$(find "$root/src" "$project" "$root"/Directory.Build.* "$root/Directory.Packages.props" \
        \( -path '*/bin' -o -path '*/obj' \) -prune -o \
        -type f \( -name '*.cs' -o -name '*.csproj' -o -name '*.props' -o -name '*.targets' -o -name '*.py' \) \
        -newer "$dll" -print -quit)" ]]
}

# The suites that train read Fashion-MNIST from the Debian package (as run.sh does).
case "${1:-}" in
    effect | ablations | transfer | mismatch | noise-floor | retrieval | costs | cluster | peer | all)
        data=/usr/share/datasets/fashion-mnist
        if ! ls "$data"/train-images-idx3-ubyte* >/dev/null 2>&1 || ! ls "$data"/t10k-labels-idx1-ubyte* >/dev/null 2>&1; then
            sudo=""
            if [[ $(id -u) -ne 0 ]]; then sudo="sudo"; fi
            echo "bench.sh: installing dataset-fashion-mnist" >&2
            $sudo apt-get install -y dataset-fashion-mnist || { $sudo apt-get update && $sudo apt-get install -y dataset-fashion-mnist; }
        fi
        ;;
esac

# The cluster load test starts its own redis-server on a free loopback port (as the cluster tests do).
if [[ "${1:-}" == cluster || "${1:-}" == all ]] && ! command -v redis-server >/dev/null 2>&1; then
    sudo=""
    if [[ $(id -u) -ne 0 ]]; then sudo="sudo"; fi
    echo "bench.sh: installing redis-server" >&2
    $sudo apt-get install -y redis-server || { $sudo apt-get update && $sudo apt-get install -y redis-server; }
    $sudo service redis-server stop >/dev/null 2>&1 || true
fi

if stale; then
    log="$(mktemp)"
    if ! dotnet build "$project" -c Release -v q --nologo >"$log" 2>&1; then
        cat "$log" >&2
        rm -f "$log"
        echo "bench.sh: build failed" >&2
        exit 1
    fi
    rm -f "$log"
    touch "$dll"
fi
exec dotnet "$dll" "$@"
