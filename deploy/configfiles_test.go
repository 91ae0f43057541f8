package deploy

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"

	appsv1 "k8s.io/api/apps/v1"
	corev1 "k8s.io/api/core/v1"
)

// configFileFlags are triaged's flags whose file the Deployment takes from
// a ConfigMap of the base, with the ConfigMap: each is watched and swapped
// in when the ConfigMap is edited (-rules-watch, -holidays-watch,
// -teams-watch). Without the flag, or with its file on no mount of that
// ConfigMap, triaged serves the binary's embedded file (or stops at start),
// and an edit of the ConfigMap changes nothing.
var configFileFlags = []struct{ flag, configMap string }{
	{"rules", "fenjian-rules"},
	{"holidays", "fenjian-holidays"},
	{"teams", "fenjian-teams"},
}

// checkConfigFilesMounted checks that d's container passes each flag of
// configFileFlags a file in a directory where the flag's ConfigMap is
// mounted whole (no subPath: the kubelet never updates a subPath mount,
// so the watch would never see an edit), that the ConfigMap is among
// configMaps and holds the file's name as a key. It returns every problem
// found, joined.
func checkConfigFilesMounted(d *appsv1.Deployment, configMaps map[string]*corev1.ConfigMap) error {
	spec := d.Spec.Template.Spec
	if len(spec.Containers) != 1 {
		return fmt.Errorf("Deployment %s: %d containers, want 1", d.Name, len(spec.Containers))
	}
	c := spec.Containers[0]
	volumes := map[string]corev1.Volume{}
	for _, v := range spec.Volumes {
		volumes[v.Name] = v
	}
	args := map[string]string{}
	for _, a := range c.Args {
		name, value, _ := strings.Cut(strings.TrimLeft(a, "-"), "=")
		args[name] = value
	}
	var errs []error
	for _, f := range configFileFlags {
		path, ok := args[f.flag]
		if !ok || path == "" {
			errs = append(errs, fmt.Errorf("-%s missing: triaged would serve the embedded file, and an edit of ConfigMap %s would change nothing", f.flag, f.configMap))
			continue
		}
		var mount *corev1.VolumeMount
		for i, vm := range c.VolumeMounts {
			if vm.MountPath == filepath.Dir(path) {
				mount = &c.VolumeMounts[i]
			}
		}
		if mount == nil {
			errs = append(errs, fmt.Errorf("-%s=%s: nothing is mounted at %s", f.flag, path, filepath.Dir(path)))
			continue
		}
		v := volumes[mount.Name]
		switch {
		case v.ConfigMap == nil || v.ConfigMap.Name != f.configMap:
			errs = append(errs, fmt.Errorf("-%s=%s: volume %s at %s is not ConfigMap %s", f.flag, path, mount.Name, mount.MountPath, f.configMap))
		case mount.SubPath != "" || mount.SubPathExpr != "":
			errs = append(errs, fmt.Errorf("-%s=%s: volume %s is mounted with a subPath, which the kubelet never updates", f.flag, path, mount.Name))
		case configMaps[f.configMap] == nil:
			errs = append(errs, fmt.Errorf("-%s=%s: ConfigMap %s is not in the manifests", f.flag, path, f.configMap))
		case configMaps[f.configMap].Data[filepath.Base(path)] == "":
			errs = append(errs, fmt.Errorf("-%s=%s: ConfigMap %s has no key %s", f.flag, path, f.configMap, filepath.Base(path)))
		}
	}
	return errors.Join(errs...)
}
