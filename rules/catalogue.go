package rules

import (
	"bytes"
	"embed"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"sync"
	"unicode/utf8"
)

// catalogueFiles are the official cause catalogues, one file per case kind.
// They are data, not code, so that a new edition of a catalogue is a reviewed
// data change with its sources next to it.
//
//go:embed catalogue/*.json
var catalogueFiles embed.FS

// catalogueNames are the embedded catalogue files, in the order they load.
var catalogueNames = [...]string{"catalogue/civil.json", "catalogue/administrative.json", "catalogue/criminal.json"}

// maxCatalogueDepth is the deepest level a catalogue may have: the civil
// catalogue has four (部分, 第二级, 第三级, 第四级), the others fewer.
const maxCatalogueDepth = 4

// Catalogue is one official catalogue of causes: the 民事案件案由规定, the
// 行政案件案由 or the 罪名 grouped by the chapters of the Criminal Law.
type Catalogue struct {
	// Catalogue names the document, e.g. "民事案件案由规定".
	Catalogue string `json:"catalogue"`
	// Kind is "civil", "administrative" or "criminal".
	Kind string `json:"kind"`
	// Edition says which version of the document the tree follows.
	Edition string `json:"edition"`
	// EffectiveFrom is when that edition took effect, "YYYY-MM-DD".
	EffectiveFrom string `json:"effective_from"`
	// Levels names the tree's levels, top first.
	Levels []string `json:"levels"`
	// Sources are the documents the tree was written from; never empty.
	Sources []string `json:"sources"`
	// SuffixFamilies send a written cause that matches no node by name to
	// the family its ending names ("…责任纠纷" → 侵权责任纠纷).
	SuffixFamilies []SuffixFamily `json:"suffix_families"`
	// Nodes are the top-level causes with their subtrees.
	Nodes []CatalogueNode `json:"nodes"`
}

// SuffixFamily maps a written cause's ending to the catalogue node of its
// family.
type SuffixFamily struct {
	Suffix string `json:"suffix"`
	Node   string `json:"node"`
}

// CatalogueNode is one cause of a catalogue and its sub-causes.
type CatalogueNode struct {
	// Name as the catalogue writes it, e.g. "离婚纠纷", "盗窃罪".
	Name string `json:"name"`
	// Aliases are older or common names of the same cause (劳动争议 of the
	// 2008 catalogue, 生产、销售假药罪 before Amendment XI…).
	Aliases []string `json:"aliases,omitempty"`
	// Category is one of the Category names (civil only); empty inherits
	// the parent's.
	Category string `json:"category,omitempty"`
	// GroupProne and Sensitive mark the node and everything under it.
	GroupProne bool `json:"group_prone,omitempty"`
	Sensitive  bool `json:"sensitive,omitempty"`
	// Legacy is the year of the edition that last listed a cause the
	// current edition dropped, kept so older filings still resolve.
	Legacy string `json:"legacy,omitempty"`
	// Children are the next level's causes.
	Children []CatalogueNode `json:"children,omitempty"`
}

// ParseCatalogue parses and validates one catalogue file. Any problem refuses
// the whole file: a half-read catalogue would silently send causes to the
// wrong family.
func ParseCatalogue(b []byte) (*Catalogue, error) {
	var c Catalogue
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&c); err != nil {
		return nil, fmt.Errorf("parse catalogue: %w", err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, fmt.Errorf("parse catalogue: trailing data after the catalogue object")
	}
	if err := c.validate(); err != nil {
		return nil, fmt.Errorf("catalogue %s: %w", c.Catalogue, err)
	}
	return &c, nil
}

// validateHeader checks the catalogue's name, kind and sources.
func (c *Catalogue) validateHeader() error {
	if strings.TrimSpace(c.Catalogue) == "" {
		return fmt.Errorf("catalogue name is empty")
	}
	switch c.Kind {
	case "civil", "administrative", "criminal":
	default:
		return fmt.Errorf("kind %q is not civil, administrative or criminal", c.Kind)
	}
	if len(c.Sources) == 0 {
		return fmt.Errorf("no sources: every catalogue must name the documents it follows")
	}
	for i, s := range c.Sources {
		if strings.TrimSpace(s) == "" {
			return fmt.Errorf("sources[%d] is empty", i)
		}
	}
	return nil
}

func (c *Catalogue) validate() error {
	if err := c.validateHeader(); err != nil {
		return err
	}
	if len(c.Nodes) == 0 {
		return fmt.Errorf("no nodes")
	}
	// owner maps every normalised name and alias to the node that holds it,
	// so two causes can never claim the same written form.
	owner := make(map[string]*CatalogueNode)
	var walk func(n *CatalogueNode, parent *CatalogueNode, where string, depth int) error
	walk = func(n *CatalogueNode, parent *CatalogueNode, where string, depth int) error {
		where += "/" + n.Name
		if depth > maxCatalogueDepth {
			return fmt.Errorf("%s: deeper than %d levels", where, maxCatalogueDepth)
		}
		if !utf8.ValidString(n.Name) || normalizeCause(n.Name) == "" {
			return fmt.Errorf("%s: name is empty or not text", where)
		}
		if n.Category != "" {
			if c.Kind != "civil" {
				return fmt.Errorf("%s: category applies to civil causes only", where)
			}
			if _, ok := parseCategory(n.Category); !ok {
				return fmt.Errorf("%s: category %q is not one of money_payment, personal_status, property_confirmation, non_monetary, mixed", where, n.Category)
			}
		}
		if n.Legacy != "" && (len(n.Legacy) != 4 || !isDigits(n.Legacy)) {
			return fmt.Errorf("%s: legacy %q is not a year", where, n.Legacy)
		}
		// A second-level cause may repeat its parent's name when it is the
		// parent's only kind (不当得利纠纷 under 不当得利纠纷).
		sameAsParent := parent != nil && normalizeCause(parent.Name) == normalizeCause(n.Name)
		for i, name := range append([]string{n.Name}, n.Aliases...) {
			k := normalizeCause(name)
			if k == "" || !utf8.ValidString(name) {
				return fmt.Errorf("%s: alias %d is empty or not text", where, i-1)
			}
			if prev, dup := owner[k]; dup && prev != n && !(i == 0 && sameAsParent && prev == parent) {
				return fmt.Errorf("%s: %q is already %s", where, name, prev.Name)
			}
			owner[k] = n
		}
		for i := range n.Children {
			if err := walk(&n.Children[i], n, where, depth+1); err != nil {
				return err
			}
		}
		return nil
	}
	for i := range c.Nodes {
		if err := walk(&c.Nodes[i], nil, "", 1); err != nil {
			return err
		}
	}
	for i, s := range c.SuffixFamilies {
		if normalizeCause(s.Suffix) == "" {
			return fmt.Errorf("suffix_families[%d]: suffix is empty", i)
		}
		if _, ok := owner[normalizeCause(s.Node)]; !ok {
			return fmt.Errorf("suffix_families[%d] (%s): node %q is not in the catalogue", i, s.Suffix, s.Node)
		}
	}
	return nil
}

// embeddedCatalogues parses the catalogues shipped in the binary once per
// process: they cannot change after the build, Load runs on every rules
// reload (and in tests hundreds of times), and the parsed trees are only
// ever read.
var embeddedCatalogues = sync.OnceValues(func() ([]*Catalogue, error) {
	out := make([]*Catalogue, 0, len(catalogueNames))
	for _, name := range catalogueNames {
		b, err := catalogueFiles.ReadFile(name)
		if err != nil {
			return nil, fmt.Errorf("read %s: %w", name, err)
		}
		c, err := ParseCatalogue(b)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		out = append(out, c)
	}
	return out, nil
})

// EmbeddedCatalogue returns the raw embedded catalogue file for a case kind
// ("civil", "administrative", "criminal"), for tools that print it.
func EmbeddedCatalogue(kind string) ([]byte, error) {
	b, err := catalogueFiles.ReadFile("catalogue/" + kind + ".json")
	if err != nil {
		return nil, fmt.Errorf("no embedded catalogue for kind %q: %w", kind, err)
	}
	return b, nil
}

// normalizeCause is the form written causes and catalogue names compare in:
// foldCause's form, without a trailing remark in brackets
// ("著作权权属、侵权纠纷（侵犯音乐电视作品著作权）"), CauseStem's trimming, and
// without the separators clerks write or leave out inside names
// ("掩饰隐瞒犯罪所得罪").
func normalizeCause(s string) string {
	return dropCauseSeparators(stemFolded(dropRemark(foldCause(s))))
}

// dropRemark removes trailing remarks in brackets from a folded cause
// (foldCause writes full-width brackets as ASCII ones).
func dropRemark(s string) string {
	for strings.HasSuffix(s, ")") {
		i := strings.LastIndex(s, "(")
		if i <= 0 {
			break
		}
		s = s[:i]
	}
	return s
}

// causeNames reports whether a cause as the look-up read it (Cause.Written,
// foldCause's form) names suit (a catalogue node such as 公益诉讼 or 第三人
// 撤销之诉) anywhere in it, separators dropped. The catalogue look-up resolves
// a written cause to the longest name it finds, so a suit named beside the
// dispute it concerns ("环境污染责任纠纷公益诉讼", "房屋买卖合同纠纷第三人撤销之诉")
// or in a remark ("消费者权益保护纠纷（民事公益诉讼）") resolves to the
// dispute, or to nothing, and only the written text still says what kind of
// suit it is.
func causeNames(written, suit string) bool {
	return strings.Contains(dropCauseSeparators(foldCause(written)), suit)
}

// dropCauseSeparators removes the separators (causeSeparators) inside a
// folded cause.
func dropCauseSeparators(s string) string {
	// strings.ContainsAny and strings.Map look each rune of the text up in
	// causeSeparators (~50 instructions a character over an indictment of
	// thousands, issue 13): a search for each separator's bytes finds the
	// same. 、's lead byte 0xE3 is rare in Chinese text (CJK punctuation
	// only), so the search skips between candidates.
	i, j := strings.IndexByte(s, ','), strings.Index(s, "、")
	if i < 0 && j < 0 {
		return s
	}
	if !utf8.ValidString(s) {
		// strings.Map writes U+FFFD for each byte that is not UTF-8;
		// filings are UTF-8 (protobuf checks), so this is for callers'
		// other strings only.
		return strings.Map(func(r rune) rune {
			if strings.ContainsRune(causeSeparators, r) {
				return -1
			}
			return r
		}, s)
	}
	// In valid UTF-8 a separator's bytes begin a character wherever they
	// are: ',' is ASCII and 、's lead byte is no continuation byte.
	first := i
	if first < 0 || j >= 0 && j < first {
		first = j
	}
	var b strings.Builder
	b.Grow(len(s))
	start := 0
	for k := first; k < len(s); {
		n := 0
		if s[k] == ',' {
			n = 1
		} else if s[k] == 0xE3 && strings.HasPrefix(s[k:], "、") {
			n = len("、")
		}
		if n == 0 {
			k++
			continue
		}
		b.WriteString(s[start:k])
		k += n
		start = k
	}
	b.WriteString(s[start:])
	return b.String()
}

// causeSeparators are dropped inside names (dropCauseSeparators searches
// for these two by their bytes; TestDropCauseSeparatorsMatchesRunes checks
// it against this list): clerks write "掩饰隐瞒犯罪所得罪"
// as often as the catalogue's "掩饰、隐瞒犯罪所得…罪". foldCause has already
// dropped the spaces and written "，" as ",".
const causeSeparators = "、,"
