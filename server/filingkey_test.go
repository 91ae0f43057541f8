package server

import (
	"strings"
	"testing"
	"time"

	"google.golang.org/genproto/googleapis/rpc/errdetails"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
	"google.golang.org/protobuf/proto"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/rules"
	"github.com/fenjian/fenjian/store"
)

// TestTriageCaseNumberSpellings: once a case number is decided, each way a
// clerk's system can spell it again is the decided filing, through a real
// server on each store: traditional characters (號, 遼), the digits of
// other scripts, spaces inside the court code or the number. Outside check
// 17 stored each as a new decision with a new team draw (随机分案 redrawn).
// An id that reads as the case number only with a letter for a digit (O
// for 0, l or I for 1) is refused INVALID_ARGUMENT naming filing.id and
// the letter; ids that are no case number, with or without such letters,
// are new filings. At the end the case has one decision and one
// assignment.
func TestTriageCaseNumberSpellings(t *testing.T) {
	forEachBackend(t, func(t *testing.T, b backend) {
		st := openTarget(t, b.target)
		h := startServer(t, deps{decider: newDecider(t), store: st, teams: defaultTeams(t)})
		ctx := testContext(t)
		f := validFiling() // (2024)辽0102民初1234号
		first := triageOK(t, ctx, h.client, f)

		for _, spelling := range []string{
			"(2024)辽0102民初1234號",
			"(2024)遼0102民初1234号",
			"（2024）遼0102民初1234號",
			"(٢٠٢٤)辽٠١٠٢民初١٢٣٤号",
			"(۲۰۲۴)辽0102民初1234号",
			"(२०२४)辽0102民初1234号",
			"(2024)辽01 02民初1234号",
			"(2024)辽0102民初12 34号",
			"(2024)辽0102 民 初 1234 号",
		} {
			t.Run("decided/"+spelling, func(t *testing.T) {
				w := proto.CloneOf(f)
				w.Id = spelling
				resp, err := h.client.Triage(ctx, &triagev1.TriageRequest{Filing: w})
				checkAlreadyDecided(t, resp, err, first.GetDecisionId())
			})
		}
		for _, tc := range []struct{ id, letter string }{
			{"(2O24)辽0102民初1234号", `'O'`},
			{"(2024)辽01O2民初1234号", `'O'`},
			{"(2024)辽0102民初1o34号", `'o'`},
			{"(2024)辽0102民初l234号", `'l'`},
			{"(2024)辽0102民初I234号", `'I'`},
			{"(2024)辽Ｏ102民初1234号", `'Ｏ'`},
			{"(2024)遼01 O2民初1234號", `'O'`},
			{"(2\u041e24)辽0102民初1234号", `'О'`}, // Cyrillic
			{"(2024)辽0102民初\u03bf234号", `'ο'`}, // Greek
			{"(2〇24)辽0102民初1234号", `'〇'`},      // ideographic zero
			{"(2024)辽0102民初\u0406234号", `'І'`}, // Cyrillic
		} {
			t.Run("lookalike/"+tc.id, func(t *testing.T) {
				w := proto.CloneOf(f)
				w.Id = tc.id
				_, err := h.client.Triage(ctx, &triagev1.TriageRequest{Filing: w})
				st := checkStatus(t, err, codes.InvalidArgument, "filing.id", "")
				if !strings.Contains(st.Message(), tc.letter) || !strings.Contains(st.Message(), "looks like the digit") {
					t.Errorf("message %q does not name the letter %s that looks like a digit", st.Message(), tc.letter)
				}
			})
		}
		// Near misses: ids that are no case number, letters and all, and
		// another case number in traditional characters, are new filings.
		others := []string{"JS-2024-0001", "ABC-O1", "(2024)遼0102民初1235號"}
		for _, id := range others {
			w := proto.CloneOf(f)
			w.Id = id
			triageOK(t, ctx, h.client, w)
		}

		key := rules.FilingKey(f.GetId())
		var decisions, assigned, all int
		err := st.ScanCases(ctx, time.Time{}, func(c store.CaseRecord) error {
			all++
			if rules.FilingKey(c.Filing.GetId()) == key {
				decisions++
				if c.Assignment != nil {
					assigned++
				}
			}
			return nil
		})
		if err != nil {
			t.Fatalf("ScanCases: %v", err)
		}
		if decisions != 1 || assigned != 1 || all != 1+len(others) {
			t.Errorf("case %s: %d decisions, %d assigned (of %d cases); want 1 and 1 (of %d)", f.GetId(), decisions, assigned, all, 1+len(others))
		}
	})
}

// checkAlreadyDecided passes when a Triage answered that its filing is
// already decided as decision id: ALREADY_EXISTS naming it, or the decision
// itself, as a replay of the decided filing answers it.
func checkAlreadyDecided(t *testing.T, resp *triagev1.TriageResponse, err error, id string) {
	t.Helper()
	if err == nil {
		if got := resp.GetDecision().GetDecisionId(); got != id {
			t.Errorf("Triage stored decision %s; want the decided one, %s", got, id)
		}
		return
	}
	s := status.Convert(err)
	var named string
	for _, d := range s.Details() {
		if ri, ok := d.(*errdetails.ResourceInfo); ok {
			named = ri.GetResourceName()
		}
	}
	if s.Code() != codes.AlreadyExists || named != id {
		t.Errorf("Triage = %v (names %q); want ALREADY_EXISTS naming %s", err, named, id)
	}
}
