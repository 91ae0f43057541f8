package server

import (
	"net"
	"sync/atomic"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"golang.org/x/sys/unix"
)

// DefaultMaxConnections is the gRPC connections open at once when
// Security.MaxConnections is zero. An open connection costs about 50 KB
// whether or not it makes calls (grpc-go's read and write buffers, the TLS
// state, its goroutines), and opening one takes no credential: in outside
// check 15, 2,000 idle TLS connections from a client without a token took a
// running triaged from 138 MB to 240 MB, so some 7,000 would have taken a
// pod past its 512 MiB limit. A court's clients hold one connection per
// replica each (calls and team feeds share it); 1,024 is far above that and
// about 50 MB.
const DefaultMaxConnections = 1024

// connLimiter bounds the gRPC connections open at once, counted from accept
// to close: counted from the end of their handshake, a client that first
// opened thousands of TCP connections and then completed every handshake had
// them all admitted (2,000 dialled at once left 1,159 open under a bound of
// 1,024). Its listener closes a connection it accepts while max are open,
// before any handshake: the client sees the connection closed (UNAVAILABLE)
// and retries, on another replica behind a Service.
type connLimiter struct {
	max     int64
	open    atomic.Int64
	refused prometheus.Counter
}

// newConnLimiter returns a limiter of max connections (DefaultMaxConnections
// when max is zero or less) and registers its metrics on reg.
func newConnLimiter(max int, reg prometheus.Registerer) (*connLimiter, error) {
	if max <= 0 {
		max = DefaultMaxConnections
	}
	l := &connLimiter{
		max: int64(max),
		refused: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "fenjian_grpc_connections_refused_total",
			Help: "gRPC connections closed at accept because -max-connections were open.",
		}),
	}
	open := prometheus.NewGaugeFunc(prometheus.GaugeOpts{
		Name: "fenjian_grpc_connections",
		Help: "gRPC connections open, those still handshaking included.",
	}, func() float64 { return float64(l.open.Load()) })
	for _, c := range []prometheus.Collector{l.refused, open} {
		if err := reg.Register(c); err != nil {
			return nil, err
		}
	}
	return l, nil
}

// listener returns lis closing what it accepts while max connections are
// open.
func (l *connLimiter) listener(lis net.Listener) net.Listener { return limitedListener{lis, l} }

type limitedListener struct {
	net.Listener
	l *connLimiter
}

func (ll limitedListener) Accept() (net.Conn, error) {
	for {
		c, err := ll.Listener.Accept()
		if err != nil {
			return nil, err
		}
		if ll.l.open.Add(1) <= ll.l.max {
			// grpc-go sets TCP_USER_TIMEOUT (a dead peer's unacknowledged
			// writes fail after KeepaliveTimeout) only on a *net.TCPConn,
			// which the wrapper hides from it: set it here.
			if tc, ok := c.(*net.TCPConn); ok {
				setTCPUserTimeout(tc, KeepaliveTimeout)
			}
			return &countedConn{Conn: c, l: ll.l}, nil
		}
		ll.l.open.Add(-1)
		ll.l.refused.Inc()
		_ = c.Close()
	}
}

// countedConn gives its place back when closed, once.
type countedConn struct {
	net.Conn
	l      *connLimiter
	closed atomic.Bool
}

func (c *countedConn) Close() error {
	if c.closed.CompareAndSwap(false, true) {
		c.l.open.Add(-1)
	}
	return c.Conn.Close()
}

// setTCPUserTimeout sets TCP_USER_TIMEOUT on c, as grpc-go would; a failure
// leaves the kernel's default, as it does in grpc-go.
func setTCPUserTimeout(c *net.TCPConn, d time.Duration) {
	raw, err := c.SyscallConn()
	if err != nil {
		return
	}
	_ = raw.Control(func(fd uintptr) {
		_ = unix.SetsockoptInt(int(fd), unix.IPPROTO_TCP, unix.TCP_USER_TIMEOUT, int(d/time.Millisecond))
	})
}
