package loopback

import "testing"

func TestHost(t *testing.T) {
	for _, tc := range []struct {
		addr    string
		want    bool
		wantErr bool
	}{
		{"127.0.0.1:50051", true, false},
		{"127.0.0.2:1", true, false},
		{"[::1]:9090", true, false},
		{"localhost:6060", true, false},
		{":6060", false, false},            // every interface
		{"0.0.0.0:6060", false, false},     // every interface
		{"10.0.0.7:50051", false, false},   // another host
		{"localhost.evil:1", false, false}, // a name is not resolved
		{"127.0.0.1", false, true},         // no port
	} {
		got, err := Host(tc.addr)
		if got != tc.want || (err != nil) != tc.wantErr {
			t.Errorf("Host(%q) = %v, %v; want %v, error %v", tc.addr, got, err, tc.want, tc.wantErr)
		}
	}
}
