package server

import (
	"context"
	"encoding/json"
	"testing"

	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"

	"github.com/fenjian/fenjian/auth"
)

// Test identities. testToken is the one dial sends: a clerk (records for
// anyone), president (designates, reads every feed) and admin, so the
// workflow tests need not care who calls.
const (
	testToken          = "fjt_test-clerk-token"
	testJudgeToken     = "fjt_test-judge-token"
	testPresidentToken = "fjt_test-president-token"
	testFilingToken    = "fjt_test-filing-token"
	testTeamToken      = "fjt_test-team-token"
	// testClerkToken is a clerk and nothing else: it records for others.
	testClerkToken = "fjt_test-clerk-07-token"
)

// testSecurity is the Security of the test servers: the test identities,
// no TLS.
func testSecurity(t testing.TB) Security {
	t.Helper()
	return Security{Tokens: testTokens(t)}
}

func testTokens(t testing.TB) *auth.Tokens {
	t.Helper()
	tokens, err := parseTestTokens()
	if err != nil {
		t.Fatal(err)
	}
	return tokens
}

// parseTestTokens builds the test identities (also for the helper process of
// TestKill9DuringBurst, which has no testing.TB).
func parseTestTokens() (*auth.Tokens, error) {
	b, err := json.Marshal(testTokensEntries())
	if err != nil {
		return nil, err
	}
	return auth.ParseTokens(b)
}

// testTokensFile is the tokens file of the test identities, for a test
// to add entries to.
func testTokensFile(t testing.TB) auth.TokensFile {
	t.Helper()
	return testTokensEntries()
}

func testTokensEntries() auth.TokensFile {
	f := auth.TokensFile{Tokens: []auth.TokenEntry{
		{Name: "test-clerk", Roles: []string{"filing", "court-clerk", "president", "admin"}, SHA256: auth.HashToken(testToken)},
		{Name: "judge-17", Roles: []string{"judge"}, SHA256: auth.HashToken(testJudgeToken)},
		{Name: "president-1", Roles: []string{"president"}, SHA256: auth.HashToken(testPresidentToken)},
		{Name: "filing-system", Roles: []string{"filing"}, SHA256: auth.HashToken(testFilingToken)},
		{Name: "team-reader", Team: "civil-1", SHA256: auth.HashToken(testTeamToken)},
		{Name: "clerk-07", Roles: []string{"court-clerk"}, SHA256: auth.HashToken(testClerkToken)},
	}}
	// The judges and presidents the tests' clerk enters records for: a
	// clerk records only for an identity holding the role (allowRequest).
	for _, p := range listedPeople {
		f.Tokens = append(f.Tokens, auth.TokenEntry{Name: p.name, Roles: p.roles, SHA256: auth.HashToken("fjt_test-listed-" + p.name)})
	}
	return f
}

// listedPeople are identities the test clerk records for, whose tokens no
// test sends.
var listedPeople = []struct {
	name  string
	roles []string
}{
	{"judge-0", judge}, {"judge-1", judge}, {"judge-2", judge}, {"judge-3", judge}, {"judge-4", judge}, {"judge-5", judge},
	{"judge-6", judge}, {"judge-7", judge}, {"judge-18", judge}, {"judge-0417", judge}, {"judge-99", judge},
	// Both: TestPersonIDLookalikes records and designates under one id.
	{"J-0421", []string{"judge", "president"}}, {"审判员 J-0421", []string{"judge", "president"}},
	{"president-2", president}, {"president-07", president}, {"president-01", president}, {"president-9", president},
	{"lead-1", president}, {"p", president}, {"p-1", president},
}

var judge, president = []string{"judge"}, []string{"president"}

// bearer is a token sent on every call of a plaintext test connection.
type bearer string

func (b bearer) GetRequestMetadata(context.Context, ...string) (map[string]string, error) {
	return map[string]string{"authorization": "Bearer " + string(b)}, nil
}

// RequireTransportSecurity is false: the test servers listen on loopback
// without TLS.
func (bearer) RequireTransportSecurity() bool { return false }

// dialAs connects to addr sending token on every call; "" is anonymous.
func dialAs(t testing.TB, addr, token string) *grpc.ClientConn {
	t.Helper()
	opts := []grpc.DialOption{grpc.WithTransportCredentials(insecure.NewCredentials())}
	if token != "" {
		opts = append(opts, grpc.WithPerRPCCredentials(bearer(token)))
	}
	conn, err := grpc.NewClient(addr, opts...)
	if err != nil {
		t.Fatalf("grpc.NewClient(%s): %v", addr, err)
	}
	t.Cleanup(func() { _ = conn.Close() })
	return conn
}
