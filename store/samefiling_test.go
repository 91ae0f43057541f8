package store_test

import (
	"testing"

	"google.golang.org/protobuf/encoding/protowire"
	"google.golang.org/protobuf/proto"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/store"
)

// TestSameFiling pins what a retry of a Triage must send to be answered the
// stored decision: the filing as stored, field for field. A filing whose
// stored form went through the store (encoded, decoded) is the same; every
// difference in what was sent is not, also those the decision may not
// depend on (the parties' order, an empty message present or absent): a
// retry sends what it sent, and a false "different" only costs the client
// today's ALREADY_EXISTS, while a false "same" would answer it a decision
// made on other facts.
func TestSameFiling(t *testing.T) {
	base := func() *triagev1.Filing {
		return &triagev1.Filing{
			Id: "(2024)辽0102民初1234号", CaseKind: triagev1.CaseKind_CASE_KIND_CRIMINAL, Court: "沈阳市和平区人民法院",
			CourtLevel: triagev1.CourtLevel_COURT_LEVEL_BASIC, FiledOn: "2024-03-05", Cause: "盗窃罪",
			Parties: []*triagev1.Party{
				{Role: triagev1.PartyRole_PARTY_ROLE_DEFENDANT, Name: "甲"},
				{Role: triagev1.PartyRole_PARTY_ROLE_DEFENDANT, Name: "乙"},
			},
			Text:          "经审理查明……",
			Circumstances: &triagev1.Circumstances{AdmitsChargedFacts: true, AcceptsSentencingRecommendation: true},
		}
	}
	stored := base()
	b, err := proto.MarshalOptions{Deterministic: true}.Marshal(stored)
	if err != nil {
		t.Fatal(err)
	}
	roundTrip := &triagev1.Filing{}
	if err := proto.Unmarshal(b, roundTrip); err != nil {
		t.Fatal(err)
	}
	with := func(e func(*triagev1.Filing)) *triagev1.Filing {
		f := base()
		e(f)
		return f
	}
	tests := []struct {
		name string
		f    *triagev1.Filing
		same bool
	}{
		{"a fresh copy", base(), true},
		{"the stored bytes decoded", roundTrip, true},
		{"another id spelling", with(func(f *triagev1.Filing) { f.Id = "（2024）辽0102民初1234号" }), false},
		{"filed_on left empty", with(func(f *triagev1.Filing) { f.FiledOn = "" }), false},
		{"the parties in another order", with(func(f *triagev1.Filing) { f.Parties[0], f.Parties[1] = f.Parties[1], f.Parties[0] }), false},
		{"a party's name", with(func(f *triagev1.Filing) { f.Parties[1].Name = "丙" }), false},
		{"the deprecated guilty_plea for its successors", with(func(f *triagev1.Filing) {
			f.Circumstances = &triagev1.Circumstances{GuiltyPlea: true}
		}), false},
		{"no circumstances", with(func(f *triagev1.Filing) { f.Circumstances = nil }), false},
		{"an empty circumstances message", with(func(f *triagev1.Filing) { f.Circumstances = &triagev1.Circumstances{} }), false},
		{"an unknown field", with(func(f *triagev1.Filing) {
			f.ProtoReflect().SetUnknown(protowire.AppendVarint(protowire.AppendTag(nil, 60, protowire.VarintType), 1))
		}), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := store.SameFiling(stored, tt.f)
			if err != nil {
				t.Fatal(err)
			}
			if got != tt.same {
				t.Errorf("SameFiling = %v, want %v", got, tt.same)
			}
		})
	}
}
