package server

import (
	"context"
	"fmt"
	"io"
	"net/http"

	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
	healthpb "google.golang.org/grpc/health/grpc_health_v1"
)

// CheckHealth asks the grpc.health.v1 service at addr for service's status
// ("" for the whole server) and returns nil only for SERVING. It is the
// container's health check (triaged healthcheck), which has no shell or
// grpc_health_probe to run; ctx bounds it.
func CheckHealth(ctx context.Context, addr, service string) error {
	conn, err := grpc.NewClient(addr, grpc.WithTransportCredentials(insecure.NewCredentials()))
	if err != nil {
		return fmt.Errorf("health check %s: %w", addr, err)
	}
	defer conn.Close()
	resp, err := healthpb.NewHealthClient(conn).Check(ctx, &healthpb.HealthCheckRequest{Service: service})
	if err != nil {
		return fmt.Errorf("health check %s: %w", addr, err)
	}
	if st := resp.GetStatus(); st != healthpb.HealthCheckResponse_SERVING {
		return fmt.Errorf("health check %s: %s", addr, st)
	}
	return nil
}

// CheckHTTP gets url (the server's /readyz or /healthz) and returns nil only
// for 200 OK. The HTTP listener has no TLS, so this check works the same
// whether gRPC serves TLS or not: it is what the container image's
// HEALTHCHECK runs (triaged healthcheck -url), since a plaintext gRPC check
// cannot talk to a server that requires TLS. ctx bounds it.
func CheckHTTP(ctx context.Context, url string) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return fmt.Errorf("health check %s: %w", url, err)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return fmt.Errorf("health check %s: %w", url, err)
	}
	defer resp.Body.Close()
	_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 4096))
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("health check %s: %s", url, resp.Status)
	}
	return nil
}
