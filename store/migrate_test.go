package store

import (
	"testing"
	"testing/fstest"
)

func TestLoadMigrationsRejectsGaps(t *testing.T) {
	tests := []struct {
		name  string
		files []string
		ok    bool
	}{
		{"in order", []string{"0001_a.sql", "0002_b.sql"}, true},
		{"gap", []string{"0001_a.sql", "0003_c.sql"}, false},
		{"repeat", []string{"0001_a.sql", "0001_b.sql"}, false},
		{"bad name", []string{"0001_a.sql", "two_b.sql"}, false},
		{"starts at 2", []string{"0002_b.sql"}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := fstest.MapFS{}
			for _, name := range tt.files {
				fsys[name] = &fstest.MapFile{Data: []byte("SELECT 1;")}
			}
			_, err := loadMigrations(fsys)
			if (err == nil) != tt.ok {
				t.Errorf("loadMigrations(%v) error = %v, want ok=%v", tt.files, err, tt.ok)
			}
		})
	}
}

// TestDialectsShareMigrationVersions: a version number means the same schema
// on every dialect (one schema; docs/architecture.md), so every dialect must ship the
// same versions under the same names.
func TestDialectsShareMigrationVersions(t *testing.T) {
	sqlite, err := sqliteDialect()
	if err != nil {
		t.Fatal(err)
	}
	postgres, err := postgresDialect()
	if err != nil {
		t.Fatal(err)
	}
	want, err := loadMigrations(sqlite.migrations)
	if err != nil {
		t.Fatal(err)
	}
	got, err := loadMigrations(postgres.migrations)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(want) {
		t.Fatalf("postgres has %d migrations, sqlite %d", len(got), len(want))
	}
	for i := range want {
		if got[i].version != want[i].version || got[i].name != want[i].name {
			t.Errorf("migration %d: postgres %04d_%s, sqlite %04d_%s", i, got[i].version, got[i].name, want[i].version, want[i].name)
		}
	}
}

func TestIsPostgresURL(t *testing.T) {
	for target, want := range map[string]bool{
		"postgres://u@h/db":            true,
		"postgresql://u@h:5432/db?x=1": true,
		"POSTGRES://h/db":              true,
		"/var/lib/fenjian/fenjian.db":  false,
		"fenjian.db":                   false,
		"postgres.db":                  false,
		"host=h dbname=db":             false,
		"file:///tmp/x.db":             false,
		"":                             false,
	} {
		if got := IsPostgresURL(target); got != want {
			t.Errorf("IsPostgresURL(%q) = %v, want %v", target, got, want)
		}
	}
}
