package rules

import (
	"fmt"
	"math/rand/v2"
	"testing"
	"time"
)

// chineseDateParsed is chineseDate as it was written first (time.Parse and
// fmt.Sprintf), the reading chineseDateDigits must give.
func chineseDateParsed(d string) string {
	t, err := time.Parse(time.DateOnly, d)
	if err != nil {
		return d
	}
	return fmt.Sprintf("%d年%d月%d日", t.Year(), int(t.Month()), t.Day())
}

// TestChineseDateDigits: chineseDate is what time.Parse and fmt.Sprintf
// make of every day of the years 0–2999 and 9990–9999, of the month and day
// numbers just outside the calendar (00, 13, 29–32 of every month, 99), and
// of random strings of digits, dashes and other bytes; the digits are read
// for every valid date.
func TestChineseDateDigits(t *testing.T) {
	check := func(d string) {
		if got, want := chineseDate(d), chineseDateParsed(d); got != want {
			t.Fatalf("chineseDate(%q) = %q, time.Parse and fmt.Sprintf: %q", d, got, want)
		}
	}
	read := 0
	for y := range 10000 {
		if y >= 3000 && y < 9990 {
			continue
		}
		for _, m := range []int{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 99} {
			for day := range 33 {
				d := fmt.Sprintf("%04d-%02d-%02d", y, m, day)
				check(d)
				if _, ok := chineseDateDigits(d); ok {
					read++
				}
			}
			check(fmt.Sprintf("%04d-%02d-99", y, m))
		}
	}
	if want := 3010 * 365; read < want {
		t.Fatalf("%d dates read from their digits, want at least %d", read, want)
	}
	pieces := []string{"0", "1", "2", "9", "-", "2018", "-02-", "29", "31", " ", "+", "\xff", "０", "年"}
	rng := rand.New(rand.NewPCG(27, 3))
	for i := range 100000 {
		check(randomText(rng, pieces, 1+i%12))
	}
}

// TestChineseDateAllocations: a valid date costs one allocation (its
// string), not fmt's.
func TestChineseDateAllocations(t *testing.T) {
	if n := testing.AllocsPerRun(100, func() { chineseDate("2018-12-20") }); n > 1 {
		t.Fatalf("chineseDate: %v allocations, want 1", n)
	}
}
