# Negative fixture for `dockerfile_check.py policy`: a runtime stage with build tools, root, the
# wrong base, and no ports.
# expect: runtime stage is FROM debian:12, expected debian:12-slim
# expect: build stage 'build' does not run scripts/setup
# expect: runtime stage sets no USER
# expect: runtime stage does not EXPOSE 9090
# expect: ENTRYPOINT must be the exec form
# expect: runtime apt-get install lacks --no-install-recommends
# expect: runtime stage installs the build tool/package 'g++'
# expect: runtime stage installs the build tool/package 'libgrpc++-dev'
FROM debian:12 AS build
WORKDIR /src
COPY . .
RUN bazel build -c opt //gateway:pulumi_gateway

FROM debian:12
# runtime-packages:begin
RUN apt-get update \
 && apt-get install -y \
      g++ \
      libgrpc++-dev \
 && rm -rf /var/lib/apt/lists/*
# runtime-packages:end
COPY --from=build /src/bazel-bin/gateway/pulumi_gateway /usr/local/bin/pulumi_gateway
EXPOSE 50051
ENTRYPOINT /usr/local/bin/pulumi_gateway
CMD ["--listen=0.0.0.0:50051"]
