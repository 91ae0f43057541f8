package routing

import (
	"errors"
	"sync/atomic"
)

// Table holds the teams a server routes by, replaced whole while it runs
// when the teams file is reloaded (package reload). A caller reads the
// table once per decision or designation (Teams) and routes by that *Teams
// alone, so no decision mixes two tables; the *Teams themselves never
// change. Safe for concurrent use; a nil *Table holds no teams.
type Table struct {
	p atomic.Pointer[Teams]
}

// NewTable returns a table holding ts (nil: none).
func NewTable(ts *Teams) *Table {
	t := &Table{}
	if ts != nil {
		t.p.Store(ts)
	}
	return t
}

// Teams returns the teams now in the table, nil when it holds none.
func (t *Table) Teams() *Teams {
	if t == nil {
		return nil
	}
	return t.p.Load()
}

// SetTeams replaces the teams in the table: every read from now on gets
// ts. It refuses nil (a table cannot be emptied: routing cannot be
// switched off while a server runs) and a table that held none (nor
// switched on: the server set up its feeds and their authorisation for
// routing, or not, at start).
func (t *Table) SetTeams(ts *Teams) error {
	switch {
	case t == nil || t.p.Load() == nil:
		return errors.New("routing: set teams: the table was made without teams")
	case ts == nil:
		return errors.New("routing: set teams: nil teams")
	}
	t.p.Store(ts)
	return nil
}
