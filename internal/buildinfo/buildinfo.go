// Package buildinfo says which build of fenjian is running: the version
// stamped at link time (the Dockerfile and release builds pass
// -ldflags "-X github.com/fenjian/fenjian/internal/buildinfo.version=v1.2.3"),
// else what the Go toolchain recorded (a module version, or the VCS revision
// of a build in a checkout), so a release never reports "(devel)".
package buildinfo

import (
	"runtime"
	"runtime/debug"

	"github.com/prometheus/client_golang/prometheus"
)

// version is set by the linker (-X); a package variable because -X can set
// nothing else.
var version string

// Info is what a build knows of itself.
type Info struct {
	// Version is the stamped version, else the module version, else
	// "devel-" and the first 12 digits of the VCS revision ("-dirty" for
	// uncommitted changes), else "unknown".
	Version string
	// Revision is the VCS revision, "" when not recorded (a build from a
	// source tree without .git, as in the container).
	Revision  string
	GoVersion string
}

// Read returns the running build's Info.
func Read() Info {
	bi, ok := debug.ReadBuildInfo()
	return fromBuildInfo(version, bi, ok)
}

func fromBuildInfo(stamped string, bi *debug.BuildInfo, ok bool) Info {
	info := Info{Version: stamped, GoVersion: runtime.Version()}
	if !ok {
		if info.Version == "" {
			info.Version = "unknown"
		}
		return info
	}
	dirty := false
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			info.Revision = s.Value
		case "vcs.modified":
			dirty = s.Value == "true"
		}
	}
	if info.Version != "" {
		return info
	}
	switch {
	case bi.Main.Version != "" && bi.Main.Version != "(devel)":
		info.Version = bi.Main.Version
	case info.Revision != "":
		info.Version = "devel-" + info.Revision[:min(12, len(info.Revision))]
		if dirty {
			info.Version += "-dirty"
		}
	default:
		info.Version = "unknown"
	}
	return info
}

// Collector exports fenjian_build_info{version,revision,goversion} = 1.
func Collector() prometheus.Collector {
	info := Read()
	g := prometheus.NewGauge(prometheus.GaugeOpts{
		Name: "fenjian_build_info",
		Help: "1, labelled with the running build's version (stamped with -ldflags at build), VCS revision and Go version.",
		ConstLabels: prometheus.Labels{
			"version": info.Version, "revision": info.Revision, "goversion": info.GoVersion,
		},
	})
	g.Set(1)
	return g
}
