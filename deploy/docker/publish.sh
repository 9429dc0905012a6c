#!/usr/bin/env bash
# Publishes ala-silo and ala self-contained for linux-x64 into OUT/app (one folder, shared assemblies) and copies the
# entrypoint beside it: the build context of Dockerfile.silo and Dockerfile.client (Dockerfile.silo-cuda with "cuda").
# usage: deploy/docker/publish.sh OUT [cpu|cuda]
set -euo pipefail
out="${1:?usage: publish.sh OUT [cpu|cuda]}"
backend="${2:-cpu}"
root="$(cd "$(dirname "$0")/../.." && pwd)"
rm -rf "$out/app" && mkdir -p "$out/app"
for project in silo/AdaptiveLoss.Silo/AdaptiveLoss.Silo.csproj client/AdaptiveLoss.Cli/AdaptiveLoss.Cli.csproj; do
  dotnet publish "$root/$project" -c Release -r linux-x64 --self-contained -p:TorchBackend="$backend" \
    -p:ServerGarbageCollection=true -o "$out/app" -v q --nologo
done
cp "$root/deploy/docker/entrypoint.sh" "$out/entrypoint.sh"
echo "published ala-silo and ala ($backend) into $out/app: $(du -sh "$out/app" | cut -f1)"
