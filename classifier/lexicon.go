package classifier

import (
	"math/bits"
	"slices"
	"unicode/utf8"
)

// The complexity lexicon: words that, in a complaint, point to the reasons
// cases leave a simple track (the grounds courts' 繁简分流 rules
// and CPL 169–170 / Interp. 258, 269 name: appraisal, service by public
// notice, counterclaims, added parties, disputed facts and accounts, interest
// fights, failed mediation, preservation). Character n-grams see these words
// too, but the naive Bayes drowns a single sentence among the hundreds of
// n-grams a complaint has; counted per category they are a handful of dense
// features the trees can split on.
//
// Most complaints voice trouble by reporting the other side's position or
// the plaintiff's own difficulty rather than by naming a legal category, so
// the lexicon also holds the idioms of that reporting: 被告称 / 被告主张 /
// 认为原告 (a defence), 要求原告… (a counterclaim in waiting), 无人居住 /
// 时通时断 / 寻找未果 (a defendant who cannot be served), 有待查明 / 另有
// 他人 / 另有其人 (a party to add), 真实性 / 并非其本人 / 专业机构 (an
// appraisal to come). Measured on generated complaints, adding them took
// the share of heavy-complication sentences the lexicon sees from about
// half to 83% (joinder) – 100% (service), and the model's macro-F1 at
// ordinary recall 0.9 from 0.74 to 0.78 (doc.go, "What moved").
//
// Terms are two or three characters; longer expressions are represented by
// a distinctive three-character core (下落不明 → 落不明, 财产保全 → 产保全).
// Words that every complaint of a cause uses for its routine claims (利息,
// 违约金, the 保全费 of the costs claim, 第三人 as a party role) are left
// out: they would count the claim, not the trouble. Matching is exact
// on the characters as written (a 64-bit hash compare, no bucket
// collisions), whitespace ending the window; it rides along the n-gram pass
// over the text (Extractor.walk) without allocating, and a bitmap of the
// terms' last characters spares the lookups at most positions.
type lexCategory int

const (
	lexAppraisal lexCategory = iota
	lexService
	lexCounterclaim
	lexJoinder
	lexDispute
	lexAccounts
	lexInterest
	lexMediation
	lexPreservation
	numLex
)

var lexNames = [numLex]string{
	"lex_appraisal", "lex_service", "lex_counterclaim", "lex_joinder", "lex_dispute",
	"lex_accounts", "lex_interest", "lex_mediation", "lex_preservation",
}

var lexTerms = [numLex][]string{
	lexAppraisal:    {"鉴定", "评估", "审计", "伤残", "造价", "笔迹", "检测", "评定", "因果", "真实性", "并非其", "修复费", "形成时", "胁迫", "业机构", "是否合", "不合格"},
	lexService:      {"落不明", "址不详", "向不明", "搬离", "停机", "查无此", "联系不", "户籍地", "常居住", "去楼空", "拒收", "外省", "告送达", "人居住", "时通时", "找未果", "何处居", "系方式", "均已变", "址不明"},
	lexCounterclaim: {"反诉", "约在先", "行起诉", "抵销", "抵扣", "量问题", "扬言", "其损失", "求原告", "其造成", "也有损", "原告赔", "原告返"},
	lexJoinder:      {"追加", "案外人", "挂靠", "际使用", "际车主", "际施工", "际经营", "名义", "转包", "分包", "派遣", "用资质", "待查明", "需查明", "法查明", "另有他", "有其人", "尚在核", "另立有", "未参加", "共同实"},
	lexDispute:      {"否认", "异议", "予认可", "辩称", "争议", "不认可", "拒付", "不同意", "推诿", "被告称", "被告主", "无效", "不应", "冒用", "盗刷", "伪造", "混同", "抗辩", "认为原", "减轻"},
	lexAccounts:     {"对账", "往来", "陆续", "零星", "多笔", "抵款", "还款明", "已还", "余笔", "注明用", "核对", "说法不", "账目", "未说明", "尚难确", "多次转"},
	lexInterest:     {"砍头息", "复利", "过高", "调减", "重复计", "计算标", "起算", "约定过", "记载不"},
	lexMediation:    {"调解"},
	lexPreservation: {"产保全", "讼保全", "前保全", "请保全", "全措施", "查封", "冻结"},
}

// LexiconTerms returns the lexicon's terms per category, in the order of
// the lex_* dense features.
func LexiconTerms() [][]string {
	out := make([][]string, numLex)
	for i, t := range lexTerms {
		out[i] = slices.Clone(t)
	}
	return out
}

// lexicon is the compiled lexicon: an open-addressing table from the 64-bit
// hash of a term to its index, and per category the mask of its terms.
type lexicon struct {
	slots [lexSlots]lexSlot
	mask  [numLex][lexWords]uint64
	// last is a bitmap of the terms' last characters, offset by lastLo.
	last   []uint64
	lastLo rune
}

const (
	lexSlots = 512 // power of two, well above twice the number of terms
	lexWords = 2   // 128 terms at most
	lexSeed  = 0x6c657869636f6e31
)

type lexSlot struct {
	hash uint64
	term uint8 // 1 + term index; 0 = empty
}

func newLexicon() *lexicon {
	lx := &lexicon{}
	n := 0
	for cat, terms := range lexTerms {
		for _, t := range terms {
			rs := []rune(t)
			var h uint64
			switch len(rs) {
			case 2:
				h = lexHash2(rs[0], rs[1])
			case 3:
				h = lexHash3(rs[0], rs[1], rs[2])
			default:
				panic("lexicon term of " + t + " is not two or three characters")
			}
			if n >= lexWords*64 {
				panic("lexicon too large")
			}
			i := lexIndex(h)
			for lx.slots[i].term != 0 {
				if lx.slots[i].hash == h {
					panic("duplicate lexicon term " + t)
				}
				i = (i + 1) & (lexSlots - 1)
			}
			if slices.ContainsFunc(rs, breaksWindow) {
				panic("lexicon term " + t + " holds white space")
			}
			lx.slots[i] = lexSlot{hash: h, term: uint8(n + 1)}
			lx.mask[cat][n/64] |= 1 << (n % 64)
			n++
		}
	}
	lo, hi := rune(utf8.MaxRune), rune(0)
	for _, terms := range lexTerms {
		for _, t := range terms {
			r, _ := utf8.DecodeLastRuneInString(t)
			lo, hi = min(lo, r), max(hi, r)
		}
	}
	lx.lastLo, lx.last = lo, make([]uint64, (hi-lo)/64+1)
	for _, terms := range lexTerms {
		for _, t := range terms {
			r, _ := utf8.DecodeLastRuneInString(t)
			lx.last[(r-lo)>>6] |= 1 << ((r - lo) & 63)
		}
	}
	return lx
}

func lexHash2(a, b rune) uint64 {
	h := uint64(lexSeed ^ 2)
	h = (h * fnvPrime) ^ uint64(a)
	h = (h * fnvPrime) ^ uint64(b)
	return h * fnvPrime
}

func lexHash3(a, b, c rune) uint64 {
	h := uint64(lexSeed ^ 3)
	h = (h * fnvPrime) ^ uint64(a)
	h = (h * fnvPrime) ^ uint64(b)
	h = (h * fnvPrime) ^ uint64(c)
	return h * fnvPrime
}

func lexIndex(h uint64) int { return int((h * fibonacci) >> (64 - 9)) }

func (lx *lexicon) lookup(h uint64) int {
	for i := lexIndex(h); ; i = (i + 1) & (lexSlots - 1) {
		s := &lx.slots[i]
		if s.term == 0 {
			return -1
		}
		if s.hash == h {
			return int(s.term) - 1
		}
	}
}

// ends reports whether r is the last character of some term: most
// characters of a text are not, and for them the two hash lookups of a
// window ending there are skipped.
func (lx *lexicon) ends(r rune) bool {
	u := uint32(r - lx.lastLo)
	return u < uint32(len(lx.last))*64 && lx.last[u>>6]&(1<<(u&63)) != 0
}

// counts writes, per category, how many distinct terms of it are set in
// hit (capped at 3) into d.
func (lx *lexicon) counts(hit *[lexWords]uint64, d *[NumDense]float64) {
	for cat := range numLex {
		n := 0
		for w := range lexWords {
			n += bits.OnesCount64(hit[w] & lx.mask[cat][w])
		}
		d[fLexFirst+int(cat)] = float64(min(n, 3))
	}
}
