package rules

import "strconv"

// chineseDateDigits is chineseDate of a date written exactly "YYYY-MM-DD"
// that is a day of the calendar, read from its digits: what time.Parse and
// fmt.Sprintf made of it cost ~3,000 instructions per date, and a moved due
// date writes two (movedDueNote; issue 13, callgrind 2026-12-05). ok is
// false for anything else, which chineseDate reads as before
// (TestChineseDateDigits compares the two on every day of 3,000 years and
// the month and day numbers around them).
func chineseDateDigits(d string) (string, bool) {
	if len(d) != len("2006-01-02") || d[4] != '-' || d[7] != '-' {
		return "", false
	}
	y, ok1 := digitsValue(d[0:4])
	m, ok2 := digitsValue(d[5:7])
	day, ok3 := digitsValue(d[8:10])
	if !ok1 || !ok2 || !ok3 || m < 1 || m > 12 || day < 1 || day > daysInMonth(m, y) {
		return "", false
	}
	b := make([]byte, 0, len("2018年12月20日"))
	b = strconv.AppendInt(b, int64(y), 10)
	b = append(b, "年"...)
	b = strconv.AppendInt(b, int64(m), 10)
	b = append(b, "月"...)
	b = strconv.AppendInt(b, int64(day), 10)
	b = append(b, "日"...)
	return string(b), true
}

// digitsValue is the number ASCII digits s write, false when s holds
// anything else.
func digitsValue(s string) (int, bool) {
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}

// daysInMonth is the number of days of month m (1–12) of the proleptic
// Gregorian year y, as the time package counts them.
func daysInMonth(m, y int) int {
	switch m {
	case 2:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}
