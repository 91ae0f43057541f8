package corpus

import (
	"math"
	"math/rand/v2"
	"strconv"
	"strings"
	"time"
)

// pick returns one of xs, uniformly.
func pick[T any](r *rand.Rand, xs ...T) T { return xs[r.IntN(len(xs))] }

// chance reports true with probability p.
func chance(r *rand.Rand, p float64) bool { return r.Float64() < p }

// choice is one weighted alternative of a table.
type choice[T any] struct {
	w float64
	v T
}

// table is a weighted distribution, sampled by a cumulative search. It is
// built once per Generate call and shared by all records read-only.
type table[T any] struct {
	cum   []float64
	vals  []T
	total float64
}

func newTable[T any](cs []choice[T]) *table[T] {
	t := &table[T]{}
	for _, c := range cs {
		t.total += c.w
		t.cum = append(t.cum, t.total)
		t.vals = append(t.vals, c.v)
	}
	return t
}

func (t *table[T]) draw(r *rand.Rand) T {
	x := r.Float64() * t.total
	lo, hi := 0, len(t.cum)-1
	for lo < hi {
		m := (lo + hi) / 2
		if t.cum[m] > x {
			hi = m
		} else {
			lo = m + 1
		}
	}
	return t.vals[lo]
}

// lognormal draws a value with the given median and log-space sigma.
func lognormal(r *rand.Rand, median, sigma float64) float64 {
	return median * math.Exp(sigma*r.NormFloat64())
}

// between returns an int in [lo, hi].
func between(r *rand.Rand, lo, hi int) int { return lo + r.IntN(hi-lo+1) }

func sigmoid(x float64) float64 { return 1 / (1 + math.Exp(-x)) }

func clamp(x, lo, hi float64) float64 { return math.Max(lo, math.Min(hi, x)) }

// roundYuan rounds a yuan amount the way people write round sums: loans and
// prices are usually whole hundreds or thousands, not arbitrary fen.
func roundYuan(r *rand.Rand, yuan float64) int64 {
	var step float64
	switch {
	case yuan >= 200000:
		step = pick(r, 10000.0, 5000, 1000)
	case yuan >= 20000:
		step = pick(r, 1000.0, 1000, 500, 100)
	case yuan >= 2000:
		step = pick(r, 100.0, 100, 50, 10)
	default:
		step = pick(r, 10.0, 1)
	}
	v := math.Round(yuan/step) * step
	if v < step {
		v = step
	}
	return int64(v)
}

// ---- money ----

// yuanString renders fen as a decimal yuan figure: "35000", "35000.5" is
// never produced; fractions always carry two digits ("12873.46").
func yuanString(fen int64) string {
	y, f := fen/100, fen%100
	s := strconv.FormatInt(y, 10)
	if f == 0 {
		return s
	}
	return s + "." + twoDigits(f)
}

func twoDigits(n int64) string {
	if n < 10 {
		return "0" + strconv.FormatInt(n, 10)
	}
	return strconv.FormatInt(n, 10)
}

// grouped renders with thousands separators, as lawyers' typed complaints
// often do: "1,280,000.00".
func grouped(fen int64) string {
	s := strconv.FormatInt(fen/100, 10)
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	b.WriteByte('.')
	b.WriteString(twoDigits(fen % 100))
	return b.String()
}

// wan renders "3.5万" when the amount is a clean multiple of 100 yuan.
func wan(fen int64) (string, bool) {
	if fen%10000_00 == 0 {
		return strconv.FormatInt(fen/10000_00, 10) + "万", true
	}
	if fen%100_00 == 0 && fen >= 10000_00 {
		s := strconv.FormatFloat(float64(fen)/1e6, 'f', -1, 64)
		return s + "万", true
	}
	return "", false
}

// money writes an amount the many ways complaints do: plain numerals,
// 人民币 prefix, grouped digits, 万元, 大写 alone or in brackets.
func money(r *rand.Rand, fen int64) string {
	x := r.IntN(100)
	switch {
	case x < 46:
		return yuanString(fen) + "元"
	case x < 58:
		return "人民币" + yuanString(fen) + "元"
	case x < 66:
		return grouped(fen) + "元"
	case x < 80:
		if w, ok := wan(fen); ok {
			return w + "元"
		}
		return yuanString(fen) + "元"
	case x < 92:
		return yuanString(fen) + "元（大写：" + daxie(fen) + "）"
	case x < 96:
		return "人民币" + daxie(fen)
	default:
		return "￥" + grouped(fen)
	}
}

// plainMoney is for figures inside computations, where people keep numerals.
func plainMoney(fen int64) string { return yuanString(fen) + "元" }

var (
	dxDigits = []string{"零", "壹", "贰", "叁", "肆", "伍", "陆", "柒", "捌", "玖"}
	dxUnits  = []string{"", "拾", "佰", "仟"}
	dxBig    = []string{"", "万", "亿", "万亿"}
)

// daxie renders fen in the financial capitals (大写) used on 借条 and in
// judgments: 12345.60 → 壹万贰仟叁佰肆拾伍元陆角.
func daxie(fen int64) string {
	yuan := fen / 100
	jiao := (fen / 10) % 10
	fenD := fen % 10
	var b strings.Builder
	if yuan == 0 {
		b.WriteString("零")
	}
	var groups []int64
	for v := yuan; v > 0; v /= 10000 {
		groups = append(groups, v%10000)
	}
	written, pendingZero := false, false
	for gi := len(groups) - 1; gi >= 0; gi-- {
		g := groups[gi]
		if g == 0 {
			pendingZero = written
			continue
		}
		if written && (pendingZero || g < 1000) {
			b.WriteString("零")
		}
		pendingZero = false
		started, innerZero := false, false
		for u := 3; u >= 0; u-- {
			d := (g / pow10(u)) % 10
			if d == 0 {
				innerZero = started
				continue
			}
			if innerZero {
				b.WriteString("零")
				innerZero = false
			}
			b.WriteString(dxDigits[d])
			b.WriteString(dxUnits[u])
			started = true
		}
		b.WriteString(dxBig[gi])
		written = true
	}
	b.WriteString("元")
	if jiao == 0 && fenD == 0 {
		b.WriteString("整")
		return b.String()
	}
	if jiao > 0 {
		b.WriteString(dxDigits[jiao] + "角")
	} else {
		b.WriteString("零")
	}
	if fenD > 0 {
		b.WriteString(dxDigits[fenD] + "分")
	}
	return b.String()
}

func pow10(n int) int64 {
	v := int64(1)
	for range n {
		v *= 10
	}
	return v
}

var cnDigits = []string{"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"}

// cn renders a non-negative integer below 10^8 in lower-case Chinese
// numerals as judgments write sentences and fines: 14 → 十四, 4000 → 四千.
func cn(n int) string {
	if n == 0 {
		return "零"
	}
	if n >= 10000 {
		hi, lo := n/10000, n%10000
		s := cn(hi) + "万"
		if lo == 0 {
			return s
		}
		if lo < 1000 {
			s += "零"
			if lo >= 10 && lo < 20 {
				s += "一" // 一万零一十二, not 一万零十二
			}
		}
		return s + cn(lo)
	}
	var b strings.Builder
	units := []string{"千", "百", "十", ""}
	div := []int{1000, 100, 10, 1}
	zero := false
	started := false
	for i, d := range div {
		v := (n / d) % 10
		if v == 0 {
			if started {
				zero = true
			}
			continue
		}
		if zero {
			b.WriteString("零")
			zero = false
		}
		if !(v == 1 && units[i] == "十" && !started) {
			b.WriteString(cnDigits[v])
		}
		b.WriteString(units[i])
		started = true
	}
	return b.String()
}

// months renders a term: 14 → 一年二个月, 6 → 六个月, 24 → 二年.
func monthsCN(m int) string {
	y, mo := m/12, m%12
	switch {
	case y == 0:
		return cn(mo) + "个月"
	case mo == 0:
		return cn(y) + "年"
	default:
		return cn(y) + "年" + cn(mo) + "个月"
	}
}

// ---- dates ----

func ymd(t time.Time) string {
	return strconv.Itoa(t.Year()) + "年" + strconv.Itoa(int(t.Month())) + "月" + strconv.Itoa(t.Day()) + "日"
}

func ym(t time.Time) string {
	return strconv.Itoa(t.Year()) + "年" + strconv.Itoa(int(t.Month())) + "月"
}

// dateVar writes a date mostly in full, sometimes to the month, rarely with dots.
func dateVar(r *rand.Rand, t time.Time) string {
	x := r.IntN(100)
	switch {
	case x < 78:
		return ymd(t)
	case x < 94:
		return ym(t)
	default:
		return strconv.Itoa(t.Year()) + "." + strconv.Itoa(int(t.Month())) + "." + strconv.Itoa(t.Day())
	}
}

// daysBefore returns a date between lo and hi days before t.
func daysBefore(r *rand.Rand, t time.Time, lo, hi int) time.Time {
	return t.AddDate(0, 0, -between(r, lo, hi))
}

func clock(r *rand.Rand) string {
	h := between(r, 0, 23)
	if chance(r, 0.6) {
		return strconv.Itoa(h) + "时许"
	}
	return strconv.Itoa(h) + "时" + strconv.Itoa(between(r, 1, 59)) + "分许"
}

// ---- numbering ----

// numbering is how a list of claims is numbered: "1." "1、" "一、" "（1）" "第一，".
type numbering int

const (
	numDot numbering = iota
	numComma
	numCN
	numParen
	numHalfParen
	numOrdinal
	numStyles
)

func (n numbering) label(i int) string {
	switch n {
	case numDot:
		return strconv.Itoa(i) + "."
	case numComma:
		return strconv.Itoa(i) + "、"
	case numCN:
		return cn(i) + "、"
	case numParen:
		return "（" + strconv.Itoa(i) + "）"
	case numHalfParen:
		return "(" + strconv.Itoa(i) + ")"
	default:
		return "第" + cn(i) + "，"
	}
}

// writeList writes numbered items either one per line or run together.
func writeList(r *rand.Rand, b *strings.Builder, items []string) {
	style := numbering(r.IntN(int(numStyles)))
	if len(items) == 1 && chance(r, 0.6) {
		b.WriteString(items[0])
		b.WriteString("。")
		return
	}
	newline := chance(r, 0.55)
	for i, it := range items {
		if newline {
			b.WriteString("\n")
		}
		b.WriteString(style.label(i + 1))
		b.WriteString(it)
		if i == len(items)-1 || newline {
			b.WriteString("。")
		} else {
			b.WriteString("；")
		}
	}
}

// sep writes a paragraph break or nothing, so layouts differ.
func sep(r *rand.Rand, b *strings.Builder) {
	if chance(r, 0.5) {
		b.WriteString("\n")
	}
}
