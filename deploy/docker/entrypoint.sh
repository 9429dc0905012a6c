#!/bin/sh
# Container entrypoint of ala-silo (run under tini, PID 1 reaps and forwards SIGTERM for a graceful leave).
# The advertised address defaults to this container's own IP (compose, plain docker/podman); Kubernetes sets
# Silo__AdvertisedAddress from the pod IP (deploy/k8s/base/silo.yaml), which wins.
set -eu
if [ -z "${Silo__AdvertisedAddress:-}" ]; then
  # hostname -I lists the interfaces' addresses without a name lookup; the first is the container network's.
  Silo__AdvertisedAddress="$(hostname -I 2>/dev/null | cut -d' ' -f1)"
  export Silo__AdvertisedAddress="${Silo__AdvertisedAddress:-127.0.0.1}"
fi
exec /app/ala-silo "$@"
