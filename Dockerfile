# fenjian: triaged (the service) and triagectl (the data staff's CLI) in a
# static, non-root image. Pure Go (CGO_ENABLED=0): SQLite is modernc.org/sqlite.
#
#   docker build --build-arg VERSION=v1.2.3 -t fenjian:v1.2.3 .
#
# VERSION is required: it is linked into the binary (fenjian_build_info,
# the "starting" log line), since the build context has no .git for the Go
# toolchain to read a revision from (.dockerignore).
FROM golang:1.27.3 AS build
ARG VERSION
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN test -n "${VERSION}" || { echo "build with --build-arg VERSION=<release version>" >&2; exit 1; }
RUN CGO_ENABLED=0 go build -trimpath -ldflags="-s -w -X github.com/fenjian/fenjian/internal/buildinfo.version=${VERSION}" -o bin/ ./cmd/triaged ./cmd/triagectl
# The data directory, created here because the runtime image has no shell:
# copied with the owner distroless's nonroot user (65532) so that the SQLite
# file can be created in it, and so that a named volume mounted there is
# initialised with that owner rather than root.
RUN mkdir -p /data && touch /data/.keep

FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /src/bin/ /usr/local/bin/
COPY --from=build --chown=65532:65532 /data /var/lib/fenjian
VOLUME /var/lib/fenjian
EXPOSE 50051 9090
USER 65532:65532
# Readiness of the whole server over HTTP: 503 while the store cannot record
# (server/health.go), so the engine marks the container unhealthy. HTTP,
# not gRPC: off loopback gRPC requires TLS, which a plaintext check cannot
# speak.
HEALTHCHECK --interval=10s --timeout=5s --start-period=20s --retries=3 \
  CMD ["/usr/local/bin/triaged", "healthcheck", "-url", "http://127.0.0.1:9090/readyz", "-timeout", "4s"]
# gRPC listens off loopback, so triaged refuses to start without TLS
# (-tls-cert, -tls-key) or an explicit -insecure: give one of them after the
# image name (docs/operations.md, "Container"; deploy/k8s mounts a TLS Secret).
ENTRYPOINT ["/usr/local/bin/triaged", "-grpc-addr", ":50051", "-http-addr", ":9090", "-data-dir", "/var/lib/fenjian"]
