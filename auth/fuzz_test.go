package auth

import (
	"os"
	"testing"
)

// FuzzParseTokens: any file parses or fails with an error, and what parses
// holds only valid names and known roles.
func FuzzParseTokens(f *testing.F) {
	seed, err := os.ReadFile("testdata/tokens.json")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(seed)
	f.Add([]byte(`{"tokens":[]}`))
	f.Add([]byte(`{"tokens":[{"name":"a","roles":["judge"],"sha256":"` + HashToken("a") + `","expires":"2027-06-30T18:00:00+08:00"}]}`))
	f.Add([]byte(`{"tokens":[{"name":"a","team":"t","sha256":"` + HashToken("a") + `"}]}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		tokens, err := ParseTokens(b)
		if err != nil {
			return
		}
		for _, id := range tokens.byHash {
			if !validName(id.Name) || len(id.Roles) == 0 {
				t.Fatalf("accepted identity %+v", id)
			}
			if _, err := parseRoles(rolesStrings(id.Roles), ""); err != nil {
				t.Fatalf("accepted roles %v: %v", id.Roles, err)
			}
		}
	})
}

// FuzzParseRoles: the same for the roles file.
func FuzzParseRoles(f *testing.F) {
	seed, err := os.ReadFile("testdata/roles.json")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(seed)
	f.Add([]byte(`{"certificates":[{"cn":"x","roles":["admin","team:a"]}]}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		r, err := ParseRoles(b)
		if err != nil {
			return
		}
		for cn, id := range r.byCN {
			if cn != id.Name || !validName(cn) || len(id.Roles) == 0 {
				t.Fatalf("accepted identity %+v", id)
			}
		}
	})
}

func rolesStrings(rs []Role) []string {
	out := make([]string, len(rs))
	for i, r := range rs {
		out[i] = string(r)
	}
	return out
}
