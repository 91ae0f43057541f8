package rules

import (
	"regexp"
	"slices"
	"strings"
	"testing"
)

// domicileAbroadRef is domicileAbroadStated by the expression its doc
// comment gives, for TestDomicileAbroadStated to compare the scanner with.
var domicileAbroadRef = regexp.MustCompile(`(?:住所地|户籍所在地|户籍地|经常居住地|住所|住址|住)(?:位于|在|为|于|:)?(?:中国)?` + abroadPlace)

func domicileAbroadStatedRef(text string, subjects []string) bool {
	for _, m := range domicileAbroadRef.FindAllStringSubmatchIndex(text, -1) {
		before, after := text[:m[0]], text[m[3]:]
		if slices.ContainsFunc(negations, func(n string) bool { return strings.HasSuffix(before, n) }) {
			continue
		}
		bare := strings.HasPrefix(text[m[0]:], "住") && !strings.HasPrefix(text[m[0]:], "住所") && !strings.HasPrefix(text[m[0]:], "住址")
		if bare && slices.ContainsFunc(stayBefore[:], func(w string) bool { return strings.HasSuffix(before, w) }) {
			continue
		}
		if prefixIn(after, placeNameAfter[:]) > 0 {
			continue
		}
		if partySubject(text, m[0], subjects) {
			return true
		}
	}
	return false
}

// TestDomicileAbroadStated checks the scanner against the expression and
// the answers the law gives (CPL 166 (2); Interp. 520 (2), 549).
func TestDomicileAbroadStated(t *testing.T) {
	subjects := []string{"原告", "被告", "第三人"}
	for _, c := range []struct {
		text string
		want bool
	}{
		{"被告陈某,住台湾地区台北市信义区。", true},
		{"被告住所地:中国香港九龙弥敦道1号。", true},
		{"被告李某,住所地为美国纽约州。", true},
		{"被告何某,住澳门特别行政区。", true},
		{"被告王某,户籍地为香港。", true},
		{"被告王某,户籍所在地台湾。", true},
		{"被告王某,经常居住地在日本东京。", true},
		{"被告王某,住址:新加坡。", true},
		{"被告王某居住在美国。", false},
		{"被告王某暂住香港。", false},
		{"被告王某,住温州市鹿城区香港路1号。", false},
		{"被告王某,住香港路1号。", false},
		{"被告王某并非住香港。", false},
		{"原告的委托诉讼代理人李某住香港。", false},
		{"被告王某,住温州市鹿城区。", false},
		{"住香港。", false}, // no party named before
	} {
		got, ref := domicileAbroadStated(c.text, subjects), domicileAbroadStatedRef(c.text, subjects)
		if got != c.want || ref != c.want {
			t.Errorf("%s: scanner %v, expression %v, want %v", c.text, got, ref, c.want)
		}
	}
}
