// Package auth holds who may call the service: identities proved by a bearer
// token (tokens file, SHA-256 of each token) or by a client certificate
// (roles file, by subject common name), and the roles they hold.
//
// It parses and checks the files; which role may call which RPC is the
// server's business (server/authz.go).
package auth

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/fenjian/fenjian/rules"
)

// Role is what an identity may do.
type Role string

// The roles. A team reader's role is TeamRole(id).
const (
	// Filing systems triage filings and read decisions.
	Filing Role = "filing"
	// Judges record the outcomes they decided.
	Judge Role = "judge"
	// Clerks enter outcomes and designations on behalf of judges and
	// presidents; both names are recorded. A clerk enters them only for
	// the cases of the teams it holds team:<id> roles of (a trial team's
	// 书记员), in the name of those teams' judges and of presidents; a clerk
	// without a team role enters nothing in another's name (server/authz.go).
	Clerk Role = "clerk"
	// CourtClerks are clerks for the whole court (立案庭, 审判管理办公室):
	// they enter outcomes of any case in the name of any judge or
	// president, and designations of any case in the name of any president,
	// as every clerk did before clerks had teams. It is a clerk's role on
	// its own; it needs no "clerk" beside it.
	CourtClerk Role = "court-clerk"
	// Presidents (院庭长) designate cases to teams and read every feed.
	President Role = "president"
	// Admins reload models and may use reflection on a secure server.
	Admin Role = "admin"

	teamPrefix = "team:"
)

// TeamRole is the role of a reader of team id's feed.
func TeamRole(id string) Role { return Role(teamPrefix + id) }

// MaxNameChars bounds an identity's name: it is recorded as decided_by or
// designated_by, whose limit it shares.
const MaxNameChars = 64

// Identity is a proved caller.
type Identity struct {
	// Name is the token's name or the certificate's subject CN; it is what
	// decided_by and designated_by must equal.
	Name string
	// Roles are the identity's roles, sorted.
	Roles []Role
	// Via says how the identity was proved: "token" or "certificate".
	Via string
	// Expires is when a token's identity stops being proved by it (the
	// tokens file's "expires"); zero never. Certificates carry their own
	// expiry, which the TLS handshake checks.
	Expires time.Time
}

// ExpiredAt reports whether the identity's token has expired at now: an
// expiry is the last instant it is refused from, so a token expiring at
// 18:00 is refused at 18:00:00 exactly.
func (id *Identity) ExpiredAt(now time.Time) bool {
	return id != nil && !id.Expires.IsZero() && !now.Before(id.Expires)
}

// ReadsATeam reports whether the identity holds a team:<id> role, for
// some team.
func (id *Identity) ReadsATeam() bool {
	return id != nil && slices.ContainsFunc(id.Roles, func(r Role) bool { return strings.HasPrefix(string(r), teamPrefix) })
}

// Teams returns the ids of the teams the identity holds team:<id> roles
// of, sorted.
func (id *Identity) Teams() []string {
	if id == nil {
		return nil
	}
	var teams []string
	for _, r := range id.Roles {
		if team, ok := strings.CutPrefix(string(r), teamPrefix); ok {
			teams = append(teams, team)
		}
	}
	return teams
}

// Has reports whether the identity holds role r.
func (id *Identity) Has(r Role) bool { return id != nil && slices.Contains(id.Roles, r) }

// parseRoles checks the role names of one file entry and adds team's role.
func parseRoles(names []string, team string) ([]Role, error) {
	if team != "" {
		names = append(slices.Clone(names), teamPrefix+team)
	}
	if len(names) == 0 {
		return nil, fmt.Errorf("no roles")
	}
	out := make([]Role, 0, len(names))
	for _, n := range names {
		r := Role(n)
		switch r {
		case Filing, Judge, Clerk, CourtClerk, President, Admin:
		default:
			id, ok := strings.CutPrefix(n, teamPrefix)
			if !ok || !validName(id) {
				return nil, fmt.Errorf("unknown role %q (filing, judge, clerk, court-clerk, president, admin or team:<id>)", clipName(n))
			}
		}
		if !slices.Contains(out, r) {
			out = append(out, r)
		}
	}
	slices.Sort(out)
	return out, nil
}

// TeamRef is a team role held by an identity: the teams file in force must
// have the team, which the tokens and roles files alone cannot know.
type TeamRef struct {
	// Identity is the name of the identity holding the role.
	Identity string
	// Team is the team id of its team:<id> role.
	Team string
}

// teamRefs lists the team roles of ids, sorted by identity name then team.
func teamRefs(ids map[string]*Identity) []TeamRef {
	var refs []TeamRef
	for _, id := range ids {
		for _, r := range id.Roles {
			if team, ok := strings.CutPrefix(string(r), teamPrefix); ok {
				refs = append(refs, TeamRef{Identity: id.Name, Team: team})
			}
		}
	}
	slices.SortFunc(refs, func(a, b TeamRef) int {
		return cmp.Or(strings.Compare(a.Identity, b.Identity), strings.Compare(a.Team, b.Team))
	})
	return refs
}

// checkName says why s cannot be an identity's name, naming it field, or
// returns nil. A name is what decided_by and designated_by must equal, so it
// must be a person id the server accepts there (rules.ValidatePersonID: at
// most MaxNameChars characters, no white space at either end or but U+0020
// inside, no control, bidirectional or invisible character): a token named
// "J-0421" with a zero-width space, a soft hyphen, a C1 control or U+202E
// was accepted (only C0 controls and DEL were refused), shown as J-0421 in
// the logs and as recorded_by, while its holder could record nothing in
// their own name (outside check 17).
func checkName(field, s string) error {
	if utf8.RuneCountInString(s) > MaxNameChars {
		return fmt.Errorf("%s: more than %d characters", field, MaxNameChars)
	}
	return rules.ValidatePersonID(field, s)
}

// validName accepts a name that can be recorded as a person id (checkName).
func validName(s string) bool { return checkName("name", s) == nil }

// clipName shortens file content echoed in an error.
func clipName(s string) string {
	if len(s) > MaxNameChars {
		s = s[:MaxNameChars] + "…"
	}
	return strings.ToValidUTF8(s, "?")
}
