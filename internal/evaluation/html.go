package evaluation

import (
	"fmt"
	"html/template"
	"io"
	"slices"

	"github.com/fenjian/fenjian/classifier/scoring"
	"github.com/fenjian/fenjian/internal/dataset"
)

// WriteHTML writes the comparison as one self-contained HTML page: the
// headline metrics table, a confusion-matrix heat map, the calibration curve
// and per-class precision/recall/F1 bars, with the models side by side. The
// page has no external assets (plots are inline SVG) and is also well-formed
// XML. Every value is escaped by html/template; the inline SVG comes from
// gonum/plot's SVG canvas, which escapes its text itself.
func WriteHTML(w io.Writer, c *Comparison) error {
	page, err := buildPage(c)
	if err != nil {
		return err
	}
	if err := pageTemplate.Execute(w, page); err != nil {
		return fmt.Errorf("write html report: %w", err)
	}
	return nil
}

type htmlPage struct {
	Title string
	// Provenance is the data's (real, synthetic, mixed, unstated) and
	// Note what its figures measure; Plain is set for real data, which
	// needs no warning.
	Provenance, Note string
	Plain            bool
	Warnings         []string
	Columns          []string
	Headline         []htmlRow
	Kinds            []htmlKind
	Calibration      template.HTML
	Models           []htmlModel
}

type htmlRow struct {
	Name, Help string
	Cells      []string
}

// htmlKind is the headline table of one case kind, with intervals.
type htmlKind struct {
	Kind string
	Rows []htmlRow
}

type htmlModel struct {
	Name              string
	Confusion         template.HTML
	PerClassPlot      template.HTML
	PerClass          []htmlClass
	Problems          []Problem
	ProblemsTruncated bool
	Counts            Counts
}

type htmlClass struct {
	Name                  string
	Precision, Recall, F1 string
	Support, Predicted    int
}

func buildPage(c *Comparison) (*htmlPage, error) {
	p := &htmlPage{Title: "fenjian evaluation", Warnings: c.Warnings}
	if len(c.Models) == 1 {
		p.Title += ": " + c.Models[0].Model
	}
	if len(c.Models) > 0 {
		// Every model saw the same data (Compare warns otherwise): the
		// reference's provenance labels the page, in its title too, so a
		// saved or printed report still says what its figures are.
		if p.Provenance = c.Models[0].Data.Provenance; p.Provenance != "" {
			p.Title += " (" + p.Provenance + " filings)"
			p.Note = dataset.ProvenanceNote(p.Provenance)
			p.Plain = p.Provenance == dataset.ProvenanceReal
		}
	}
	for _, r := range c.Models {
		p.Columns = append(p.Columns, r.Model)
	}
	p.Headline = headlineRows(c)
	p.Kinds = kindRows(c)
	svg, err := calibrationSVG(c.Models)
	if err != nil {
		return nil, err
	}
	p.Calibration = template.HTML(svg) // from vgsvg: text escaped, no scripts
	for _, r := range c.Models {
		m := htmlModel{Name: r.Model, Problems: r.Problems, ProblemsTruncated: r.ProblemsTruncated, Counts: r.Counts}
		cs, err := confusionSVG(r)
		if err != nil {
			return nil, err
		}
		ps, err := perClassSVG(r)
		if err != nil {
			return nil, err
		}
		m.Confusion, m.PerClassPlot = template.HTML(cs), template.HTML(ps)
		for _, k := range r.PerClass {
			m.PerClass = append(m.PerClass, htmlClass{
				Name:      displayName(k.Procedure),
				Precision: fmt.Sprintf("%.3f", k.Precision),
				Recall:    fmt.Sprintf("%.3f", k.Recall),
				F1:        fmt.Sprintf("%.3f", k.F1),
				Support:   k.Support,
				Predicted: k.Predicted,
			})
		}
		p.Models = append(p.Models, m)
	}
	return p, nil
}

// headlineRows builds the metric × model table; metrics of models after the
// first carry their difference from the first (the reference) in brackets.
func headlineRows(c *Comparison) []htmlRow {
	type metric struct {
		name, help string
		get        func(*Report) float64
		format     string
		delta      bool
	}
	metrics := []metric{
		{"accuracy", "share of cases recommended the procedure they ended in", func(r *Report) float64 { return r.Accuracy }, "%.3f", true},
		{"macro-F1", "mean F1 over the procedures present", func(r *Report) float64 { return r.MacroF1 }, "%.3f", true},
		{"ordinary recall", "of the cases that ended in ordinary procedure, the share recommended ordinary", func(r *Report) float64 { return r.OrdinaryRecall }, "%.3f", true},
		{"ordinary missed", "cases that ended in ordinary procedure but were recommended a simpler one", func(r *Report) float64 { return float64(r.OrdinaryMissed) }, "%.0f", true},
		{"ECE", "expected calibration error, 10 bins (lower is better)", func(r *Report) float64 { return r.Calibration.ECE }, "%.3f", true},
		{"needs review", "share of decisions flagged for human review", func(r *Report) float64 { return scoring.Ratio(r.Counts.NeedsReview, r.Counts.Evaluated) }, "%.3f", true},
		{"evaluated", "labelled filings decided", func(r *Report) float64 { return float64(r.Counts.Evaluated) }, "%.0f", false},
		{"rejected", "filings the rules refused as invalid", func(r *Report) float64 { return float64(r.Counts.Rejected) }, "%.0f", false},
		{"invalid lines", "lines that are not a filing", func(r *Report) float64 { return float64(r.Counts.Invalid) }, "%.0f", false},
		{"latency p50 (µs)", "Decide call, median", func(r *Report) float64 { return r.Latency.P50 }, "%.1f", false},
		{"latency p99 (µs)", "Decide call, 99th percentile", func(r *Report) float64 { return r.Latency.P99 }, "%.1f", false},
	}
	rows := []htmlRow{{Name: "rules version", Help: "rules the decisions used"}}
	for _, r := range c.Models {
		rows[0].Cells = append(rows[0].Cells, r.RulesVersion)
	}
	for _, m := range metrics {
		row := htmlRow{Name: m.name, Help: m.help}
		for i, r := range c.Models {
			cell := fmt.Sprintf(m.format, m.get(r))
			if i > 0 && m.delta {
				cell += fmt.Sprintf(" ("+signed(m.format)+")", m.get(r)-m.get(c.Models[0]))
			}
			row.Cells = append(row.Cells, cell)
		}
		rows = append(rows, row)
	}
	return rows
}

// kindRows builds, per case kind, the metric × model table with the
// bootstrap intervals when the reports have them.
func kindRows(c *Comparison) []htmlKind {
	type metric struct {
		name string
		get  func(*KindReport) float64
		iv   func(*Intervals) Interval
	}
	metrics := []metric{
		{"accuracy", func(k *KindReport) float64 { return k.Accuracy }, func(i *Intervals) Interval { return i.Accuracy }},
		{"macro-F1", func(k *KindReport) float64 { return k.MacroF1 }, func(i *Intervals) Interval { return i.MacroF1 }},
		{"ordinary recall", func(k *KindReport) float64 { return k.OrdinaryRecall }, func(i *Intervals) Interval { return i.OrdinaryRecall }},
		{"ECE", func(k *KindReport) float64 { return k.Calibration.ECE }, func(i *Intervals) Interval { return i.ECE }},
		{"review rate", func(k *KindReport) float64 { return k.Review.Rate }, nil},
		{"accuracy not reviewed", func(k *KindReport) float64 { return k.Review.AccuracyNotReviewed }, nil},
		{"evaluated", func(k *KindReport) float64 { return float64(k.Evaluated) }, nil},
	}
	var kinds []string
	for _, r := range c.Models {
		for _, k := range r.ByKind {
			if !slices.Contains(kinds, k.Kind) {
				kinds = append(kinds, k.Kind)
			}
		}
	}
	var out []htmlKind
	for _, kind := range kinds {
		hk := htmlKind{Kind: kind}
		for _, m := range metrics {
			row := htmlRow{Name: m.name}
			for _, r := range c.Models {
				cell := "–"
				for _, k := range r.ByKind {
					if k.Kind != kind {
						continue
					}
					cell = fmt.Sprintf("%.3f", m.get(k))
					if m.name == "evaluated" {
						cell = fmt.Sprintf("%d", k.Evaluated)
					}
					if m.iv != nil && k.Intervals != nil {
						iv := m.iv(k.Intervals)
						cell += fmt.Sprintf(" [%.2f, %.2f]", iv.Lo, iv.Hi)
					}
				}
				row.Cells = append(row.Cells, cell)
			}
			hk.Rows = append(hk.Rows, row)
		}
		out = append(out, hk)
	}
	return out
}

// signed turns "%.3f" into "%+.3f".
func signed(format string) string { return "%+" + format[1:] }

var pageTemplate = template.Must(template.New("report").Parse(`<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8"/>
<meta name="viewport" content="width=device-width, initial-scale=1"/>
<title>{{.Title}}</title>
<style>
body { font-family: system-ui, "Noto Sans CJK SC", "Microsoft YaHei", sans-serif; margin: 1.5em; color: #222; }
h1 { font-size: 1.4em; } h2 { font-size: 1.15em; margin-top: 1.8em; border-bottom: 1px solid #ccc; }
table { border-collapse: collapse; margin: 0.5em 0; }
th, td { border: 1px solid #ccc; padding: 0.25em 0.6em; text-align: right; }
th:first-child, td.name { text-align: left; }
td.help { color: #666; font-size: 0.85em; text-align: left; }
.cols { display: flex; flex-wrap: wrap; gap: 1.5em; }
.col { flex: 1 1 26em; min-width: 0; }
svg { max-width: 100%; height: auto; }
.warn { background: #fff4e5; border: 1px solid #f0b35b; padding: 0.5em; }
</style>
</head>
<body>
<h1>{{.Title}}</h1>
{{if .Note}}<p id="provenance"{{if not .Plain}} class="warn"{{end}}>Data 数据: {{.Provenance}} — {{.Note}}</p>
{{end}}{{range .Warnings}}<p class="warn">{{.}}</p>
{{end}}
<section id="headline">
<h2>Headline metrics 主要指标</h2>
<table>
<thead><tr><th>metric</th>{{range .Columns}}<th>{{.}}</th>{{end}}<th>meaning</th></tr></thead>
<tbody>
{{range .Headline}}<tr><td class="name">{{.Name}}</td>{{range .Cells}}<td>{{.}}</td>{{end}}<td class="help">{{.Help}}</td></tr>
{{end}}</tbody>
</table>
</section>
{{if .Kinds}}<section id="by-kind">
<h2>By case kind 分案件类型 (bootstrap 95% intervals)</h2>
{{range .Kinds}}<h3>{{.Kind}}</h3>
<table>
<thead><tr><th>metric</th>{{range $.Columns}}<th>{{.}}</th>{{end}}</tr></thead>
<tbody>
{{range .Rows}}<tr><td class="name">{{.Name}}</td>{{range .Cells}}<td>{{.}}</td>{{end}}</tr>
{{end}}</tbody>
</table>
{{end}}</section>
{{end}}<section id="confusion">
<h2>Confusion matrix 混淆矩阵 (label × recommendation)</h2>
<div class="cols">
{{range .Models}}<div class="col">
{{if .Confusion}}{{.Confusion}}{{else}}<p>{{.Name}}: no evaluated cases.</p>{{end}}
</div>
{{end}}</div>
</section>
<section id="calibration">
<h2>Calibration 校准 (probability of the recommended procedure)</h2>
{{.Calibration}}
</section>
<section id="per-class">
<h2>Per-class precision, recall, F1 各程序指标</h2>
<div class="cols">
{{range .Models}}<div class="col">
{{.PerClassPlot}}
<table>
<thead><tr><th>{{.Name}}</th><th>precision</th><th>recall</th><th>F1</th><th>support</th><th>predicted</th></tr></thead>
<tbody>
{{range .PerClass}}<tr><td class="name">{{.Name}}</td><td>{{.Precision}}</td><td>{{.Recall}}</td><td>{{.F1}}</td><td>{{.Support}}</td><td>{{.Predicted}}</td></tr>
{{end}}</tbody>
</table>
</div>
{{end}}</div>
</section>
<section id="problems">
<h2>Records not evaluated 未评估记录</h2>
{{range .Models}}<h3>{{.Name}}</h3>
<p>{{.Counts.Lines}} lines: {{.Counts.Evaluated}} evaluated, {{.Counts.Rejected}} rejected, {{.Counts.Invalid}} invalid, {{.Counts.Unlabeled}} unlabelled, {{.Counts.NotHeldOut}} outside the held-out split.</p>
{{if .Problems}}<table>
<thead><tr><th>line</th><th>id</th><th>kind</th><th>error</th></tr></thead>
<tbody>
{{range .Problems}}<tr><td>{{if .File}}{{.File}}: {{end}}{{.Line}}</td><td class="name">{{.ID}}</td><td class="name">{{.Kind}}</td><td class="name">{{.Error}}</td></tr>
{{end}}</tbody>
</table>{{if .ProblemsTruncated}}
<p>More problems occurred than are listed.</p>{{end}}
{{end}}{{end}}</section>
</body>
</html>
`))
