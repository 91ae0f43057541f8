package auth

import (
	"encoding/json"
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
		// An expiry without a zone would be read in each replica's own.
		{"expiry without a zone", `{"tokens":[{"name":"a","roles":["judge"],"sha256":"` + hash + `","expires":"2027-06-30T18:00:00"}]}`, "tokens[0] (a).expires"},
		{"expiry a date only", `{"tokens":[{"name":"a","roles":["judge"],"sha256":"` + hash + `","expires":"2027-06-30"}]}`, "RFC 3339"},
		{"expiry not a time", `{"tokens":[{"name":"a","roles":["judge"],"sha256":"` + hash + `","expires":"next year"}]}`, "RFC 3339"},
		{"expiry a number", `{"tokens":[{"name":"a","roles":["judge"],"sha256":"` + hash + `","expires":1830000000}]}`, "parse"},
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

// TestTokenExpiry reads "expires" (RFC 3339 with a zone) into the
// identity: refused from the instant it names, not before; an entry
// without it never expires; NextExpiry is the earliest one ahead.
func TestTokenExpiry(t *testing.T) {
	b := []byte(`{"tokens":[
	  {"name":"a","roles":["judge"],"sha256":"` + HashToken("a") + `","expires":"2027-06-30T18:00:00+08:00"},
	  {"name":"b","roles":["judge"],"sha256":"` + HashToken("b") + `","expires":"2027-01-01T00:00:00Z"},
	  {"name":"c","roles":["judge"],"sha256":"` + HashToken("c") + `"}]}`)
	tokens, err := ParseTokens(b)
	if err != nil {
		t.Fatal(err)
	}
	a, _ := tokens.Lookup("a")
	c, _ := tokens.Lookup("c")
	expiry := time.Date(2027, 6, 30, 10, 0, 0, 0, time.UTC) // 18:00 in Beijing
	for _, tt := range []struct {
		name    string
		id      *Identity
		at      time.Time
		expired bool
	}{
		{"a second before", a, expiry.Add(-time.Second), false},
		{"at the expiry", a, expiry, true},
		{"after", a, expiry.Add(time.Hour), true},
		{"no expiry, years on", c, expiry.AddDate(50, 0, 0), false},
	} {
		if got := tt.id.ExpiredAt(tt.at); got != tt.expired {
			t.Errorf("%s: ExpiredAt(%v) = %v, want %v", tt.name, tt.at, got, tt.expired)
		}
	}
	for _, tt := range []struct {
		name string
		now  time.Time
		want time.Time // zero: none ahead
	}{
		{"both ahead", time.Date(2026, 12, 5, 0, 0, 0, 0, time.UTC), time.Date(2027, 1, 1, 0, 0, 0, 0, time.UTC)},
		{"the earliest passed", time.Date(2027, 3, 1, 0, 0, 0, 0, time.UTC), expiry},
		{"both passed", expiry, time.Time{}},
	} {
		got, ok := tokens.NextExpiry(tt.now)
		if ok != !tt.want.IsZero() || !got.Equal(tt.want) {
			t.Errorf("%s: NextExpiry = %v, %v; want %v", tt.name, got, ok, tt.want)
		}
	}
	for _, tt := range []struct {
		name string
		now  time.Time
		want int
	}{
		{"none passed", time.Date(2026, 12, 5, 0, 0, 0, 0, time.UTC), 0},
		{"b at its expiry", time.Date(2027, 1, 1, 0, 0, 0, 0, time.UTC), 1},
		{"a and b passed, c never expires", expiry.AddDate(50, 0, 0), 2},
	} {
		if got := tokens.Expired(tt.now); got != tt.want {
			t.Errorf("%s: Expired = %d, want %d", tt.name, got, tt.want)
		}
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

// TestNamesAreRecordablePersonIDs: a name (a token's, a certificate's CN in
// the roles file) is what decided_by must equal, so a name the server
// refuses there is refused at start, naming the entry and the character.
// Before, only C0 controls and DEL were: each of these names, shown as
// J-0421 or clerk-07, was accepted (outside check 17). Names with a space
// between words, Chinese and dots still pass.
func TestNamesAreRecordablePersonIDs(t *testing.T) {
	hash := HashToken("x")
	for _, tc := range []struct {
		name, id, want string // want: "" accepted, else in the error
	}{
		{"plain", "J-0421", ""},
		{"space between words", "审判员 J-0421", ""},
		{"a host name", "filing-gateway.court.example", ""},
		{"zero-width space", "J-0421\u200b", "U+200B"},
		{"soft hyphen", "J-0421\u00ad", "U+00AD"},
		{"zero-width joiner", "clerk-07\u200d", "U+200D"},
		{"right-to-left override", "J-\u202e1240", "U+202E"},
		{"C1 control NEL inside", "J-04\u008521", "U+0085"},
		{"line separator", "J-0421\u2028x", "U+2028"},
		{"no-break space inside", "J\u00a00421", "U+00A0"},
		{"private use", "J-0421\ue000", "U+E000"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			quoted, _ := json.Marshal(tc.id)
			_, terr := ParseTokens([]byte(`{"tokens":[{"name":` + string(quoted) + `,"roles":["judge"],"sha256":"` + hash + `"}]}`))
			_, rerr := ParseRoles([]byte(`{"certificates":[{"cn":` + string(quoted) + `,"roles":["judge"]}]}`))
			_, certOK := (*Roles)(nil).ForCertificate(tc.id)
			if tc.want == "" {
				if terr != nil || rerr != nil || !certOK {
					t.Errorf("%+q refused: tokens %v; roles %v; certificate accepted %v", tc.id, terr, rerr, certOK)
				}
				return
			}
			for what, err := range map[string]error{"tokens[0].name": terr, "certificates[0].cn": rerr} {
				if err == nil || !strings.Contains(err.Error(), what) || !strings.Contains(err.Error(), tc.want) {
					t.Errorf("%+q: %v; want an error naming %s and %s", tc.id, err, what, tc.want)
				}
			}
			if certOK {
				t.Errorf("a certificate with CN %+q proves an identity", tc.id)
			}
		})
	}
}
