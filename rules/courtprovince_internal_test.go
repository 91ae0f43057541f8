package rules

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"sync"
	"testing"
)

// courtNames are names of courts of every kind provinceOfCourt reads: by a
// province's full name, a municipality's special courts, maritime courts,
// pilot cities and their counties, the internet courts, and names that
// place a court nowhere; and random names made of those pieces.
func courtNames(rng *rand.Rand, n int) []string {
	names := []string{"", "人民法院", "北京互联网法院", "杭州互联网法院", "广州互联网法院", "上海铁路运输法院",
		"重庆两江新区人民法院", "上海海事法院", "宁波海事法院", "浙江省杭州市上城区人民法院", "北京市海淀区人民法院",
		"江苏省昆山市人民法院", "昆山市人民法院", "平潭综合实验区人民法院", "新疆维吾尔自治区高级人民法院生产建设兵团分院",
		"某某县人民法院", "香港特别行政区高等法院"}
	var pieces []string
	for _, p := range &provinces {
		pieces = append(pieces, p.Name, p.Short)
	}
	for _, c := range &pilotCities {
		pieces = append(pieces, c.city, c.city+"市")
		pieces = append(pieces, c.counties...)
		pieces = append(pieces, c.civilCourts...)
	}
	pieces = append(pieces, "市", "区", "县", "人民法院", "海事法院", "中级", "铁路运输法院", "x", "\xe5")
	for _, p := range pieces {
		names = append(names, p+"人民法院")
	}
	for range n {
		var b strings.Builder
		for range 1 + rng.IntN(4) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		names = append(names, b.String())
	}
	return names
}

// TestProvinceOfCourtRemembered: provinceOfCourt answers as
// readProvinceOfCourt does, the first time a court is named (read and
// remembered) and every time after (from courtProvinces), also from
// several goroutines at once (run with -race).
func TestProvinceOfCourtRemembered(t *testing.T) {
	names := courtNames(rand.New(rand.NewPCG(28, 5)), 3000)
	found := 0
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for round := range 2 {
				for i := range names {
					c := names[(i+g*101)%len(names)]
					wp, wok := readProvinceOfCourt(c)
					if gp, gok := provinceOfCourt(c); gp != wp || gok != wok {
						t.Errorf("round %d: provinceOfCourt(%q) = %v, %v; readProvinceOfCourt %v, %v", round, c, gp, gok, wp, wok)
						return
					}
					if g == 0 && round == 0 && wok {
						found++
					}
				}
			}
		}()
	}
	wg.Wait()
	if found < len(names)/4 {
		t.Fatalf("only %d of %d names place a court: the test reads too little", found, len(names))
	}
}

// TestCourtProvincesBounded: past maxCourtProvinces names no more are
// kept, and a name not kept is still answered.
func TestCourtProvincesBounded(t *testing.T) {
	for i := range maxCourtProvinces + 100 {
		provinceOfCourt(fmt.Sprintf("浙江省第%d人民法院", i))
	}
	courtProvinces.RLock()
	n := len(courtProvinces.m)
	courtProvinces.RUnlock()
	if n > maxCourtProvinces {
		t.Fatalf("%d court names kept, more than %d", n, maxCourtProvinces)
	}
	if p, ok := provinceOfCourt("浙江省未曾见过的人民法院"); !ok || p.Short != "浙江" {
		t.Fatalf("a name past the bound: %v, %v", p, ok)
	}
}

// TestPrefecturesTable: every province of the prefecture table is a
// province LookupProvince knows, no division is listed twice (a name in two
// provinces would place a court in the first), and each is read back from a
// court's name as prefectureProvinceOf reads names: a city with 市, the
// other divisions in full; a city's name without 市 and a maritime court
// are not read.
func TestPrefecturesTable(t *testing.T) {
	seen := map[string]string{}
	for _, p := range &prefectures {
		want, ok := LookupProvince(p.province)
		if !ok {
			t.Errorf("prefectures: %q is no province", p.province)
			continue
		}
		for _, n := range p.names {
			if q, dup := seen[n]; dup {
				t.Errorf("prefectures: %s listed under %s and %s", n, q, p.province)
			}
			seen[n] = p.province
			court := n + "中级人民法院"
			if isCityName(n) {
				court = n + "市中级人民法院"
				if _, ok := prefectureProvinceOf(n + "中级人民法院"); ok {
					t.Errorf("%s中级人民法院 (no 市) placed", n)
				}
			}
			if got, ok := prefectureProvinceOf(court); !ok || got != want {
				t.Errorf("prefectureProvinceOf(%q) = %v, %v; want %v", court, got, ok, want)
			}
		}
	}
	if _, ok := prefectureProvinceOf("宁波海事法院"); ok {
		t.Error("a maritime court placed by its seat's city")
	}
}

// TestCountyCitiesUnique: every province of the county-level city table is
// one LookupProvince knows, and no name appears twice across it, nor as a
// prefecture-level division's (prefectures) or a pilot city's or county's
// (pilotCities): a name in two places would place a court in one of two
// provinces. Each is read back from "<name>市人民法院"; without its 市, with
// a county's 县 or a district's 区 after the name, or at a maritime court,
// it is not.
func TestCountyCitiesUnique(t *testing.T) {
	seen := map[string]string{}
	for _, p := range &prefectures {
		for _, n := range p.names {
			seen[n] = "the prefecture table (" + p.province + ")"
		}
	}
	for _, c := range &pilotCities {
		seen[c.city] = "the pilot table (" + c.province + ")"
	}
	total := 0
	for _, p := range &countyCities {
		want, ok := LookupProvince(p.province)
		if !ok {
			t.Errorf("countyCities: %q is no province", p.province)
			continue
		}
		for _, n := range p.names {
			total++
			if q, dup := seen[n]; dup {
				t.Errorf("countyCities: %s under %s and in %s", n, p.province, q)
			}
			seen[n] = p.province
			for _, c := range &pilotCities {
				for _, county := range c.counties {
					if strings.HasSuffix(county, "市") && strings.TrimSuffix(county, "市") == n && c.province != want.Name {
						t.Errorf("countyCities: %s under %s, the pilot's %s county in %s", n, p.province, c.city, c.province)
					}
				}
			}
			if got, ok := countyCityProvinceOf(n + "市人民法院"); !ok || got != want {
				t.Errorf("countyCityProvinceOf(%s市人民法院) = %v, %v; want %v", n, got, ok, want)
			}
			for _, other := range []string{n + "人民法院", n + "县人民法院", n + "区人民法院"} {
				if _, ok := countyCityProvinceOf(other); ok {
					t.Errorf("countyCityProvinceOf(%s) placed", other)
				}
			}
		}
	}
	// 2022's 394 county-level cities, less the nine in the prefecture
	// table (济源, 仙桃, 潜江, 天门, 海南's five), with 2023's three.
	if want := 394 - 9 + 3; total != want {
		t.Errorf("countyCities lists %d cities, want %d", total, want)
	}
	if _, ok := countyCityProvinceOf("宁波海事法院"); ok {
		t.Error("a maritime court placed")
	}
}
