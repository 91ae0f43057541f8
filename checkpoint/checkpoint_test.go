package checkpoint

import (
	"strings"
	"testing"

	"github.com/fenjian/fenjian/store"
)

func TestSignOpen(t *testing.T) {
	signer, verifier, err := GenerateKey("court.example")
	if err != nil {
		t.Fatal(err)
	}
	head := store.AuditHead{Seq: 42, Hash: strings.Repeat("ab", 32), UnchainedDecisions: 3}
	msg, err := Sign(head, signer)
	if err != nil {
		t.Fatal(err)
	}
	got, err := Open(msg, verifier)
	if err != nil || got != head {
		t.Fatalf("Open = %+v, %v; want %+v", got, err, head)
	}
	_, other, _ := GenerateKey("court.example")
	if _, err := Open(msg, other); err == nil {
		t.Error("checkpoint opened with another key")
	}
	for from, to := range map[string]string{"\n42\n": "\n43\n", "unchained 3": "unchained 9"} {
		if _, err := Open([]byte(strings.Replace(string(msg), from, to, 1)), verifier); err == nil {
			t.Errorf("checkpoint with %q edited to %q opened", from, to)
		}
	}
	for _, bad := range []string{"", "fenjian audit chain v1\nx\n" + head.Hash + "\nunchained 0\n", "other\n1\n" + head.Hash + "\nunchained 0\n"} {
		if _, err := parse(bad); err == nil {
			t.Errorf("parse(%q) succeeded", bad)
		}
	}
}

// A key name note's key parser refuses (white space, '+') made a key pair
// that `audit keygen -name "a b"` wrote and triaged -checkpoint-key then
// refused at start as "malformed verifier id" (outside check 7); a control
// character would be written into every checkpoint's signature line. Such a
// name is refused when the key is made, naming the character; any other
// name, Chinese included, makes a key that signs and verifies.
func TestGenerateKeyName(t *testing.T) {
	for _, name := range []string{"", "a b", "a\tb", "a\u3000b", "a+b", "x\x1by", "x\u202ey", "\xff"} {
		if _, _, err := GenerateKey(name); err == nil || !strings.Contains(err.Error(), "name") {
			t.Errorf("GenerateKey(%q): %v, want the name refused", name, err)
		}
	}
	for _, name := range []string{"court.example", "南京市鼓楼区人民法院-审计", "fenjian_2026"} {
		signer, verifier, err := GenerateKey(name)
		if err != nil {
			t.Fatalf("GenerateKey(%q): %v", name, err)
		}
		head := store.AuditHead{Seq: 1, Hash: strings.Repeat("cd", 32)}
		msg, err := Sign(head, signer)
		if err != nil {
			t.Fatalf("key named %q: sign: %v", name, err)
		}
		if got, err := Open(msg, verifier); err != nil || got != head {
			t.Fatalf("key named %q: Open = %+v, %v", name, got, err)
		}
	}
}

// The two files of audit keygen swapped: triaged -checkpoint-key k.pub
// failed to start with note's "malformed verifier id" (outside check 7),
// which names neither file nor the mix-up. Each side now says which key
// it was given.
func TestKeysSwapped(t *testing.T) {
	signer, verifier, err := GenerateKey("court.example")
	if err != nil {
		t.Fatal(err)
	}
	head := store.AuditHead{Seq: 1, Hash: strings.Repeat("ab", 32)}
	if _, err := Sign(head, verifier); err == nil || !strings.Contains(err.Error(), "this is the verifier key (PREFIX.pub") {
		t.Errorf("Sign with the verifier: %v", err)
	}
	if _, err := NewWriter(t.TempDir(), verifier, nil, nil); err == nil || !strings.Contains(err.Error(), "this is the verifier key (PREFIX.pub") {
		t.Errorf("NewWriter with the verifier: %v", err)
	}
	msg, err := Sign(head, signer)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Open(msg, signer); err == nil || !strings.Contains(err.Error(), "this is the signer key (PREFIX.key") {
		t.Errorf("Open with the signer: %v", err)
	}
	// Near misses: a key of neither kind keeps note's own reason.
	if _, err := Sign(head, "garbage"); err == nil || strings.Contains(err.Error(), "this is the") {
		t.Errorf("Sign with garbage: %v", err)
	}
}
