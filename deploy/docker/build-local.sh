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

# Run: podman first. This sandbox refuses containers (no cgroup controllers, capped rlimits): the exact errors are
# printed, and the image's own root filesystem then runs in a chroot, which proves the userland, the user, tini, the
# entrypoint, the published binaries and libtorch, but not container networking or resource limits.
health=18081
data=/usr/share/datasets/fashion-mnist
if podman run --rm --net host localhost/ala-client:dev --help >"$work/run-client.log" 2>&1 \
   || podman run --rm --net host --cgroups=disabled --ulimit "nofile=1024:$(ulimit -Hn)" --ulimit "nproc=4096:4096" \
        localhost/ala-client:dev --help >>"$work/run-client.log" 2>&1; then
  proved+=("podman run of the client image: $(head -1 "$work/run-client.log")")
else
  say "podman run refused here: $(grep -h '^Error' "$work/run-client.log" | sort -u | tr '\n' ' ')"
  container=$(buildah from localhost/ala-silo:dev)
  rootfs=$(buildah mount "$container")
  cleanup() {
    umount -R "$rootfs/dev" "$rootfs/sys" 2>/dev/null || true
    umount "$rootfs/proc" "$rootfs/data" 2>/dev/null || true
    buildah rm "$container" >/dev/null 2>&1 || true
  }
  trap cleanup EXIT
  # CoreCLR needs /proc (without it: "Failed to create CoreCLR, HRESULT: 0x8007000E"); a container runtime mounts these.
  mount -t proc proc "$rootfs/proc" && mount --rbind /dev "$rootfs/dev" && mount --rbind /sys "$rootfs/sys"
  in_image() { chroot --userspec=10001:10001 "$rootfs" /usr/bin/env -i PATH=/usr/bin:/bin HOME=/var/lib/ala "$@"; }
  proved+=("chroot into the image as uid 10001, ala --help: $(in_image /app/ala --help 2>&1 | head -1)")
  timeout 300 chroot --userspec=10001:10001 "$rootfs" /usr/bin/env -i PATH=/usr/bin:/bin HOME=/var/lib/ala TINI_SUBREAPER=1 \
    DOTNET_gcServer=1 Silo__StateDirectory=/tmp/state /usr/bin/tini -- /app/entrypoint.sh \
    --silo-port 21111 --gateway-port 23000 --health-port "$health" --max-children 1 >"$work/run-silo.log" 2>&1 &
  silo=$!
  for _ in $(seq 60); do curl -fsS "http://127.0.0.1:$health/health/ready" >/dev/null 2>&1 && break; sleep 1; done
  proved+=("silo from the image under tini + entrypoint.sh: $(grep -o 'ala-silo: silo port [^,]*, gateway [^,]*' "$work/run-silo.log" || echo 'no ready line'); /health/live $(curl -sS "http://127.0.0.1:$health/health/live"), /health/ready $(curl -sS "http://127.0.0.1:$health/health/ready")")
  if [ -d "$data" ]; then
    mkdir -p "$rootfs/data" && mount --bind -o ro "$data" "$rootfs/data"
    if in_image /app/ala run --cluster localhost:23000 --data /data --train-limit 1000 --validation-size 1000 --epochs 1 --children 1 \
         --window 4 --progress lines --out /tmp/run >"$work/run-client.log" 2>&1; then
      proved+=("ala run from the image against that silo (libtorch on the image's userland): $(grep -m1 -o 'test error[^,]*' "$work/run-client.log" || tail -1 "$work/run-client.log")")
    else
      say "ala run from the image failed: $(tail -3 "$work/run-client.log")"
    fi
  fi
  kill -TERM "$silo"
  wait "$silo" && proved+=("the silo left on SIGTERM through tini: exit 0")
fi

say "what this run proved:"
printf '  - %s\n' "${proved[@]}"
