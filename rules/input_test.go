package rules_test

import (
	"errors"
	"testing"
	"time"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/rules"
)

// TestValidateText holds the one free-text check to what a text may carry:
// Chinese, full-width punctuation and every printable character pass, a
// multi-line field may hold tab, LF and CR (and the Unicode line
// separators); the C0 controls, DEL, the C1 controls and the bidirectional
// overrides and isolates are refused with the code point and the rune index,
// and a one-line field refuses the line separators and the zero-width space,
// word joiner and byte-order mark. The near misses are the neighbours of each
// refused range.
func TestValidateText(t *testing.T) {
	for _, tc := range []struct {
		name  string
		s     string
		lines rules.Lines
		want  string // the Problem; "" = accepted
	}{
		{"Chinese with full-width punctuation", "原告：张三（男），诉称“借款未还”！？；、。", rules.SingleLine, ""},
		{"empty", "", rules.SingleLine, ""},
		{"ideographic space and full-width digits", "第１２３号\u3000案", rules.SingleLine, ""},
		{"tab, LF and CR in a multi-line field", "诉讼请求：\r\n1.\t判令被告还款。\n", rules.MultiLine, ""},
		{"tab in a one-line field", "张\t三", rules.SingleLine, "control character U+0009 at 1"},
		{"LF in a one-line field", "张三\n", rules.SingleLine, "control character U+000A at 2"},
		{"CR in a one-line field", "\r张三", rules.SingleLine, "control character U+000D at 0"},
		{"NUL", "借款\x00合同", rules.MultiLine, "control character U+0000 at 2"},
		{"BEL", "\a", rules.MultiLine, "control character U+0007 at 0"},
		{"backspace", "借款合同\b\b", rules.MultiLine, "control character U+0008 at 4"},
		{"vertical tab", "a\vb", rules.MultiLine, "control character U+000B at 1"},
		{"form feed", "a\fb", rules.MultiLine, "control character U+000C at 1"},
		{"unit separator", "a\x1fb", rules.MultiLine, "control character U+001F at 1"},
		// The rune index, not the byte offset: twelve characters precede ESC.
		{"ESC after twelve Chinese characters", "本院于二〇二四年三月五日\u001b[2J立案", rules.MultiLine, "control character U+001B at 12"},
		{"space is not a control", " ", rules.SingleLine, ""},
		{"tilde is not a control", "~", rules.SingleLine, ""},
		{"DEL", "abc\x7f", rules.SingleLine, "control character U+007F at 3"},
		{"C1 first (U+0080)", "\u0080", rules.MultiLine, "control character U+0080 at 0"},
		{"NEL (U+0085)", "理由\u0085", rules.MultiLine, "control character U+0085 at 2"},
		{"C1 last (U+009F)", "x\u009f", rules.MultiLine, "control character U+009F at 1"},
		{"no-break space after C1", "\u00a0", rules.SingleLine, ""},
		{"LRE (U+202A)", "\u202a张三", rules.SingleLine, "bidirectional control character U+202A at 0"},
		{"RLO (U+202E)", "张三\u202e四李", rules.SingleLine, "bidirectional control character U+202E at 2"},
		{"narrow no-break space after the overrides", "\u202f", rules.SingleLine, ""},
		{"paragraph separator in a one-line field", "张三\u2029李四", rules.SingleLine, "line separator U+2029 at 2"},
		{"line separator in a one-line field", "\u2028", rules.SingleLine, "line separator U+2028 at 0"},
		{"line separators in a multi-line field", "诉讼请求\u2028事实\u2029", rules.MultiLine, ""},
		{"zero-width space in an id", "(2024)苏0106民初\u200b1001号", rules.SingleLine, "invisible character U+200B at 13"},
		{"word joiner in a name", "张\u2060三", rules.SingleLine, "invisible character U+2060 at 1"},
		{"byte-order mark before a name", "\ufeff张三", rules.SingleLine, "invisible character U+FEFF at 0"},
		{"zero-width space in a text", "借款\u200b合同", rules.MultiLine, ""},
		{"zero-width joiner is not refused (scripts and emoji need it)", "a\u200db", rules.SingleLine, ""},
		{"LRI (U+2066)", "a\u2066b", rules.MultiLine, "bidirectional control character U+2066 at 1"},
		{"PDI (U+2069)", "a\u2069", rules.MultiLine, "bidirectional control character U+2069 at 1"},
		{"U+2065 before the isolates", "\u2065", rules.SingleLine, ""},
		{"U+206A after the isolates", "\u206a", rules.SingleLine, ""},
		{"left-to-right mark is not an override", "\u200e张三", rules.SingleLine, ""},
		{"the first offending character is named", "a\x00\x1b", rules.MultiLine, "control character U+0000 at 1"},
		{"not UTF-8", "ab\xff", rules.MultiLine, "is not valid UTF-8"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := rules.ValidateText("f.x", tc.s, tc.lines)
			if tc.want == "" {
				if err != nil {
					t.Fatalf("ValidateText(%q) = %v, want accepted", tc.s, err)
				}
				return
			}
			var fe *rules.FieldError
			if !errors.As(err, &fe) {
				t.Fatalf("ValidateText(%q) = %v (%T), want a *FieldError", tc.s, err, err)
			}
			if fe.Field != "f.x" || fe.Problem != tc.want {
				t.Errorf("ValidateText(%q) = %q, want %q", tc.s, fe.Error(), "f.x: "+tc.want)
			}
		})
	}
}

// TestFreeTextFields: every free-text field of a filing and of an outcome
// (and of the filing a correction carries) refuses control characters with
// its own name, the character and its position, and the multi-line ones take
// tab, LF and CR.
func TestFreeTextFields(t *testing.T) {
	// The filings are dated 2024-03-05; decided 2024-04-01; "today" after both.
	now := time.Date(2024, 4, 10, 4, 0, 0, 0, time.UTC)
	e := defaultEngine(t).WithClock(func() time.Time { return now })
	base := civilBase(t)
	w := func(mods ...mod) *triagev1.Filing { return with(base, mods...) }
	name := func(i int, s string) mod { return party(i, func(p *triagev1.Party) { p.Name = s }) }
	for _, tc := range []struct {
		name string
		f    *triagev1.Filing
		want string // the error; "" = accepted
	}{
		{"text with ESC", w(text("原告张三诉被告李四民间借贷纠纷\u001b[2J一案")), "filing.text: control character U+001B at 15"},
		{"text with NUL", w(text("\x00")), "filing.text: control character U+0000 at 0"},
		{"text with RLO", w(text("借款\u202e金额")), "filing.text: bidirectional control character U+202E at 2"},
		{"id with a zero-width space", w(id("(2024)苏0106民初\u200b1001号")), "filing.id: invisible character U+200B at 13"},
		{"court with a paragraph separator", w(court("南京市鼓楼区\u2029人民法院")), "filing.court: line separator U+2029 at 6"},
		{"text with a zero-width space", w(text("借款\u200b合同")), ""},
		{"text with tab, LF and CR", w(text("诉讼请求：\r\n\t1.判令被告偿还借款。")), ""},
		{"cause with BEL", w(cause("民间借贷纠纷\a")), "filing.cause: control character U+0007 at 6"},
		{"cause with a newline", w(cause("民间借贷\n纠纷")), "filing.cause: control character U+000A at 4"},
		{"court with backspace", w(court("杭州市\b上城区人民法院")), "filing.court: control character U+0008 at 3"},
		{"court with C1", w(court("\u0090杭州市上城区人民法院")), "filing.court: control character U+0090 at 0"},
		{"party name with RLO", w(name(1, "李\u202e四")), "filing.parties[1].name: bidirectional control character U+202E at 1"},
		{"party name with PDI", w(name(0, "张三\u2069")), "filing.parties[0].name: bidirectional control character U+2069 at 2"},
		{"party name with DEL", w(name(0, "张\x7f三")), "filing.parties[0].name: control character U+007F at 1"},
		{"party name with a tab", w(name(0, "张\t三")), "filing.parties[0].name: control character U+0009 at 1"},
		{"party name with full-width brackets", w(name(0, "张三（化名）")), ""},
		{"province with ESC", w(province("浙江\u001b")), "filing.province: control character U+001B at 2"},
		{"id with a newline", w(id("(2024)浙0102民初1号\n")), "filing.id: control character U+000A at 15"},
		// The id is the key of one decision per filing: an id that differs
		// from a decided one only by a character nobody sees would store a
		// second decision and draw a team again.
		{"id ending in a space", w(id("(2024)浙0102民初1号 ")), "filing.id: white space U+0020 at the end"},
		{"id beginning with an ideographic space", w(id("\u3000(2024)浙0102民初1号")), "filing.id: white space U+3000 at the beginning"},
		{"id with a no-break space inside", w(id("(2024)浙0102民初\u00a01号")), "filing.id: white space U+00A0 at 13 (only U+0020 may separate the parts of an id)"},
		{"id with a soft hyphen", w(id("(2024)浙0102民初1号\u00ad")), "filing.id: invisible character U+00AD at 15"},
		{"id with a zero-width joiner", w(id("(2024)浙0102民初\u200d1号")), "filing.id: invisible character U+200D at 13"},
		{"id with a left-to-right mark", w(id("\u200e(2024)浙0102民初1号")), "filing.id: invisible character U+200E at 0"},
		{"id with a combining grapheme joiner", w(id("(2024)浙0102民初1号\u034f")), "filing.id: invisible character U+034F at 15"},
		{"id with a variation selector", w(id("(2024)浙0102民初1\ufe0f号")), "filing.id: invisible character U+FE0F at 14"},
		{"id with a Hangul filler", w(id("(2024)浙0102民初1号\u3164")), "filing.id: invisible character U+3164 at 15"},
		{"id with a tag space", w(id("(2024)浙0102民初1号\U000E0020")), "filing.id: invisible character U+E0020 at 15"},
		{"id with an acute on 号", w(id("(2024)浙0102民初1号\u0301")), "filing.id: combining mark U+0301 at 15 belongs to no letter of the id"},
		{"id with an acute before 号", w(id("(2024)浙0102民初1\u0301号")), "filing.id: combining mark U+0301 at 14 belongs to no letter of the id"},
		{"id with a dot over 民", w(id("(2024)浙0102民\u0307初1号")), "filing.id: combining mark U+0307 at 12 belongs to no letter of the id"},
		{"id opening with a mark", w(id("\u0301(2024)浙0102民初1号")), "filing.id: combining mark U+0301 at 0 belongs to no letter of the id"},
		{"id with an enclosing circle", w(id("(2024)浙0102民初1号\u20dd")), "filing.id: combining mark U+20DD at 15 belongs to no letter of the id"},
		{"id with a kana voicing mark", w(id("(2024)浙0102民初1号\u3099")), "filing.id: combining mark U+3099 at 15 belongs to no letter of the id"},
		{"id with a skin tone", w(id("(2024)浙0102民初1号\U0001F3FB")), "filing.id: combining mark U+1F3FB at 15 belongs to no letter of the id"},
		// Code points that name no character of a case number: a GBK id
		// read as UTF-8 (民终, 刑终 and 行终 all became ����), a
		// private-use box, a noncharacter.
		{"id with replacement characters", w(id("(2024)\ufffd\ufffd0106\ufffd\ufffd\ufffd\ufffd1001\ufffd\ufffd")), "filing.id: replacement character U+FFFD at 6: a character was lost in decoding (is the id read in the right encoding?)"},
		{"id with a private-use character", w(id("(2024)浙0102民初1号\ue000")), "filing.id: code point U+E000 at 15 is not a character (noncharacter or private use)"},
		{"id with a supplementary private-use character", w(id("(2024)浙0102民初\U000F00001号")), "filing.id: code point U+F0000 at 13 is not a character (noncharacter or private use)"},
		{"id with a noncharacter", w(id("(2024)浙0102民初1号\uffff")), "filing.id: code point U+FFFF at 15 is not a character (noncharacter or private use)"},
		{"id with an Arabic-block noncharacter", w(id("(2024)浙0102民初\ufdd01号")), "filing.id: code point U+FDD0 at 13 is not a character (noncharacter or private use)"},
		// Near miss: U+FFFD in a party's name (a free-text field) passes;
		// the ids beside those refused are in TestIDNearMisses.
		{"party name with a replacement character", w(name(0, "张\ufffd")), ""},
		// Near miss: a party's name keeps the zero-width joiner some scripts
		// need (an id with a space inside, another near miss, is in
		// server.TestTriageLookalikeFilingIDs: a correction may not change
		// the id).
		{"party name with a zero-width joiner", w(name(0, "a\u200db")), ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			check := func(what string, err error, want string) {
				t.Helper()
				if want == "" {
					if err != nil {
						t.Errorf("%s: %v, want accepted", what, err)
					}
					return
				}
				var fe *rules.FieldError
				if !errors.As(err, &fe) || fe.Error() != want {
					t.Errorf("%s: %v, want the FieldError %q", what, err, want)
				}
			}
			check("ValidateAt", rules.ValidateAt(tc.f, now), tc.want)
			_, err := e.Evaluate(tc.f)
			check("Evaluate", err, tc.want)
			// The same filing as an outcome's correction of the decided one.
			d := decisionOf(t, base, pSC)
			corrected := with(tc.f, yuan(20000)) // so that it changes something
			o := outcome(chConf, pSC, correct(corrected, "原告2024年3月10日变更诉讼请求申请书"))
			want := tc.want
			if want != "" {
				want = "outcome.correction." + want
			}
			check("correction", e.ValidateOutcome(d, base, nil, o), want)
		})
	}

	d := decisionOf(t, base, pSC)
	for _, tc := range []struct {
		name string
		o    *triagev1.Outcome
		want string
	}{
		{"reason with ESC", outcome(chConf, pSC, func(o *triagev1.Outcome) { o.Reason = "当事人同意\u001b[2J" }), "outcome.reason: control character U+001B at 5"},
		{"reason with NEL", outcome(chConf, pSC, func(o *triagev1.Outcome) { o.Reason = "\u0085理由" }), "outcome.reason: control character U+0085 at 0"},
		{"reason with LRI", outcome(chConf, pSC, func(o *triagev1.Outcome) { o.Reason = "理由\u2066" }), "outcome.reason: bidirectional control character U+2066 at 2"},
		{"reason of lines", outcome(chConf, pSC, func(o *triagev1.Outcome) { o.Reason = "一、标的额小；\r\n二、事实清楚。\t" }), ""},
		{"legal basis with a newline", outcome(chConf, pSC, func(o *triagev1.Outcome) { o.LegalBasis = "民事诉讼法\n第一百六十五条" }), "outcome.legal_basis: control character U+000A at 5"},
		{"legal basis with full-width punctuation", outcome(chConf, pSC, func(o *triagev1.Outcome) {
			o.LegalBasis = "民事诉讼法第一百六十五条；民诉法解释第二百七十一条"
		}), ""},
		{"decided_by with RLO", outcome(chConf, pSC, by("J-\u202e1")), "outcome.decided_by: bidirectional control character U+202E at 2"},
		{"decided_by with a newline", outcome(chConf, pSC, by("J-1\nJ-2")), "outcome.decided_by: control character U+000A at 3"},
		{"correction basis with ESC", outcome(chConf, pSC, correct(with(base, yuan(20000)), "申请书\u001b")), "outcome.correction.basis: control character U+001B at 3"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			for what, err := range map[string]error{
				"Engine.ValidateOutcome": e.ValidateOutcome(d, base, nil, tc.o),
				"ValidateOutcomeAt":      rules.ValidateOutcomeAt(d, nil, tc.o, now),
			} {
				if what == "ValidateOutcomeAt" && tc.o.GetCorrection() != nil {
					continue // only the engine checks corrections
				}
				if tc.want == "" {
					if err != nil {
						t.Errorf("%s: %v, want accepted", what, err)
					}
					continue
				}
				var fe *rules.FieldError
				if !errors.As(err, &fe) || fe.Error() != tc.want {
					t.Errorf("%s: %v, want the FieldError %q", what, err, tc.want)
				}
			}
		})
	}
}

// TestDecidedOnFuture: a ruling dated after tomorrow in Beijing is refused
// on outcome.decided_on, the same bound as filing.filed_on; today and the
// day of slack are accepted. At 17:00 UTC on 2024-04-09 it is already
// 2024-04-10 in Beijing. Such a date, once stored, would have refused every
// genuine outcome after it as OUTCOME_BEFORE_PREVIOUS, which the last case
// shows against a record that holds one.
// TestIDNearMisses: the code points either side of those validateID refuses
// as naming no character (the noncharacters U+FDD0–U+FDEF and U+FFFE–U+FFFF,
// U+FFFD, private use) are characters of an id, as is a CJK ideograph
// outside the BMP, and a decomposed é (e and U+0301), which composes into a
// letter.
func TestIDNearMisses(t *testing.T) {
	now := time.Date(2026, 12, 3, 12, 0, 0, 0, time.UTC)
	for _, s := range []string{"\ufdcf", "\ufdf0", "\ufffc", "\uf900", "\U00020000", "\U0001FFFD", "e\u0301"} {
		f := with(civilBase(t), id("(2024)浙0102民初1号"+s))
		if err := rules.ValidateAt(f, now); err != nil {
			t.Errorf("id ending in U+%04X: %v, want accepted", []rune(s)[0], err)
		}
	}
}

func TestDecidedOnFuture(t *testing.T) {
	now := time.Date(2024, 4, 9, 17, 0, 0, 0, time.UTC)
	e := defaultEngine(t).WithClock(func() time.Time { return now })
	dSC := decisionOf(t, civilBase(t), pSC) // filed 2024-03-05
	for _, tc := range []struct {
		day string
		ok  bool
	}{
		{"2024-03-05", true}, // the day of 立案
		{"2024-04-09", true}, // today in UTC, yesterday in Beijing
		{"2024-04-10", true}, // today in Beijing
		{"2024-04-11", true}, // tomorrow: the slack
		{"2024-04-12", false},
		{"2025-04-10", false},
		{"2100-01-01", false},
		{"2024-03-04", false}, // before 立案, refused already
	} {
		o := outcome(chConf, pSC, on(tc.day))
		for what, err := range map[string]error{
			"ValidateOutcomeAt":      rules.ValidateOutcomeAt(dSC, nil, o, now),
			"Engine.ValidateOutcome": e.ValidateOutcome(dSC, nil, nil, o),
		} {
			var fe *rules.FieldError
			switch {
			case tc.ok && err != nil:
				t.Errorf("%s %s: %v, want accepted", what, tc.day, err)
			case !tc.ok && (!errors.As(err, &fe) || fe.Field != "outcome.decided_on"):
				t.Errorf("%s %s: %v, want a FieldError on outcome.decided_on", what, tc.day, err)
			}
		}
	}
	var fe *rules.FieldError
	err := rules.ValidateOutcomeAt(dSC, nil, outcome(chConf, pSC, on("2100-01-01")), now)
	if want := "outcome.decided_on: 2100-01-01 is in the future: the latest accepted ruling date is 2024-04-11 (today in Beijing time plus one day)"; !errors.As(err, &fe) || fe.Error() != want {
		t.Errorf("2100-01-01: %v, want %q", err, want)
	}
	// What a stored future date did: the genuine 小额转普 of 2024-04-10 is
	// refused for good. The bound keeps such a record from being made.
	stuck := outs(outcome(chConf, pSC, on("2100-01-01")))
	var ce *rules.ConversionError
	if err := rules.ValidateOutcomeAt(dSC, stuck, outcome(chSC2O, pOrd, on("2024-04-10")), now); !errors.As(err, &ce) || ce.Rule != rules.RuleOutcomeBeforePrevious {
		t.Errorf("after a stored 2100 ruling: %v, want %s (the failure the bound prevents)", err, rules.RuleOutcomeBeforePrevious)
	}
	if err := rules.ValidateOutcomeAt(dSC, outs(outcome(chConf, pSC, on("2024-03-06"))), outcome(chSC2O, pOrd, on("2024-04-10")), now); err != nil {
		t.Errorf("小额转普 of 2024-04-10 after a confirmation: %v, want accepted", err)
	}
}
