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
