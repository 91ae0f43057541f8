package auth

import (
	"slices"
	"sync"
	"sync/atomic"
	"time"
)

// Credentials are the tokens and certificate roles a server authenticates
// by at one moment: a call reads them once, so a swap never splits one.
type Credentials struct {
	// Tokens are the bearer tokens; nil accepts none.
	Tokens *Tokens
	// Roles are the roles of client certificates; nil grants none.
	Roles *Roles
}

// Holds reports whether the identity named name holds role r in c at now:
// a token of that name, not expired, or a certificate subject the roles
// file lists, with r among its roles. It is how a clerk's entry in
// someone else's name is checked (server/authz.go): designated_by must
// name a president the court has given an identity, not any string.
func (c *Credentials) Holds(name string, r Role, now time.Time) bool {
	if c == nil {
		return false
	}
	if c.Tokens != nil {
		if id, ok := c.Tokens.byName[name]; ok && id.Has(r) && !id.ExpiredAt(now) {
			return true
		}
	}
	if c.Roles != nil {
		if id, ok := c.Roles.byCN[name]; ok && id.Has(r) {
			return true
		}
	}
	return false
}

// HoldsAll reports whether one entry of c, a token of that name not
// expired at now or a certificate subject the roles file lists, holds every
// one of roles: a judge of a team is an entry holding both judge and
// team:<id>, not a judge of one file and a team reader of the other.
func (c *Credentials) HoldsAll(name string, now time.Time, roles ...Role) bool {
	if c == nil {
		return false
	}
	all := func(id *Identity) bool {
		for _, r := range roles {
			if !id.Has(r) {
				return false
			}
		}
		return true
	}
	if c.Tokens != nil {
		if id, ok := c.Tokens.byName[name]; ok && !id.ExpiredAt(now) && all(id) {
			return true
		}
	}
	if c.Roles != nil {
		if id, ok := c.Roles.byCN[name]; ok && all(id) {
			return true
		}
	}
	return false
}

// UnscopedClerks lists, sorted, the names of the entries of c that hold
// clerk but neither a team:<id> role nor court-clerk: clerks whose entries
// in another's name the server refuses (server/authz.go), as every clerk
// of a file written before clerks had teams. triaged logs them at start
// and at each reload, so that the operator gives each its scope.
func (c *Credentials) UnscopedClerks() []string {
	if c == nil {
		return nil
	}
	var ids []*Identity
	if c.Tokens != nil {
		for _, id := range c.Tokens.byName {
			ids = append(ids, id)
		}
	}
	if c.Roles != nil {
		for _, id := range c.Roles.byCN {
			ids = append(ids, id)
		}
	}
	var names []string
	for _, id := range ids {
		if id.Has(Clerk) && !id.Has(CourtClerk) && !id.ReadsATeam() && !slices.Contains(names, id.Name) {
			names = append(names, id.Name)
		}
	}
	slices.Sort(names)
	return names
}

// Table holds the credentials serving and lets a reload swap them while
// calls are authenticated (triaged -tokens and -roles are reloaded without
// a restart, as the teams and rules files are). Every call reads the
// credentials once (Load); a swap is one atomic store, after which no call
// is authenticated by the credentials it replaced. Calls that outlive their
// authentication (streams: a team feed stays open for hours) are judged
// again at each swap by the functions registered with OnSwap, so that a
// revoked token's feed is ended, not left open.
type Table struct {
	cur atomic.Pointer[Credentials]

	mu       sync.Mutex // serialises swaps and guards watchers
	next     uint64
	watchers map[uint64]func(*Credentials)
}

// NewTable returns a Table serving c.
func NewTable(c Credentials) *Table {
	t := &Table{watchers: map[uint64]func(*Credentials){}}
	t.cur.Store(&c)
	return t
}

// Load returns the credentials serving now.
func (t *Table) Load() *Credentials { return t.cur.Load() }

// Tokens returns the tokens serving now.
func (t *Table) Tokens() *Tokens { return t.Load().Tokens }

// Roles returns the certificate roles serving now.
func (t *Table) Roles() *Roles { return t.Load().Roles }

// SetTokens swaps tokens in, keeping the roles. See Swap.
func (t *Table) SetTokens(tokens *Tokens) {
	t.Swap(func(c Credentials) Credentials { c.Tokens = tokens; return c })
}

// SetRoles swaps roles in, keeping the tokens. See Swap.
func (t *Table) SetRoles(roles *Roles) {
	t.Swap(func(c Credentials) Credentials { c.Roles = roles; return c })
}

// Swap replaces the credentials serving with change(serving), then calls
// every function registered with OnSwap with them. When it returns, every
// call authenticated from then on uses the new credentials, and every open
// stream has been judged against them (a stream refused is ended by its
// watcher, without waiting).
func (t *Table) Swap(change func(Credentials) Credentials) {
	t.mu.Lock()
	defer t.mu.Unlock()
	c := change(*t.cur.Load())
	t.cur.Store(&c)
	for _, f := range t.watchers {
		f(&c)
	}
}

// Judge calls f with the credentials serving, under the swap's lock, so
// that no swap runs meanwhile: a stream's token expiring is judged by the
// same credentials a swap at the same moment would judge it by, in one
// order or the other. f must not wait, nor swap.
func (t *Table) Judge(f func(*Credentials)) {
	t.mu.Lock()
	defer t.mu.Unlock()
	f(t.cur.Load())
}

// OnSwap registers f, called with the new credentials after each swap
// (under the swap's lock: f must not wait, nor swap); stop unregisters it.
// A stream registers itself for its lifetime.
func (t *Table) OnSwap(f func(*Credentials)) (stop func()) {
	t.mu.Lock()
	defer t.mu.Unlock()
	id := t.next
	t.next++
	t.watchers[id] = f
	return func() {
		t.mu.Lock()
		defer t.mu.Unlock()
		delete(t.watchers, id)
	}
}
