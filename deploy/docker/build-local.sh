#!/usr/bin/env bash
# Builds the CPU images on this machine with no container registry, then runs them, and prints what that proved.
#   1. a Debian bookworm root filesystem with the runtime packages (mmdebstrap, from the Debian mirror) imported as the
#      local base image localhost/ala-base:bookworm (what debian:bookworm-slim + apt-get gives elsewhere);
#   2. ala-silo and ala published self-contained for linux-x64 (publish.sh);
#   3. Dockerfile.silo and Dockerfile.client built with buildah (chroot isolation: no user namespaces needed);
#   4. the images run: podman first; where the sandbox refuses containers, the image's root filesystem in a chroot.
# Not part of the test command (slow: about 10 minutes on 2 cores). Needs: apt-get install podman buildah mmdebstrap.
# usage: deploy/docker/build-local.sh   (work folder: deploy/docker/.build, ignored by git)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
work="$here/.build"
mkdir -p "$work"
proved=()
say() { echo "build-local: $*"; }

for tool in mmdebstrap buildah podman; do
  command -v "$tool" >/dev/null || { say "missing $tool: apt-get install -y podman buildah mmdebstrap"; exit 2; }
done

if ! podman image exists localhost/ala-base:bookworm; then
  [ -f "$work/rootfs.tar" ] || nice -n 10 mmdebstrap --variant=apt \
    --include=ca-certificates,libicu72,tini,libgomp1,libssl3,zlib1g \
    --dpkgopt='path-exclude=/usr/share/doc/*' --dpkgopt='path-exclude=/usr/share/man/*' --dpkgopt='path-exclude=/usr/share/locale/*' \
    bookworm "$work/rootfs.tar" http://deb.debian.org/debian
  podman import "$work/rootfs.tar" localhost/ala-base:bookworm >/dev/null
fi
proved+=("base image localhost/ala-base:bookworm from mmdebstrap: $(podman image inspect localhost/ala-base:bookworm --format '{{.Size}}' | numfmt --to=iec)")

nice -n 10 "$here/publish.sh" "$work/context" cpu
for image in silo client; do
  nice -n 10 buildah build --isolation chroot --layers=false --build-arg BASE=localhost/ala-base:bookworm \
    -f "$here/Dockerfile.$image" -t "localhost/ala-$image:dev" "$work/context" >"$work/build-$image.log" 2>&1 \
    || { tail -20 "$work/build-$image.log"; say "buildah build of Dockerfile.$image failed (log: $work/build-$image.log)"; exit 1; }
  proved+=("image localhost/ala-$image:dev built from Dockerfile.$image: $(podman image inspect "localhost/ala-$image:dev" --format '{{.Size}}' | numfmt --to=iec)")
done
proved+=("user, entrypoint, ports: $(podman image inspect localhost/ala-silo:dev --format '{{.Config.User}} {{.Config.Entrypoint}} {{range $p, $_ := .Config.ExposedPorts}}{{$p}} {{end}}')")

# Run: a silo (localhost clustering) to its ready line and health endpoint, and `ala --help` in the client image.
health=18081
if podman run --rm --net host localhost/ala-client:dev --help >"$work/run-client.log" 2>&1; then
  proved+=("podman run of the client image: $(head -1 "$work/run-client.log")")
  podman run -d --name ala-silo-check --net host -e Silo__AdvertisedAddress=127.0.0.1 localhost/ala-silo:dev \
    --clustering localhost --silo-port 21111 --gateway-port 23000 --health-port "$health" >/dev/null
  trap 'podman rm -f ala-silo-check >/dev/null 2>&1 || true' EXIT
  for _ in $(seq 60); do curl -fsS "http://127.0.0.1:$health/health/ready" >/dev/null 2>&1 && break; sleep 1; done
  proved+=("podman run of the silo image: /health/ready says $(curl -sS "http://127.0.0.1:$health/health/ready" || echo 'nothing')")
  podman stop -t 20 ala-silo-check >/dev/null && proved+=("the silo stopped on SIGTERM via tini: exit $(podman inspect ala-silo-check --format '{{.State.ExitCode}}')")
else
  say "podman run refused here: $(tail -1 "$work/run-client.log")"
  # The same root filesystem, run in a chroot: proves the published binaries run on the image's userland.
  container=$(buildah from localhost/ala-silo:dev)
  trap 'buildah rm "$container" >/dev/null 2>&1 || true' EXIT
  rootfs=$(buildah mount "$container")
  proved+=("chroot into the silo image, ala --help: $(chroot --userspec=10001:10001 "$rootfs" /app/ala --help 2>&1 | head -1)")
  mount -t proc proc "$rootfs/proc" 2>/dev/null || true
  timeout 90 chroot --userspec=10001:10001 "$rootfs" /usr/bin/env -i PATH=/usr/bin:/bin HOME=/var/lib/ala \
    DOTNET_gcServer=1 Silo__StateDirectory=/tmp/state /usr/bin/tini -- /app/ala-silo --silo-port 21111 --gateway-port 23000 \
    --health-port "$health" >"$work/run-silo.log" 2>&1 &
  silo=$!
  for _ in $(seq 60); do curl -fsS "http://127.0.0.1:$health/health/ready" >/dev/null 2>&1 && break; sleep 1; done
  proved+=("chroot silo under tini as uid 10001: $(grep -o 'ala-silo: silo port [^,]*' "$work/run-silo.log" || echo 'no ready line'); /health/ready says $(curl -sS "http://127.0.0.1:$health/health/ready" || echo 'nothing')")
  kill -TERM "$silo" 2>/dev/null || true
  wait "$silo" 2>/dev/null || true
  umount "$rootfs/proc" 2>/dev/null || true
fi

say "what this run proved:"
printf '  - %s\n' "${proved[@]}"
