package buildinfo

import (
	"runtime/debug"
	"strings"
	"testing"

	"github.com/prometheus/client_golang/prometheus/testutil"
)

func TestFromBuildInfo(t *testing.T) {
	rev := "0a74dc4f6f7c9d1e2b3a4c5d6e7f8091a2b3c4d5"
	vcs := func(modified string) []debug.BuildSetting {
		return []debug.BuildSetting{{Key: "vcs.revision", Value: rev}, {Key: "vcs.modified", Value: modified}}
	}
	tests := []struct {
		name, stamped string
		bi            *debug.BuildInfo
		want          string
	}{
		{"stamped wins", "v1.4.0", &debug.BuildInfo{Main: debug.Module{Version: "(devel)"}, Settings: vcs("false")}, "v1.4.0"},
		{"module version", "", &debug.BuildInfo{Main: debug.Module{Version: "v1.3.2"}}, "v1.3.2"},
		{"checkout", "", &debug.BuildInfo{Main: debug.Module{Version: "(devel)"}, Settings: vcs("false")}, "devel-0a74dc4f6f7c"},
		{"dirty checkout", "", &debug.BuildInfo{Main: debug.Module{Version: "(devel)"}, Settings: vcs("true")}, "devel-0a74dc4f6f7c-dirty"},
		{"nothing recorded", "", &debug.BuildInfo{Main: debug.Module{Version: "(devel)"}}, "unknown"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := fromBuildInfo(tt.stamped, tt.bi, true)
			if got.Version != tt.want {
				t.Errorf("Version = %q, want %q", got.Version, tt.want)
			}
			if got.Version == "(devel)" {
				t.Error(`Version is "(devel)"`)
			}
		})
	}
}

func TestCollector(t *testing.T) {
	c := Collector()
	if n := testutil.CollectAndCount(c, "fenjian_build_info"); n != 1 {
		t.Fatalf("fenjian_build_info has %d series, want 1", n)
	}
	if v := testutil.ToFloat64(c); v != 1 {
		t.Errorf("fenjian_build_info = %v, want 1", v)
	}
	if problems, err := testutil.CollectAndLint(c); err != nil || len(problems) > 0 {
		t.Errorf("lint: %v %v", problems, err)
	}
	if strings.Contains(Read().Version, "(devel)") {
		t.Errorf(`Read().Version = %q`, Read().Version)
	}
}
