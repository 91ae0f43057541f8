package auth

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"
)

func tokensOf(t *testing.T, tokens ...string) *Tokens {
	t.Helper()
	var entries []string
	for i, tok := range tokens {
		entries = append(entries, fmt.Sprintf(`{"name":"n%d","roles":["judge"],"sha256":%q}`, i, HashToken(tok)))
	}
	ts, err := ParseTokens([]byte(`{"tokens":[` + strings.Join(entries, ",") + `]}`))
	if err != nil {
		t.Fatal(err)
	}
	return ts
}

// TestTokensDiff counts tokens by hash: a rotation under the same name is
// one added and one removed.
func TestTokensDiff(t *testing.T) {
	for _, tt := range []struct {
		name           string
		old, cur       []string
		added, removed int
	}{
		{"same", []string{"a", "b"}, []string{"a", "b"}, 0, 0},
		{"one revoked", []string{"a", "b"}, []string{"a"}, 0, 1},
		{"one added", []string{"a"}, []string{"a", "c"}, 1, 0},
		{"rotated", []string{"a"}, []string{"z"}, 1, 1},
		{"from none", nil, []string{"a", "b"}, 2, 0},
	} {
		added, removed := tokensOf(t, tt.cur...).Diff(tokensOf(t, tt.old...))
		if added != tt.added || removed != tt.removed {
			t.Errorf("%s: Diff = %d added, %d removed; want %d, %d", tt.name, added, removed, tt.added, tt.removed)
		}
	}
}

// TestTableSwap: a swap is seen by Load at once, by every watcher before
// Swap returns, and no longer by a watcher stopped.
func TestTableSwap(t *testing.T) {
	a, b, c := tokensOf(t, "a"), tokensOf(t, "b"), tokensOf(t, "c")
	table := NewTable(Credentials{Tokens: a})
	var seen []*Tokens
	stop := table.OnSwap(func(cr *Credentials) { seen = append(seen, cr.Tokens) })
	table.SetTokens(b)
	if table.Tokens() != b || len(seen) != 1 || seen[0] != b {
		t.Fatalf("after the swap: serving %p, watcher saw %v; want %p", table.Tokens(), seen, b)
	}
	if _, ok := table.Tokens().Lookup("a"); ok {
		t.Error("the token swapped out still proves an identity")
	}
	roles, err := ParseRoles([]byte(`{"certificates":[{"cn":"x","roles":["judge"]}]}`))
	if err != nil {
		t.Fatal(err)
	}
	table.SetRoles(roles)
	if table.Tokens() != b || table.Roles() != roles {
		t.Error("SetRoles changed the tokens or did not set the roles")
	}
	stop()
	table.SetTokens(c)
	if len(seen) != 2 {
		t.Errorf("the stopped watcher was called: %d calls, want 2", len(seen))
	}
}

// TestHoldsAll: a judge of a team is one entry holding both roles; a judge
// token and a team certificate of the same name are not, nor is an expired
// token.
func TestHoldsAll(t *testing.T) {
	now := time.Date(2026, 12, 5, 9, 0, 0, 0, time.UTC)
	tokens, err := ParseTokens([]byte(`{"tokens":[
		{"name":"j1","roles":["judge"],"team":"t1","sha256":"` + HashToken("a") + `"},
		{"name":"split","roles":["judge"],"sha256":"` + HashToken("b") + `"},
		{"name":"old","roles":["judge","team:t1"],"sha256":"` + HashToken("c") + `","expires":"2026-12-05T08:00:00Z"},
		{"name":"cc","roles":["court-clerk"],"sha256":"` + HashToken("d") + `"}]}`))
	if err != nil {
		t.Fatal(err)
	}
	roles, err := ParseRoles([]byte(`{"certificates":[{"cn":"split","team":"t1"},{"cn":"j1-cert","roles":["judge","team:t1"]}]}`))
	if err != nil {
		t.Fatal(err)
	}
	c := &Credentials{Tokens: tokens, Roles: roles}
	for _, tt := range []struct {
		name  string
		roles []Role
		want  bool
	}{
		{"j1", []Role{Judge, TeamRole("t1")}, true},
		{"j1", []Role{Judge, TeamRole("t2")}, false},
		{"j1-cert", []Role{Judge, TeamRole("t1")}, true},
		{"split", []Role{Judge}, true},
		{"split", []Role{TeamRole("t1")}, true},
		{"split", []Role{Judge, TeamRole("t1")}, false},
		{"old", []Role{Judge, TeamRole("t1")}, false},
		{"cc", []Role{CourtClerk}, true},
		{"nobody", []Role{Judge}, false},
	} {
		if got := c.HoldsAll(tt.name, now, tt.roles...); got != tt.want {
			t.Errorf("HoldsAll(%s, %v) = %v, want %v", tt.name, tt.roles, got, tt.want)
		}
	}
}

// TestUnscopedClerks lists the clerks of both files that hold no team role
// nor court-clerk, once each.
func TestUnscopedClerks(t *testing.T) {
	tokens, err := ParseTokens([]byte(`{"tokens":[
		{"name":"clerk-none","roles":["clerk"],"sha256":"` + HashToken("a") + `"},
		{"name":"clerk-team","roles":["clerk"],"team":"t1","sha256":"` + HashToken("b") + `"},
		{"name":"clerk-court","roles":["clerk","court-clerk"],"sha256":"` + HashToken("c") + `"},
		{"name":"judge-clerk","roles":["judge","clerk"],"sha256":"` + HashToken("d") + `"},
		{"name":"both-files","roles":["clerk"],"sha256":"` + HashToken("e") + `"},
		{"name":"judge","roles":["judge"],"sha256":"` + HashToken("f") + `"}]}`))
	if err != nil {
		t.Fatal(err)
	}
	roles, err := ParseRoles([]byte(`{"certificates":[{"cn":"both-files","roles":["clerk"]},{"cn":"cert-clerk","roles":["clerk"]},{"cn":"cert-team","roles":["clerk","team:t2"]}]}`))
	if err != nil {
		t.Fatal(err)
	}
	got := (&Credentials{Tokens: tokens, Roles: roles}).UnscopedClerks()
	if want := []string{"both-files", "cert-clerk", "clerk-none", "judge-clerk"}; !slices.Equal(got, want) {
		t.Errorf("UnscopedClerks = %q, want %q", got, want)
	}
}
