# fenjian: triaged (the service) and triagectl (the data staff's CLI) in a
# static, non-root image. Pure Go (CGO_ENABLED=0): SQLite is modernc.org/sqlite.
FROM golang:1.26 AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=0 go build -trimpath -ldflags="-s -w" -o bin/ ./cmd/triaged ./cmd/triagectl

FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /src/bin/ /usr/local/bin/
VOLUME /var/lib/fenjian
EXPOSE 50051 9090
USER nonroot
ENTRYPOINT ["/usr/local/bin/triaged", "-grpc-addr", ":50051", "-http-addr", ":9090", "-data-dir", "/var/lib/fenjian"]
