package auth

import (
	"bytes"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/fenjian/fenjian/internal/boundedfile"
)

// maxFileBytes bounds a tokens or roles file: thousands of entries fit.
const maxFileBytes = 4 << 20

// TokenPrefix starts every token NewToken makes, so that a leaked token is
// easy to recognise (secret scanners) and to tell from a hash.
const TokenPrefix = "fjt_"

// TokensFile is the JSON form of a tokens file. Only SHA-256 hashes of the
// tokens are kept, so the file can be read by operators without handing
// out the tokens.
type TokensFile struct {
	Tokens []TokenEntry `json:"tokens"`
}

// TokenEntry is one token.
type TokenEntry struct {
	// Name is the identity: recorded as decided_by / designated_by.
	Name string `json:"name"`
	// Roles are role names: filing, judge, clerk, court-clerk, president,
	// admin, team:<id>.
	Roles []string `json:"roles,omitempty"`
	// Team, if set, adds the role team:<Team>.
	Team string `json:"team,omitempty"`
	// SHA256 is the lower-case hex SHA-256 of the token.
	SHA256 string `json:"sha256"`
	// Expires, if set, is when the token stops proving its identity, in
	// RFC 3339 with a time zone ("2027-06-30T18:00:00+08:00"). Optional: an
	// entry without it never expires, as every entry did before the field
	// existed, so files written then keep working unchanged.
	Expires string `json:"expires,omitempty"`
}

// Tokens maps bearer tokens to identities.
type Tokens struct {
	byHash map[[sha256.Size]byte]*Identity
	// byName holds the same identities by name (names are unique), for
	// Credentials.Holds.
	byName map[string]*Identity
}

// Len is the number of tokens.
func (t *Tokens) Len() int {
	if t == nil {
		return 0
	}
	return len(t.byHash)
}

// TeamRefs lists the team roles the tokens grant, for a check against the
// teams file (a team id there is only known to be well formed).
func (t *Tokens) TeamRefs() []TeamRef {
	if t == nil {
		return nil
	}
	ids := make(map[string]*Identity, len(t.byHash))
	for _, id := range t.byHash {
		ids[id.Name] = id
	}
	return teamRefs(ids)
}

// Lookup returns the identity of token. Tokens are compared by their hash,
// so the lookup's timing tells nothing about a token.
func (t *Tokens) Lookup(token string) (*Identity, bool) {
	if token == "" {
		return nil, false
	}
	return t.LookupSum(sha256.Sum256([]byte(token)))
}

// LookupSum returns the identity of the token whose SHA-256 is sum: a
// stream proved by a token keeps only its sum, and is judged again by it
// when the tokens are reloaded (Table), without the token being kept.
func (t *Tokens) LookupSum(sum [sha256.Size]byte) (*Identity, bool) {
	if t == nil {
		return nil, false
	}
	id, ok := t.byHash[sum]
	return id, ok
}

// LoadTokens reads a tokens file.
func LoadTokens(path string) (*Tokens, error) {
	v, _, err := ReadTokens(path)
	return v, err
}

// ReadTokens reads and checks a tokens file as LoadTokens does, returning also the
// file's bytes: also when they were read but refused, so that a reload
// judges a refused file once per change.
func ReadTokens(path string) (*Tokens, []byte, error) {
	b, err := readFile(path)
	if err != nil {
		return nil, nil, fmt.Errorf("tokens file: %w", err)
	}
	v, err := ParseTokens(b)
	if err != nil {
		return nil, b, fmt.Errorf("tokens file %s: %w", path, err)
	}
	return v, b, nil
}

// ParseTokens parses and checks a tokens file: known fields only, valid
// names and roles, no name or hash twice.
func ParseTokens(b []byte) (*Tokens, error) {
	var f TokensFile
	if err := strictJSON(b, &f); err != nil {
		return nil, err
	}
	t := &Tokens{byHash: make(map[[sha256.Size]byte]*Identity, len(f.Tokens)), byName: make(map[string]*Identity, len(f.Tokens))}
	names := make(map[string]bool, len(f.Tokens))
	for i, e := range f.Tokens {
		if err := checkName(fmt.Sprintf("tokens[%d].name", i), e.Name); err != nil {
			return nil, fmt.Errorf("%w (%q; a name is 1 to %d printable characters)", err, clipName(e.Name), MaxNameChars)
		}
		if names[e.Name] {
			return nil, fmt.Errorf("tokens[%d].name %q: listed twice", i, e.Name)
		}
		names[e.Name] = true
		roles, err := parseRoles(e.Roles, e.Team)
		if err != nil {
			return nil, fmt.Errorf("tokens[%d] (%s): %w", i, e.Name, err)
		}
		raw, err := hex.DecodeString(e.SHA256)
		if err != nil || len(raw) != sha256.Size || strings.ToLower(e.SHA256) != e.SHA256 {
			return nil, fmt.Errorf("tokens[%d] (%s).sha256: want 64 lower-case hex digits (sha256 of the token)", i, e.Name)
		}
		h := [sha256.Size]byte(raw)
		if _, dup := t.byHash[h]; dup {
			return nil, fmt.Errorf("tokens[%d] (%s).sha256: same token as another entry", i, e.Name)
		}
		var expires time.Time
		if e.Expires != "" {
			// time.RFC3339 requires the zone: a bare local time would
			// expire at a different moment on a replica in another zone.
			if expires, err = time.Parse(time.RFC3339, e.Expires); err != nil {
				return nil, fmt.Errorf("tokens[%d] (%s).expires %q: want an RFC 3339 time with a zone, as 2027-06-30T18:00:00+08:00", i, e.Name, clipName(e.Expires))
			}
		}
		id := &Identity{Name: e.Name, Roles: roles, Via: "token", Expires: expires}
		t.byHash[h], t.byName[e.Name] = id, id
	}
	return t, nil
}

// NextExpiry returns the earliest expiry after now of the tokens of t, and
// false when none expires after now (none has an expiry, or all of theirs
// have passed). It names no token: the fenjian_tokens_* metrics carry no
// names.
func (t *Tokens) NextExpiry(now time.Time) (time.Time, bool) {
	var next time.Time
	for _, id := range t.all() {
		if e := id.Expires; !e.IsZero() && e.After(now) && (next.IsZero() || e.Before(next)) {
			next = e
		}
	}
	return next, !next.IsZero()
}

// Expired returns how many tokens of t have expired at now (ExpiredAt):
// entries still listed whose holders' calls are refused. It names none, as
// NextExpiry.
func (t *Tokens) Expired(now time.Time) int {
	n := 0
	for _, id := range t.all() {
		if id.ExpiredAt(now) {
			n++
		}
	}
	return n
}

// NewToken returns a fresh random token (256 bits).
func NewToken() (string, error) {
	var b [32]byte
	if _, err := rand.Read(b[:]); err != nil {
		return "", fmt.Errorf("new token: %w", err)
	}
	return TokenPrefix + base64.RawURLEncoding.EncodeToString(b[:]), nil
}

// HashToken returns the tokens-file form of token: hex SHA-256.
func HashToken(token string) string {
	h := sha256.Sum256([]byte(token))
	return hex.EncodeToString(h[:])
}

// readFile reads path, a regular file of at most maxFileBytes: a named pipe
// without a writer held the start forever.
func readFile(path string) ([]byte, error) {
	return boundedfile.Read(path, maxFileBytes)
}

// strictJSON decodes exactly one JSON value with no unknown fields: a typo in
// a security file must fail loudly, not grant or drop a role silently.
func strictJSON(b []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return fmt.Errorf("parse: %w", err)
	}
	if dec.More() {
		return errors.New("parse: data after the JSON value")
	}
	return nil
}

// Diff counts the tokens of t that old does not hold (added) and those of
// old that t does not (removed), by hash: a token rotated under the same
// name is one of each. Counts, for a reload's log, which names no token.
func (t *Tokens) Diff(old *Tokens) (added, removed int) {
	for h := range t.all() {
		if _, ok := old.LookupSum(h); !ok {
			added++
		}
	}
	for h := range old.all() {
		if _, ok := t.LookupSum(h); !ok {
			removed++
		}
	}
	return added, removed
}

// all returns the hashes of t (none for a nil t).
func (t *Tokens) all() map[[sha256.Size]byte]*Identity {
	if t == nil {
		return nil
	}
	return t.byHash
}
