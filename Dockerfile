# The gateway's container image.
#
#   docker build -t pulumi-gateway:dev .
#   docker run --rm -p 50051:50051 -p 9090:9090 pulumi-gateway:dev
#   docker run --rm -p 50051:50051 pulumi-gateway:dev --upstream=https://api.pulumi.com --log_level=debug
#
# Arguments after the image name are the gateway's flags. They replace the default CMD, whose
# listen addresses are also the binary's own defaults, so the ports stay 50051 (gRPC) and 9090
# (metrics) unless --listen / --metrics_listen say otherwise.
#
# Two stages:
#   build    Debian 12 with the project's own scripts/setup (the same Debian packages, npm and Go
#            tools as a developer's machine and CI), then `bazel build -c opt`.
#   runtime  debian:12-slim with only the shared libraries the binary links and the CA
#            certificates for the upstream's TLS; no compiler, no package manager caches, a
#            non-root user. scripts/check-deploy checks the package list below against `ldd` of
#            the built binary.

# Go for scripts/setup's Go tools (grpcurl, ghz, kustomize); Debian 12's Go is too old for them.
FROM golang:1.26 AS go

FROM debian:12 AS build
ENV DEBIAN_FRONTEND=noninteractive
# scripts/setup installs its Debian packages itself; it also needs node/npm (for tools/, where the
# google.rpc protos the build uses come from) and Go on the PATH.
RUN apt-get update \
 && apt-get install -y --no-install-recommends ca-certificates nodejs npm \
 && rm -rf /var/lib/apt/lists/*
COPY --from=go /usr/local/go /usr/local/go
ENV PATH=/usr/local/go/bin:$PATH
WORKDIR /src
# Setup on a layer of its own: it changes far less often than the sources.
COPY scripts/setup scripts/setup
COPY tools/package.json tools/package-lock.json tools/
RUN scripts/setup
COPY . .
RUN bazel build -c opt //gateway:pulumi_gateway \
 && install -D -m 0555 "$(bazel info -c opt bazel-bin)/gateway/pulumi_gateway" /out/pulumi_gateway \
 && bazel shutdown

FROM debian:12-slim AS runtime
LABEL org.opencontainers.image.title="pulumi-gateway" \
      org.opencontainers.image.description="gRPC gateway for the Pulumi Service REST API" \
      org.opencontainers.image.licenses="Apache-2.0"
# runtime-packages:begin
# One package per line. Each provides a shared library the binary needs directly (their own
# dependencies come with them), except ca-certificates (the system CA store libcurl verifies the
# upstream with). Checked by tests/deploy/dockerfile_check.py against ldd of the built binary.
RUN apt-get update \
 && apt-get install -y --no-install-recommends \
      ca-certificates \
      libcurl4 \
      libgcc-s1 \
      libhiredis0.14 \
      libmimalloc2.0 \
      libprometheus-cpp-core1.0 \
      libprometheus-cpp-pull1.0 \
      libssl3 \
      libstdc++6 \
      zlib1g \
 && rm -rf /var/lib/apt/lists/*
# runtime-packages:end
RUN groupadd --system --gid 65532 gateway \
 && useradd --system --uid 65532 --gid 65532 --no-create-home --home-dir /nonexistent \
      --shell /usr/sbin/nologin gateway
COPY --from=build /out/pulumi_gateway /usr/local/bin/pulumi_gateway
# Numeric, so Kubernetes' runAsNonRoot can verify it without reading /etc/passwd.
USER 65532:65532
EXPOSE 50051 9090
# GnuTLS (loaded through libcurl's dependencies, never used) skips its start-up; set here, the
# binary need not restart itself to add it (docs/operations.md, "Inside the process").
ENV GNUTLS_NO_IMPLICIT_INIT=1
# SIGTERM drains: health NOT_SERVING, no new calls, in-flight calls get --shutdown_grace.
STOPSIGNAL SIGTERM
ENTRYPOINT ["/usr/local/bin/pulumi_gateway"]
CMD ["--listen=0.0.0.0:50051", "--metrics_listen=0.0.0.0:9090"]
