package auth

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/fenjian/fenjian/internal/boundedfile/boundedfiletest"
)

func TestParseTokens(t *testing.T) {
	good, err := LoadTokens("testdata/tokens.json")
	if err != nil {
		t.Fatalf("example tokens file: %v", err)
	}
	if good.Len() != 6 {
		t.Errorf("Len = %d; want 6", good.Len())
	}
	// sha256("test") is the first entry's hash.
	if id, ok := good.Lookup("test"); !ok || id.Name != "filing-system-1" || !id.Has(Filing) || id.Has(Judge) {
		t.Errorf("Lookup(test) = %+v, %v", id, ok)
	}
	if _, ok := good.Lookup("wrong"); ok {
		t.Error("Lookup of an unknown token succeeded")
	}
	if _, ok := good.Lookup(""); ok {
		t.Error("Lookup of an empty token succeeded")
	}
	hash := HashToken("x")
	tests := []struct{ name, file, want string }{
		{"unknown field", `{"tokens":[{"name":"a","roles":["judge"],"sha256":"` + hash + `","token":"x"}]}`, "unknown field"},
		{"unknown role", `{"tokens":[{"name":"a","roles":["god"],"sha256":"` + hash + `"}]}`, "unknown role"},
		{"no role", `{"tokens":[{"name":"a","sha256":"` + hash + `"}]}`, "no roles"},
		{"plaintext instead of hash", `{"tokens":[{"name":"a","roles":["judge"],"sha256":"fjt_abc"}]}`, "64 lower-case hex"},
		{"upper-case hash", `{"tokens":[{"name":"a","roles":["judge"],"sha256":"` + strings.ToUpper(hash) + `"}]}`, "64 lower-case hex"},
		{"empty name", `{"tokens":[{"name":"","roles":["judge"],"sha256":"` + hash + `"}]}`, "name"},
		{"control in name", `{"tokens":[{"name":"a\u0000","roles":["judge"],"sha256":"` + hash + `"}]}`, "name"},
		{"long name", `{"tokens":[{"name":"` + strings.Repeat("a", 65) + `","roles":["judge"],"sha256":"` + hash + `"}]}`, "name"},
		{"name twice", `{"tokens":[{"name":"a","roles":["judge"],"sha256":"` + hash + `"},{"name":"a","roles":["judge"],"sha256":"` + HashToken("y") + `"}]}`, "twice"},
		{"token twice", `{"tokens":[{"name":"a","roles":["judge"],"sha256":"` + hash + `"},{"name":"b","roles":["judge"],"sha256":"` + hash + `"}]}`, "same token"},
		{"bad team", `{"tokens":[{"name":"a","team":" x","sha256":"` + hash + `"}]}`, "unknown role"},
		{"trailing data", `{"tokens":[]} {}`, "after the JSON"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseTokens([]byte(tt.file))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %v; want one containing %q", err, tt.want)
			}
		})
	}
}

func TestParseRoles(t *testing.T) {
	r, err := LoadRoles("testdata/roles.json")
	if err != nil {
		t.Fatalf("example roles file: %v", err)
	}
	if id, ok := r.ForCertificate("civil-1-terminal"); !ok || !id.Has(TeamRole("civil-1")) || id.Via != "certificate" {
		t.Errorf("civil-1-terminal = %+v, %v", id, ok)
	}
	if id, ok := r.ForCertificate("stranger"); !ok || len(id.Roles) != 0 {
		t.Errorf("unlisted CN = %+v, %v; want a name without roles", id, ok)
	}
	if _, ok := r.ForCertificate(""); ok {
		t.Error("empty CN is an identity")
	}
	if _, err := ParseRoles([]byte(`{"certificates":[{"cn":"a","roles":["judge"]},{"cn":"a","roles":["clerk"]}]}`)); err == nil {
		t.Error("CN listed twice accepted")
	}
}

func TestEnsureLocal(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "data")
	tokensPath, secretsPath, created, err := EnsureLocal(dir)
	if err != nil || !created {
		t.Fatalf("EnsureLocal = %v, %v", created, err)
	}
	tokens, err := LoadTokens(tokensPath)
	if err != nil {
		t.Fatal(err)
	}
	secrets, err := ReadLocalSecrets(secretsPath)
	if err != nil {
		t.Fatal(err)
	}
	for env, role := range map[string]Role{"FENJIAN_ADMIN_TOKEN": Admin, "FENJIAN_JUDGE_TOKEN": Judge, "FENJIAN_PRESIDENT_TOKEN": President} {
		id, ok := tokens.Lookup(secrets[env])
		if !ok || !id.Has(role) {
			t.Errorf("%s: %+v, %v; want role %s", env, id, ok, role)
		}
	}
	for _, p := range []string{tokensPath, secretsPath} {
		if fi, err := os.Stat(p); err != nil || fi.Mode().Perm() != 0o600 {
			t.Errorf("%s: %v, %v; want mode 0600", p, fi.Mode(), err)
		}
	}
	if _, _, again, err := EnsureLocal(dir); err != nil || again {
		t.Errorf("second EnsureLocal = %v, %v; want the existing file kept", again, err)
	}
}

// TestTeamRefs: the team roles of both files are listed with the identity
// holding them, whether given as "team" or as a team:<id> role, for the
// start's check against the teams file.
func TestTeamRefs(t *testing.T) {
	hash := func(c string) string { return strings.Repeat(c, 64) }
	tokens, err := ParseTokens([]byte(`{"tokens":[
		{"name":"b-reader","team":"civil-trial-1","sha256":"` + hash("a") + `"},
		{"name":"a-judge","roles":["judge","team:family","team:commercial"],"sha256":"` + hash("b") + `"},
		{"name":"clerk","roles":["clerk"],"sha256":"` + hash("c") + `"}]}`))
	if err != nil {
		t.Fatal(err)
	}
	roles, err := ParseRoles([]byte(`{"certificates":[{"cn":"J-1","roles":["judge"],"team":"criminal-fast"},{"cn":"J-2","roles":["judge"]}]}`))
	if err != nil {
		t.Fatal(err)
	}
	var none *Roles
	for _, tc := range []struct {
		name string
		got  []TeamRef
		want []TeamRef
	}{
		{"tokens", tokens.TeamRefs(), []TeamRef{{"a-judge", "commercial"}, {"a-judge", "family"}, {"b-reader", "civil-trial-1"}}},
		{"roles", roles.TeamRefs(), []TeamRef{{"J-1", "criminal-fast"}}},
		{"no roles file", none.TeamRefs(), nil},
	} {
		if !slices.Equal(tc.got, tc.want) {
			t.Errorf("%s: TeamRefs() = %v, want %v", tc.name, tc.got, tc.want)
		}
	}
}

// A tokens or roles file that is no regular file stops the start naming
// it: the size bound answered /dev/zero, but a named pipe without a writer
// held the start forever (outside check 7).
func TestLoadRefusesSpecialFiles(t *testing.T) {
	hostile := boundedfiletest.Make(t, maxFileBytes, ".json")
	loaders := map[string]func(string) error{
		"tokens": func(p string) error { _, err := LoadTokens(p); return err },
		"roles":  func(p string) error { _, err := LoadRoles(p); return err },
	}
	for name, load := range loaders {
		for path, want := range map[string]string{hostile.FIFO: "not a regular file but a named pipe", hostile.Device: "not a regular file but a device"} {
			err := boundedfiletest.Within(t, 5*time.Second, path, load)
			if err == nil || !strings.Contains(err.Error(), path) || !strings.Contains(err.Error(), want) {
				t.Errorf("%s file %s: %v, want an error naming it with %q", name, path, err, want)
			}
		}
	}
}
