#!/usr/bin/env bash
# Builds the solution once, runs every test project of AdaptiveLossOrleans.sln (one after the other, one .trx each in
# TestResults/) and ends with the line "N passed, N failed". Exits non-zero when the build fails, a test fails, or a
# test project produced no results. One project at a time: the suites train models and time grain calls, and two of
# them sharing 2 cores would make both slower and less predictable; each .trx also gets a name of its own.
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
results=TestResults
rm -rf "$results"

# The cluster tests start their own redis-server on a free loopback port (never a global one), and the hostile-input
# tests measure each process's peak memory with GNU time: install the Debian packages when they are missing. The tests
# fail, not skip, without them.
missing=()
command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
[[ -x /usr/bin/time ]] || missing+=(time)
if ((${#missing[@]} > 0)); then
    sudo=""
    if [[ $(id -u) -ne 0 ]]; then sudo="sudo"; fi
    $sudo apt-get install -y "${missing[@]}" || { $sudo apt-get update && $sudo apt-get install -y "${missing[@]}"; }
    # The redis package starts a system-wide server on 6379; the tests do not use it, so stop it where a service manager runs.
    $sudo service redis-server stop >/dev/null 2>&1 || true
fi

if ! dotnet build AdaptiveLossOrleans.sln -v q --nologo; then
    echo "test.sh: build failed" >&2
    exit 1
fi

mapfile -t projects < <(dotnet sln AdaptiveLossOrleans.sln list | grep -E '\.Tests\.csproj$' | tr '\\' '/')
if ((${#projects[@]} == 0)); then
    echo "test.sh: no test projects in AdaptiveLossOrleans.sln" >&2
    exit 1
fi

test_rc=0
for project in "${projects[@]}"; do
    name=$(basename "$project" .csproj)
    dotnet test "$project" --no-build --nologo --logger "trx;LogFileName=$name.trx" --results-directory "$results" || test_rc=1
done

shopt -s nullglob
trx_files=("$results"/*.trx)
# Sum the <Counters> of every .trx; errors, timeouts and aborts count as failures.
read -r passed failed < <(cat "${trx_files[@]}" /dev/null | grep -o '<Counters [^>]*>' | awk '
    { delete v; for (i = 2; i <= NF; i++) { split($i, kv, "="); gsub(/[^0-9]/, "", kv[2]); v[kv[1]] = kv[2] + 0 }
      p += v["passed"]; f += v["failed"] + v["error"] + v["timeout"] + v["aborted"] }
    END { print p + 0, f + 0 }')

rc=0
if ((${#trx_files[@]} < ${#projects[@]})); then
    echo "test.sh: only ${#trx_files[@]} of ${#projects[@]} test projects produced results (a test host crashed?)" >&2
    rc=1
fi
if ((failed > 0 || test_rc != 0)); then
    rc=1
fi
echo "$passed passed, $failed failed"
exit "$rc"
