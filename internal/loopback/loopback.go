// Package loopback tells whether a network address stays on this machine:
// the debug server listens only there, and triagectl sends a bearer token
// without TLS only there.
package loopback

import "net"

// Host reports whether addr ("host:port") names a loopback host:
// "localhost" or a loopback IP. It returns the error of an address that
// does not parse; an empty host (every interface) is not loopback.
func Host(addr string) (bool, error) {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return false, err
	}
	if host == "localhost" {
		return true, nil
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback(), nil
}
