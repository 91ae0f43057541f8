package auth

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// Files of the local development credentials in the data directory.
const (
	// LocalTokensFile holds the hashes the server reads.
	LocalTokensFile = "tokens.json"
	// LocalSecretsFile holds the tokens themselves, for the operator's
	// shell (". data/local-tokens.env").
	LocalSecretsFile = "local-tokens.env"
)

// localIdentities are the identities made for a first local start: enough
// to try every RPC from the README on loopback.
var localIdentities = []struct {
	env, name string
	role      Role
}{
	{"FENJIAN_ADMIN_TOKEN", "local-admin", Admin},
	{"FENJIAN_JUDGE_TOKEN", "local-judge", Judge},
	{"FENJIAN_PRESIDENT_TOKEN", "local-president", President},
}

// EnsureLocal makes sure dir holds a tokens file, creating one with fresh
// admin, judge and president tokens on first use: their hashes in
// dir/tokens.json and the tokens in dir/local-tokens.env, both readable by
// the owner only. It returns the tokens file's path, the secrets file's path
// and whether they were created now. An existing tokens file is left as it
// is.
func EnsureLocal(dir string) (tokensPath, secretsPath string, created bool, err error) {
	tokensPath = filepath.Join(dir, LocalTokensFile)
	secretsPath = filepath.Join(dir, LocalSecretsFile)
	if _, err := os.Stat(tokensPath); err == nil {
		return tokensPath, secretsPath, false, nil
	} else if !errors.Is(err, fs.ErrNotExist) {
		return "", "", false, fmt.Errorf("local tokens: %w", err)
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", "", false, fmt.Errorf("local tokens: %w", err)
	}
	var f TokensFile
	var env strings.Builder
	env.WriteString("# fenjian local tokens, made at first start; the server reads only their hashes (" + LocalTokensFile + ").\n")
	for _, li := range localIdentities {
		tok, err := NewToken()
		if err != nil {
			return "", "", false, err
		}
		f.Tokens = append(f.Tokens, TokenEntry{Name: li.name, Roles: []string{string(li.role)}, SHA256: HashToken(tok)})
		fmt.Fprintf(&env, "%s=%s\n", li.env, tok)
	}
	b, err := json.MarshalIndent(f, "", "  ")
	if err != nil {
		return "", "", false, fmt.Errorf("local tokens: %w", err)
	}
	// The secrets first: a crash in between leaves no tokens file whose
	// tokens nobody has, and the next start makes both again.
	if err := writeExclusive(secretsPath, []byte(env.String())); err != nil {
		return "", "", false, err
	}
	if err := writeExclusive(tokensPath, append(b, '\n')); err != nil {
		return "", "", false, err
	}
	return tokensPath, secretsPath, true, nil
}

// writeExclusive writes a new owner-only file, replacing a leftover one.
func writeExclusive(path string, b []byte) error {
	tmp := path + ".tmp"
	_ = os.Remove(tmp)
	f, err := os.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return fmt.Errorf("local tokens: %w", err)
	}
	if _, err := f.Write(b); err != nil {
		f.Close()
		return fmt.Errorf("local tokens: write %s: %w", tmp, err)
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return fmt.Errorf("local tokens: sync %s: %w", tmp, err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("local tokens: close %s: %w", tmp, err)
	}
	if err := os.Rename(tmp, path); err != nil {
		return fmt.Errorf("local tokens: %w", err)
	}
	return nil
}

// ReadLocalSecrets returns the tokens of a local-tokens.env file by
// variable name (FENJIAN_ADMIN_TOKEN, ...); tests and scripts use it.
func ReadLocalSecrets(path string) (map[string]string, error) {
	b, err := readFile(path)
	if err != nil {
		return nil, fmt.Errorf("local tokens: %w", err)
	}
	out := map[string]string{}
	for line := range strings.Lines(string(b)) {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		k, v, ok := strings.Cut(line, "=")
		if !ok {
			return nil, fmt.Errorf("local tokens %s: line %q is not NAME=token", path, clipName(line))
		}
		out[k] = v
	}
	return out, nil
}
