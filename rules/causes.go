package rules

import (
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Category is what a civil cause says about the claims, as far as CPL 165–166
// care: the law excludes personal-status and property-confirmation cases from
// small claims and admits only money-payment cases.
type Category int

// Categories of civil causes.
const (
	CategoryUnknown              Category = iota // not in the catalogue, or no inference possible
	CategoryMoneyPayment                         // 金钱给付: loans, debts, wages, fees, damages
	CategoryPersonalStatus                       // 人身关系: divorce, parentage, adoption, custody
	CategoryPropertyConfirmation                 // 财产确权: ownership, partition, inheritance
	CategoryNonMonetary                          // claims for acts: removal of obstruction, return of things
	CategoryMixed                                // contracts whose claims may or may not be money only
)

var categoryNames = [...]string{"unknown", "money_payment", "personal_status", "property_confirmation", "non_monetary", "mixed"}

// String returns the category's name as used in the rules file.
func (c Category) String() string {
	if int(c) < len(categoryNames) {
		return categoryNames[c]
	}
	return fmt.Sprintf("category(%d)", int(c))
}

func parseCategory(s string) (Category, bool) {
	for i, n := range categoryNames {
		if s == n && i != int(CategoryUnknown) {
			return Category(i), true
		}
	}
	return CategoryUnknown, false
}

// CauseMatch says how a written cause was resolved to its catalogue node.
type CauseMatch uint8

// How a written cause matched.
const (
	MatchNone      CauseMatch = iota // no catalogue node: the cause is unknown
	MatchExact                       // the node's name, with or without 纠纷/罪/案
	MatchAlias                       // an older or common name of the node
	MatchContained                   // the longest node name the written cause contains
	MatchFamily                      // a known ending names the family ("…责任纠纷")
	// MatchFirstCharge: several charges written together ("盗窃罪、诈骗罪"),
	// resolved to the first by its exact name or alias; the node is that
	// charge's, but the filing is not that charge alone.
	MatchFirstCharge
	// MatchSeveral: a civil or administrative field naming several causes
	// ("民间借贷纠纷、离婚纠纷"); the node is the one whose category closes the
	// most procedures, the others are Cause.Others.
	MatchSeveral
)

var matchNames = [...]string{"none", "exact", "alias", "contained", "family", "first-charge", "several"}

// String returns the match's name, e.g. "contained".
func (m CauseMatch) String() string {
	if int(m) < len(matchNames) {
		return matchNames[m]
	}
	return fmt.Sprintf("match(%d)", int(m))
}

// Cause is what the catalogue knows about a filing's cause. Path is shared
// between lookups and must not be modified.
type Cause struct {
	Name       string   // the catalogue node matched, "" when none
	Category   Category // civil only; inherited from the family when the node sets none
	GroupProne bool
	Sensitive  bool
	// Known reports whether the cause resolved to a catalogue node at all.
	Known bool
	// Match says how it resolved.
	Match CauseMatch
	// Path runs from the top level to the node, e.g. [合同、准合同纠纷
	// 合同纠纷 借款合同纠纷 民间借贷纠纷].
	Path []string
	// Level is len(Path): 1 for a 部分 or a chapter, up to 4.
	Level int
	// Family is the node's family for scoring an unseen leaf like its
	// siblings: the second-level cause (合同纠纷, 劳动争议, 行政处罚) or, for
	// crimes, the chapter or section (侵犯财产罪, 破坏金融管理秩序罪).
	Family string
	// Written is the cause as the look-up read it: the whole field, every
	// level and every cause it names, in foldCause's form (widths,
	// traditional characters, spaces and invisible characters folded). The
	// rules read the written words (a 公益诉讼 beside its dispute, an IP
	// right, 确认… or 解除…) in it, never in the raw field.
	Written string
	// Leaves are the causes a civil or administrative field names, each at
	// its deepest written level ("合同纠纷>确认合同无效纠纷" → 确认合同无效纠纷),
	// in foldCause's form; nil when the field is one cause without levels
	// (the leaf is then Written).
	Leaves []string
	// Others are the other causes a field naming several resolves to, in
	// written order, each Known or not ("民间借贷纠纷、离婚纠纷": the Cause is
	// 离婚纠纷, Others holds 民间借贷纠纷). The Cause itself is the one whose
	// category closes the most procedures (severity); its flags are any
	// cause's.
	Others []Cause
}

// all returns the cause and the others its field names.
func (c Cause) all() []Cause {
	if len(c.Others) == 0 {
		return []Cause{c}
	}
	return append([]Cause{c}, c.Others...)
}

// anyCause reports whether the cause or another its field names satisfies f.
func (c Cause) anyCause(f func(Cause) bool) bool {
	return slices.ContainsFunc(c.all(), f)
}

// Complete reports whether the field's cause, and every other cause it
// names, resolved to a catalogue node: a field naming one cause the
// catalogue lacks beside a known one ("民间借贷纠纷、某某纠纷") says as little
// about what the case is as an unknown cause.
func (c Cause) Complete() bool {
	return !c.anyCause(func(o Cause) bool { return !o.Known })
}

// leaves returns the causes the field names at their deepest level.
func (c Cause) leaves() []string {
	if c.Leaves == nil {
		return []string{c.Written}
	}
	return c.Leaves
}

// causeNode is one node of the merged catalogue while the index is built.
type causeNode struct {
	name     string
	kind     int // kindSlot
	parent   int // -1 at the top
	category Category
	group    bool
	sens     bool
}

// kind slots of causeIndex.byKind.
const (
	slotCivil = iota
	slotAdministrative
	slotCriminal
	numKindSlots
)

func kindSlot(kind string) int {
	switch kind {
	case "civil":
		return slotCivil
	case "administrative":
		return slotAdministrative
	case "criminal":
		return slotCriminal
	}
	return -1
}

// keyRef is what a normalised name leads to.
type keyRef struct {
	node  int32
	alias bool
}

// kindIndex holds one case kind's lookup tables, all precomputed at load so
// a lookup is a few map probes and no allocation.
type kindIndex struct {
	written  map[string]keyRef // names and aliases exactly as the catalogue writes them
	keys     map[string]keyRef // normalised names and aliases
	minRunes int               // shortest key, in runes
	maxRunes int               // longest key, in runes
	suffixes []suffixRef       // longest first
}

type suffixRef struct {
	suffix string
	node   int32
}

// causeIndex matches causes as clerks write them against the official
// catalogues merged with the rules file's causes: exactly, with or without
// 纠纷/罪/案, by an older name, by the longest catalogue name the written
// cause contains ("离婚后财产分割纠纷" is 离婚后财产纠纷, not 离婚纠纷), or by
// the family its ending names.
type causeIndex struct {
	byKind [numKindSlots]kindIndex
	causes []Cause // by node, with the inherited attributes resolved
}

// CauseStem trims what clerks add or leave out around a cause ("民间借贷纠纷案"
// and "民间借贷纠纷一案" → "民间借贷", "危险驾驶罪" → "危险驾驶") after folding
// how it is written (foldCause: widths, spaces, invisible and traditional
// characters), so written causes and catalogue or team entries compare on
// the same stem.
func CauseStem(s string) string {
	return stemFolded(foldCause(s))
}

// stemFolded is CauseStem's trimming of a cause already in foldCause's form
// (normalizeCause has folded it once; folding again would only scan it again).
func stemFolded(s string) string {
	if t, ok := strings.CutSuffix(s, "一案"); ok {
		s = t
	} else {
		s = strings.TrimSuffix(s, "案")
	}
	s = strings.TrimSuffix(s, "纠纷")
	return strings.TrimSuffix(s, "罪")
}

// causeBuilder collects nodes from the catalogues and the rules file.
type causeBuilder struct {
	nodes    []causeNode
	explicit []bool // category set on the node itself
	// ownFlags marks nodes a rules entry names: the court said exactly
	// which flags the cause has, so its family's do not add to them.
	ownFlags []bool
	idx      *causeIndex
}

func (b *causeBuilder) add(n causeNode, explicitCategory bool) int32 {
	b.nodes = append(b.nodes, n)
	b.explicit = append(b.explicit, explicitCategory)
	b.ownFlags = append(b.ownFlags, false)
	return int32(len(b.nodes) - 1)
}

func (b *causeBuilder) key(slot int, name string, node int32, alias bool) {
	k := normalizeCause(name)
	ki := &b.idx.byKind[slot]
	ki.written[name] = keyRef{node: node, alias: alias}
	// A child named like its parent (不当得利纠纷 under 不当得利纠纷) wins:
	// the deeper node carries the full path.
	ki.keys[k] = keyRef{node: node, alias: alias}
	n := utf8.RuneCountInString(k)
	if ki.minRunes == 0 || n < ki.minRunes {
		ki.minRunes = n
	}
	ki.maxRunes = max(ki.maxRunes, n)
}

// buildCauses merges the official catalogues with the rules file's causes.
// A rules entry naming a catalogue node sets that node's category (and so
// its family's, for nodes below it that set none) and exactly its flags; an
// entry the catalogues lack is added under the node it backs off to.
func buildCauses(catalogues []*Catalogue, entries []CauseEntry) (*causeIndex, error) {
	b := &causeBuilder{idx: &causeIndex{}}
	for i := range b.idx.byKind {
		b.idx.byKind[i].keys = make(map[string]keyRef)
		b.idx.byKind[i].written = make(map[string]keyRef)
	}
	for _, c := range catalogues {
		slot := kindSlot(c.Kind)
		var walk func(n *CatalogueNode, parent int32)
		walk = func(n *CatalogueNode, parent int32) {
			cat, _ := parseCategory(n.Category) // validated by ParseCatalogue
			id := b.add(causeNode{name: n.Name, kind: slot, parent: int(parent), category: cat, group: n.GroupProne, sens: n.Sensitive}, n.Category != "")
			b.key(slot, n.Name, id, false)
			for _, a := range n.Aliases {
				b.key(slot, a, id, true)
			}
			for i := range n.Children {
				walk(&n.Children[i], id)
			}
		}
		for i := range c.Nodes {
			walk(&c.Nodes[i], -1)
		}
		ki := &b.idx.byKind[slot]
		for _, s := range c.SuffixFamilies {
			ref := ki.keys[normalizeCause(s.Node)] // validated by ParseCatalogue
			ki.suffixes = append(ki.suffixes, suffixRef{suffix: normalizeCause(s.Suffix), node: ref.node})
		}
	}
	for i := range b.idx.byKind {
		s := b.idx.byKind[i].suffixes
		// Longest suffix first, so "损害赔偿纠纷" beats a shorter ending.
		for j := 1; j < len(s); j++ {
			for k := j; k > 0 && len(s[k].suffix) > len(s[k-1].suffix); k-- {
				s[k], s[k-1] = s[k-1], s[k]
			}
		}
	}
	seen := make(map[string]bool, len(entries))
	for i, e := range entries {
		where := fmt.Sprintf("causes[%d] (%s)", i, e.Name)
		key := normalizeCause(e.Name)
		if key == "" {
			return nil, fmt.Errorf("rules: %s: name is empty", where)
		}
		var cat Category
		switch e.Kind {
		case "civil":
			var ok bool
			if cat, ok = parseCategory(e.Category); !ok {
				return nil, fmt.Errorf("rules: %s: category %q is not one of money_payment, personal_status, property_confirmation, non_monetary, mixed", where, e.Category)
			}
		case "administrative", "criminal":
			if e.Category != "" {
				return nil, fmt.Errorf("rules: %s: category applies to civil causes only", where)
			}
		default:
			return nil, fmt.Errorf("rules: %s: kind %q is not civil, administrative or criminal", where, e.Kind)
		}
		if seen[e.Kind+"\x00"+key] {
			return nil, fmt.Errorf("rules: %s: listed twice", where)
		}
		seen[e.Kind+"\x00"+key] = true
		slot := kindSlot(e.Kind)
		if ref, ok := b.idx.byKind[slot].keys[key]; ok {
			n := &b.nodes[ref.node]
			if e.Kind == "civil" {
				n.category = cat
				b.explicit[ref.node] = true
			}
			n.group, n.sens = e.GroupProne, e.Sensitive
			b.ownFlags[ref.node] = true
			continue
		}
		// A court's own cause the catalogues lack: file it under the node it
		// backs off to, so it still has a family.
		parent := int32(-1)
		if ref, _ := b.idx.backOff(slot, key); ref >= 0 {
			parent = ref
		}
		id := b.add(causeNode{name: e.Name, kind: slot, parent: int(parent), category: cat, group: e.GroupProne, sens: e.Sensitive}, e.Kind == "civil")
		b.ownFlags[id] = true
		b.key(slot, e.Name, id, false)
	}
	b.resolve()
	return b.idx, nil
}

// resolve computes every node's Cause: attributes a node does not set come
// from its parent; parents precede their children in b.nodes.
func (b *causeBuilder) resolve() {
	causes := make([]Cause, len(b.nodes))
	for i, n := range b.nodes {
		c := Cause{Name: n.name, Category: n.category, GroupProne: n.group, Sensitive: n.sens, Known: true, Match: MatchExact}
		var parentPath []string
		if n.parent >= 0 {
			p := causes[n.parent]
			parentPath = p.Path
			if !b.explicit[i] {
				c.Category = p.Category
			}
			if !b.ownFlags[i] {
				c.GroupProne = c.GroupProne || p.GroupProne
				c.Sensitive = c.Sensitive || p.Sensitive
			}
		}
		// The full slice expression makes append copy, so siblings never
		// share (and overwrite) one backing array.
		c.Path = append(parentPath[:len(parentPath):len(parentPath)], n.name)
		c.Level = len(c.Path)
		c.Family = family(n.kind, c.Path)
		causes[i] = c
	}
	b.idx.causes = causes
}

// family picks the node of a path whose siblings a classifier should pool
// with: the second level in the civil and administrative catalogues, the
// chapter or its section for crimes (a crime's second level is the crime
// itself unless its chapter has sections).
func family(kind int, path []string) string {
	switch {
	case kind == slotCriminal && len(path) >= 3:
		return path[1]
	case kind == slotCriminal:
		return path[0]
	case len(path) >= 2:
		return path[1]
	}
	return path[0]
}

// lookup finds the catalogue node for a written cause of the given kind
// ("civil", "administrative", "criminal").
func (x *causeIndex) lookup(written, kind string) Cause {
	slot := kindSlot(kind)
	if slot < 0 {
		return Cause{}
	}
	// Most filings write the catalogue's own name: one probe, before the
	// normalisation's folding and trimming.
	if ref, ok := x.byKind[slot].written[written]; ok {
		return x.found(ref, foldCause(written))
	}
	folded := foldCause(written)
	key := normalizeCause(folded)
	if key == "" {
		return Cause{Written: folded}
	}
	if ref, ok := x.byKind[slot].keys[key]; ok {
		return x.found(ref, folded)
	}
	// Several charges in one filing ("盗窃罪、诈骗罪"): the first one that
	// resolves names the case, as the indictment lists the main charge first.
	if slot == slotCriminal {
		if strings.Contains(folded, "罪") {
			if c, ok := x.firstCharge(folded, slot); ok {
				c.Written = folded
				return c
			}
		}
	} else if causes := splitCauses(folded); causes != nil {
		return x.several(slot, folded, causes)
	} else if names := x.namesListed(slot, folded); names != nil {
		return x.several(slot, folded, names)
	}
	return x.one(slot, folded, key)
}

// found is the Cause of a name or alias found by a probe.
func (x *causeIndex) found(ref keyRef, written string) Cause {
	c := x.causeOf(ref)
	c.Written = written
	return c
}

// causeOf is the catalogue's Cause for a probe's hit, matched by alias when
// the hit was an older or other name.
func (x *causeIndex) causeOf(ref keyRef) Cause {
	c := x.causes[ref.node]
	if ref.alias {
		c.Match = MatchAlias
	}
	return c
}

// one resolves a single folded cause without levels: by its name or alias,
// else by the longest name it contains or the family its ending names.
//
// A civil application ("申请…" that is no 纠纷 or 之诉) the catalogue does
// not name is a non-contentious case (the catalogue's 非讼程序案件案由, all
// of whose cases are 申请…), whatever name it contains: until rules
// 2026-12-04.28 the 2011 catalogue's "申请宣告公民失踪" and the like resolved
// to nothing, and simplified procedure stayed open to a case the law gives
// its own procedure (若干规定第一条第四项).
func (x *causeIndex) one(slot int, folded, key string) Cause {
	if ref, ok := x.byKind[slot].keys[key]; ok {
		return x.found(ref, folded)
	}
	app := x.application(slot, folded, key)
	if node, m := x.backOff(slot, key); node >= 0 && (app < 0 || x.causes[node].Path[0] == nonContentiousPart) {
		c := x.causes[node]
		c.Match = m
		c.Written = folded
		return c
	}
	if app >= 0 {
		c := x.causes[app]
		c.Match = MatchFamily
		c.Written = folded
		return c
	}
	return Cause{Written: folded}
}

// application returns the node of the catalogue's non-contentious part when
// a folded civil cause is an application (it begins with 申请 and is no
// 纠纷 or 之诉: "申请执行人执行异议之诉" is a suit), else -1.
func (x *causeIndex) application(slot int, folded, key string) int32 {
	if slot != slotCivil || !strings.HasPrefix(key, "申请") ||
		slices.ContainsFunc([]string{"纠纷", "之诉", "诉讼"}, func(e string) bool { return strings.HasSuffix(dropRemark(folded), e) }) {
		return -1
	}
	ref, ok := x.byKind[slot].keys[normalizeCause(nonContentiousPart)]
	if !ok {
		return -1
	}
	return ref.node
}

// several resolves a field that names causes at several levels or several
// causes (splitCauses): each cause by its deepest level that resolves; the
// field is the cause whose category closes the most procedures, with the
// others in Others. Until rules 2026-12-04.23 such a field resolved to the
// longest catalogue name it contained: "民间借贷纠纷、离婚纠纷" to 民间借贷纠纷,
// a money-payment cause, and "物权纠纷>所有权纠纷>共有纠纷" to 所有权纠纷,
// neither with a bar of CPL 166(1).
func (x *causeIndex) several(slot int, folded string, causes []string) Cause {
	all := make([]Cause, 0, len(causes))
	leaves := make([]string, 0, len(causes))
	for _, w := range causes {
		c, leaf, others := x.levels(slot, w)
		all = append(all, c)
		leaves = append(leaves, leaf)
		for _, o := range others {
			all = append(all, o)
			leaves = append(leaves, o.Written)
		}
	}
	main := 0
	for i := range all {
		if severity(all[i]) > severity(all[main]) {
			main = i
		}
	}
	c := all[main]
	for i, o := range all {
		if i != main {
			c.Others = append(c.Others, o)
			c.GroupProne = c.GroupProne || o.GroupProne
			c.Sensitive = c.Sensitive || o.Sensitive
		}
	}
	if len(all) > 1 && c.Known {
		c.Match = MatchSeveral
	}
	c.Written, c.Leaves = folded, leaves
	return c
}

// levels resolves one cause written with its levels ("婚姻家庭纠纷>离婚纠纷"):
// the deepest level that resolves names it, as the catalogue's deepest node
// is the most specific, and it returns the level it read (the deepest when
// none resolves). A level that resolves to a node which is no ancestor of
// that one was no level but another cause ("离婚纠纷/民间借贷纠纷"): it is
// returned in others. A level that resolves to nothing ("民事") is a
// filing system's label and is not read.
func (x *causeIndex) levels(slot int, cause string) (c Cause, leaf string, others []Cause) {
	lv := strings.FieldsFunc(cause, func(r rune) bool { return strings.ContainsRune(causeLevelSeparators, r) })
	if len(lv) == 0 {
		return Cause{Written: cause}, cause, nil
	}
	at := -1
	for i := len(lv) - 1; i >= 0; i-- {
		o := x.one(slot, lv[i], normalizeCause(lv[i]))
		switch {
		case !o.Known:
		case at < 0:
			c, at = o, i
		case !slices.Contains(c.Path, o.Name):
			others = append(others, o)
		}
	}
	if at < 0 {
		return Cause{Written: lv[len(lv)-1]}, lv[len(lv)-1], nil
	}
	return c, lv[at], others
}

// severity orders causes by how many procedures their category closes: a
// personal-status cause closes small claims (CPL 166(1)) and so does a
// property-confirmation one; a non-monetary claim is no 金钱给付 (CPL 165
// ¶1); a mixed cause may be one; an unknown cause counts below all, so a
// field naming it beside a known one is that one (and reviewed as not
// Complete).
func severity(c Cause) int {
	if !c.Known {
		return -1
	}
	switch c.Category {
	case CategoryPersonalStatus:
		return 5
	case CategoryPropertyConfirmation:
		return 4
	case CategoryNonMonetary:
		return 3
	case CategoryMixed:
		return 2
	case CategoryMoneyPayment:
		return 1
	}
	return 0
}

// namesListed splits a folded field at every list separator when each part
// is a catalogue name or alias as it stands ("政府信息公开、行政处罚",
// "离婚、民间借贷"): causes without an ending (causeEndings) listed together.
// It returns nil otherwise; a name that holds 、 itself has matched whole
// before this is tried.
func (x *causeIndex) namesListed(slot int, folded string) []string {
	parts := strings.FieldsFunc(folded, func(r rune) bool { return strings.ContainsRune(causeListSeparators, r) })
	if len(parts) < 2 {
		return nil
	}
	for _, p := range parts {
		if _, ok := x.byKind[slot].keys[normalizeCause(p)]; !ok {
			return nil
		}
	}
	return parts
}

// causeLevelSeparators separate a cause's levels as filing systems write
// them ("婚姻家庭纠纷-离婚纠纷", "民事/合同纠纷>借款合同纠纷", "婚姻家庭纠纷—离婚
// 纠纷"), in foldCause's form (full-width ones are folded to these). No
// catalogue name contains one (TestCatalogueNamesHaveNoSeparators).
const causeLevelSeparators = ">/-|\\‐‑‒–—―→》〉"

// causeListSeparators separate several causes in one field
// ("民间借贷纠纷、离婚纠纷", "买卖合同纠纷;著作权权属纠纷"), in foldCause's form.
const causeListSeparators = "、,;\n"

// causeEndings end a complete civil or administrative cause; a list
// separator splits the field only after one (and a remark in brackets), as
// catalogue names themselves hold 、 ("婚姻家庭、继承纠纷").
var causeEndings = []string{"纠纷", "争议", "之诉", "案"}

// splitCauses splits a folded field into the causes it names: at a list
// separator that follows a complete cause (causeEndings), and at any level
// separator, which is kept inside the cause for levels to read. It returns
// nil for a field naming one cause without levels.
func splitCauses(folded string) []string {
	var out []string
	start := 0
	for i, r := range folded {
		if !strings.ContainsRune(causeListSeparators, r) {
			continue
		}
		prev := dropRemark(folded[start:i])
		if slices.ContainsFunc(causeEndings, func(e string) bool { return strings.HasSuffix(prev, e) }) {
			out = append(out, folded[start:i])
			start = i + utf8.RuneLen(r)
		}
	}
	if rest := folded[start:]; rest != "" || len(out) == 0 {
		out = append(out, rest)
	}
	if len(out) == 1 && !strings.ContainsAny(folded, causeLevelSeparators) {
		return nil
	}
	return out
}

// firstCharge resolves the first of several charges written together.
func (x *causeIndex) firstCharge(written string, slot int) (Cause, bool) {
	rest := written
	for rest != "" {
		i := strings.Index(rest, "罪")
		if i < 0 {
			break
		}
		part := rest[:i+len("罪")]
		rest = strings.TrimLeft(rest[i+len("罪"):], "、，,；; 　和及")
		if rest == "" && part == written {
			break // a single charge: the caller backs off on it
		}
		if ref, ok := x.byKind[slot].keys[normalizeCause(part)]; ok {
			c := x.causes[ref.node]
			c.Match = MatchFirstCharge
			return c, true
		}
	}
	return Cause{}, false
}

// backOff finds the longest catalogue name or alias the key contains (on a
// tie the one ending later: Chinese compounds put the head last), else the
// family of the longest known suffix. It probes substrings of the key
// against the key map, longest first, so its cost depends on the written
// cause's length, not the catalogue's size.
func (x *causeIndex) backOff(slot int, key string) (int32, CauseMatch) {
	ki := &x.byKind[slot]
	if ki.maxRunes > 0 {
		// Rune start offsets of key, plus the end of the probed part.
		var offs [maxCauseProbeRunes + 1]int
		n, end := 0, len(key)
		for i := range key {
			if n == maxCauseProbeRunes {
				end = i
				break
			}
			offs[n] = i
			n++
		}
		offs[n] = end
		for l := min(n, ki.maxRunes); l >= ki.minRunes && l > 0; l-- {
			for s := n - l; s >= 0; s-- {
				if ref, ok := ki.keys[key[offs[s]:offs[s+l]]]; ok {
					return ref.node, MatchContained
				}
			}
		}
	}
	for _, s := range ki.suffixes {
		if strings.HasSuffix(key, s.suffix) && key != s.suffix {
			return s.node, MatchFamily
		}
	}
	return -1, MatchNone
}

// maxCauseProbeRunes bounds how much of a written cause the contained-name
// search reads; real causes are far shorter, and the bound keeps a
// pathological 200-character cause from costing more than a few thousand
// map probes.
const maxCauseProbeRunes = 64

// Charges is what a criminal filing's written cause names, charge by charge
// ("盗窃罪、故意伤害罪", "危险驾驶、妨害公务罪", "涉嫌间谍罪"). The filing's
// Cause stays the one node the classifier and the teams read (the first
// charge of a list); the rules read every charge, because one charge of
// several can give the whole case to the intermediate court (刑诉法解释第十五
// 条: 一人犯数罪…其中一罪属于上级人民法院管辖的，全案由上级人民法院管辖) or
// take it out of a pilot's list, and a charge's statutory maximum binds only
// a case of that charge alone (刑法第六十九条).
type Charges struct {
	// Named are the distinct charges the cause names, in written order.
	Named []Cause
	// Unresolved are the parts, as written, that name no charge of the
	// catalogue ("某某罪", "分裂國家罪"), and a "等" or "数罪" by which the
	// cause says it has charges it does not name.
	Unresolved []string
	// RemarkNamesOther: a bracketed remark names another charge than the
	// ones listed ("赌博罪（开设赌场）") or says 数罪 ("（数罪并罚）").
	RemarkNamesOther bool
	// Repeated: a charge is named more than once ("危险驾驶罪、危险驾驶罪"),
	// which may be 同种数罪, punished beyond the one charge's maximum.
	Repeated bool
}

// One returns the cause's charge when it names exactly one, with nothing
// unresolved and no remark naming another: a case of that charge alone.
func (ch Charges) One() (Cause, bool) {
	if len(ch.Named) != 1 || len(ch.Unresolved) > 0 || ch.RemarkNamesOther || ch.Repeated {
		return Cause{}, false
	}
	return ch.Named[0], true
}

// Sensitive reports whether any named charge is a sensitive cause.
func (ch Charges) Sensitive() bool {
	for _, c := range ch.Named {
		if c.Sensitive {
			return true
		}
	}
	return false
}

// maxChargeParts bounds how many separated parts one charge's name may
// span when the parts are joined back ("非法制造、买卖、运输、邮寄、储存枪支、
// 弹药、爆炸物罪" has seven), and maxChargeTokens how many parts of a cause
// are read at all; a cause is at most MaxCauseChars runes.
const (
	maxChargeParts  = 8
	maxChargeTokens = 64
)

// charges reads the criminal charges of a written cause: the cause is cut
// at the separators clerks put between charges (、，,；; and spaces, outside
// brackets), parts a catalogue name spans are joined back ("武装叛乱、暴乱
// 罪"), each part is read without the words written around a charge
// (chargeCore) and, where it holds several charges without separators
// ("盗窃罪和诈骗罪"), cut after each 罪; what still names no charge is kept as
// written in Unresolved. It reads text from outside and must not panic on
// any string (FuzzCharges).
func (x *causeIndex) charges(written string) Charges {
	var ch Charges
	seen := make(map[string]bool)
	add := func(c Cause) {
		if seen[c.Name] {
			ch.Repeated = true
			return
		}
		seen[c.Name] = true
		ch.Named = append(ch.Named, c)
	}
	toks, remarks := splitCharges(written)
	for i := 0; i < len(toks); {
		// The longest run of parts that is one catalogue name, exactly.
		j := min(len(toks), i+maxChargeParts)
		for ; j > i+1; j-- {
			if c, ok := x.exactCharge(strings.Join(toks[i:j], "")); ok {
				add(c)
				break
			}
		}
		if j > i+1 {
			i = j
			continue
		}
		named, unresolved, etc := x.chargePart(toks[i])
		for _, c := range named {
			add(c)
		}
		if unresolved {
			ch.Unresolved = append(ch.Unresolved, toks[i])
		} else if etc {
			ch.Unresolved = append(ch.Unresolved, "等")
		}
		i++
	}
	for _, r := range remarks {
		if strings.Contains(r, "数罪") {
			ch.RemarkNamesOther = true
			continue
		}
		if c := x.lookup(chargeCore(r), "criminal"); c.Known && !seen[c.Name] {
			ch.RemarkNamesOther = true
		}
	}
	return ch
}

// chargePart resolves one part of a cause: exactly, else cut after each 罪
// into charges that all resolve exactly, else by the catalogue's own
// fallbacks (the longest name it contains, the family of its ending).
// unresolved: nothing in it names a charge; etc: it ends in 等 or 数罪,
// naming charges it does not list.
func (x *causeIndex) chargePart(tok string) (named []Cause, unresolved, etc bool) {
	core, etc := chargeEtc(chargeCore(tok))
	if core == "" {
		return nil, false, etc
	}
	if c, ok := x.exactCharge(core); ok {
		return []Cause{c}, false, etc
	}
	if pieces := splitAfterZui(core); len(pieces) > 1 {
		all := make([]Cause, 0, len(pieces))
		for _, p := range pieces {
			p, pEtc := chargeEtc(chargeCore(p))
			etc = etc || pEtc
			if p == "" {
				continue
			}
			c, ok := x.exactCharge(p)
			if !ok {
				all = nil
				break
			}
			all = append(all, c)
		}
		if len(all) > 0 {
			return all, false, etc
		}
	}
	if c := x.lookup(core, "criminal"); c.Known {
		return []Cause{c}, false, etc
	}
	return nil, true, etc
}

// exactCharge resolves s to a charge by its name or an older name, as
// normalizeCause reads both.
func (x *causeIndex) exactCharge(s string) (Cause, bool) {
	ref, ok := x.byKind[slotCriminal].keys[normalizeCause(s)]
	if !ok {
		return Cause{}, false
	}
	return x.causeOf(ref), true
}

// splitCharges cuts a written cause at the separators between charges,
// outside brackets, and returns the parts and the top-level bracketed
// remarks' contents. A part keeps its brackets: normalizeCause drops a
// trailing remark, and a name with brackets inside ("组织参与国（境）外赌博
// 罪") stays whole.
func splitCharges(written string) (toks, remarks []string) {
	depth, start, open := 0, 0, 0
	for i, r := range written {
		switch {
		case strings.ContainsRune("（(〔【[", r):
			if depth == 0 {
				open = i + utf8.RuneLen(r)
			}
			depth++
		case strings.ContainsRune("）)〕】]", r):
			if depth == 1 {
				remarks = append(remarks, written[open:i])
			}
			depth = max(depth-1, 0)
		case depth == 0 && (strings.ContainsRune(chargeListSeparators, r) || unicode.IsSpace(r)):
			if start < i {
				toks = append(toks, written[start:i])
			}
			start = i + utf8.RuneLen(r)
		}
		if len(toks) == maxChargeTokens-1 {
			// The rest is one last part: it will not resolve, and
			// so is reviewed, rather than go unread.
			return append(toks, written[start:]), remarks
		}
	}
	if start < len(written) {
		toks = append(toks, written[start:])
	}
	return toks, remarks
}

// chargeListSeparators separate charges in a written cause; spaces too
// (unicode.IsSpace). 、 also separates words inside a name, which
// charges joins back.
const chargeListSeparators = "、，,；;／/"

// splitAfterZui cuts s after each 罪, dropping a connective at a piece's
// start ("盗窃罪和诈骗罪" → 盗窃罪, 诈骗罪).
func splitAfterZui(s string) []string {
	var out []string
	for s != "" {
		i := strings.Index(s, "罪")
		if i < 0 {
			out = append(out, s)
			break
		}
		out = append(out, s[:i+len("罪")])
		s = trimConnective(s[i+len("罪"):])
	}
	return out
}

// trimConnective drops the words that join two charges at s's start.
func trimConnective(s string) string {
	for _, w := range [...]string{"以及", "和", "及", "与", "并"} {
		if rest, ok := strings.CutPrefix(s, w); ok {
			return rest
		}
	}
	return s
}

// chargeCore is a part of a cause without the words written around a
// charge: 涉嫌, 被告人某某犯 or 犯 before it, 一案, 案件 or 案 and closing
// punctuation after it ("被告人张三犯危险驾驶罪一案。" → 危险驾驶罪).
func chargeCore(s string) string {
	s = strings.TrimSpace(trimConnective(strings.TrimSpace(s)))
	s = strings.TrimRight(s, "。.．：:")
	if rest, ok := strings.CutPrefix(s, "被告人"); ok {
		// The defendant's name runs to the first 犯; a name is short.
		if i := strings.Index(rest, "犯"); i >= 0 && utf8.RuneCountInString(rest[:i]) <= maxDefendantNameRunes {
			s = rest[i:]
		}
	}
	s = strings.TrimPrefix(s, "涉嫌")
	s = strings.TrimPrefix(s, "犯")
	for _, suf := range [...]string{"一案", "案件", "案"} {
		if rest, ok := strings.CutSuffix(s, suf); ok {
			s = rest
			break
		}
	}
	return strings.TrimSpace(s)
}

// maxDefendantNameRunes bounds the name chargeCore drops after 被告人.
const maxDefendantNameRunes = 10

// chargeEtc drops a trailing 等, 等罪, 等数罪 or 数罪 ("盗窃罪等", "间谍等罪")
// and reports it: the cause says it has charges it does not name.
func chargeEtc(s string) (string, bool) {
	for _, suf := range [...]string{"等数罪", "等罪", "数罪", "等"} {
		if rest, ok := strings.CutSuffix(s, suf); ok {
			if suf == "等罪" {
				rest += "罪"
			}
			return strings.TrimSpace(rest), true
		}
	}
	return s, false
}
