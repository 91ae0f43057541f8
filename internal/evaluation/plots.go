package evaluation

import (
	"bytes"
	"fmt"
	"image/color"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/plotutil"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgsvg"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/classifier/scoring"
)

// Plots are drawn with gonum.org/v1/plot onto vgsvg canvases. vgsvg escapes
// every string it writes (html.EscapeString) and uses no element ids, so
// several of its SVG documents can be inlined in one HTML page. Plot labels
// use short Latin names: the bundled Liberation fonts, used to measure text,
// have no CJK glyphs; the HTML around the plots carries the Chinese names.

// shortName is a procedure's plot label, e.g. "small claims".
func shortName(enumName string) string {
	return strings.ReplaceAll(strings.ToLower(strings.TrimPrefix(enumName, "PROCEDURE_")), "_", " ")
}

// renderSVG draws p, with legend (if any) below it, on a w×h SVG canvas and
// returns the <svg> element without the XML prolog, ready to inline in HTML.
// A legend inside the data area would hide bars and curves.
func renderSVG(p *plot.Plot, legend *plot.Legend, w, h vg.Length) (string, error) {
	c := vgsvg.New(w, h)
	dc := draw.New(c)
	if legend != nil {
		legend.Top, legend.Left = false, true
		legend.TextStyle.Font.Variant = sansVariant
		legend.Padding = vg.Millimeter
		r := legend.Rectangle(dc)
		pad := 2 * vg.Millimeter
		legend.Draw(draw.Crop(dc, pad, 0, pad, 0))
		dc = draw.Crop(dc, 0, 0, r.Max.Y-r.Min.Y+2*pad, 0)
	}
	p.Draw(dc)
	var buf bytes.Buffer
	if _, err := c.WriteTo(&buf); err != nil {
		return "", fmt.Errorf("render svg: %w", err)
	}
	s := buf.String()
	i := strings.Index(s, "<svg")
	if i < 0 {
		return "", fmt.Errorf("render svg: no <svg> element in output")
	}
	return s[i:], nil
}

// sansVariant selects Liberation Sans, closer to the page's font than the
// default serif.
const sansVariant = "Sans"

// newPlot returns a plot whose texts use the sans-serif variant.
func newPlot(title string) *plot.Plot {
	p := plot.New()
	p.Title.Text = title
	for _, st := range []*text.Style{&p.Title.TextStyle, &p.X.Label.TextStyle, &p.Y.Label.TextStyle, &p.X.Tick.Label, &p.Y.Tick.Label} {
		st.Font.Variant = sansVariant
	}
	return p
}

// confusionGrid adapts a confusion matrix to plotter.GridXYZ: column c is
// the recommendation, row r counts from the bottom, so the first label is
// drawn at the top. Z is the row-normalised share (each label's recall
// spread), which keeps the colours comparable across classes of any size.
type confusionGrid struct{ m [][]int }

func (g confusionGrid) Dims() (c, r int) { return len(g.m), len(g.m) }
func (g confusionGrid) X(c int) float64  { return float64(c) }
func (g confusionGrid) Y(r int) float64  { return float64(r) }
func (g confusionGrid) row(r int) int    { return len(g.m) - 1 - r }
func (g confusionGrid) Z(c, r int) float64 {
	row := g.m[g.row(r)]
	total := 0
	for _, v := range row {
		total += v
	}
	return scoring.Ratio(row[c], total)
}

// blues is a white-to-blue sequential palette.
type blues int

func (n blues) Colors() []color.Color {
	cs := make([]color.Color, int(n))
	for i := range cs {
		t := float64(i) / float64(int(n)-1)
		cs[i] = color.RGBA{
			R: uint8(247 - t*(247-8)),
			G: uint8(251 - t*(251-69)),
			B: uint8(255 - t*(255-148)),
			A: 255,
		}
	}
	return cs
}

// confusionSVG draws the confusion matrix as a heat map annotated with the
// counts and row shares.
func confusionSVG(r *Report) (string, error) {
	cm := r.Confusion
	n := len(cm.Labels)
	if n == 0 {
		return "", nil
	}
	g := confusionGrid{cm.Matrix}
	p := newPlot(r.Model)
	p.X.Label.Text = "recommended"
	p.Y.Label.Text = "label (final procedure)"
	hm := plotter.NewHeatMap(g, blues(32))
	hm.Min, hm.Max = 0, 1
	p.Add(hm)

	var dark, light plotter.XYLabels
	for c := range n {
		for row := range n {
			i := g.row(row)
			share := g.Z(c, row)
			xy := plotter.XY{X: float64(c), Y: float64(row)}
			label := "0"
			if n := cm.Matrix[i][c]; n > 0 {
				label = fmt.Sprintf("%d (%.0f%%)", n, 100*share)
			}
			if share > 0.55 {
				light.XYs, light.Labels = append(light.XYs, xy), append(light.Labels, label)
			} else {
				dark.XYs, dark.Labels = append(dark.XYs, xy), append(dark.Labels, label)
			}
		}
	}
	for _, set := range []struct {
		xy  plotter.XYLabels
		col color.Color
	}{{dark, color.Black}, {light, color.White}} {
		if len(set.xy.XYs) == 0 {
			continue
		}
		l, err := plotter.NewLabels(set.xy)
		if err != nil {
			return "", fmt.Errorf("confusion labels: %w", err)
		}
		for i := range l.TextStyle {
			l.TextStyle[i].XAlign = text.XCenter
			l.TextStyle[i].YAlign = text.YCenter
			l.TextStyle[i].Color = set.col
			l.TextStyle[i].Font.Variant = sansVariant
		}
		p.Add(l)
	}
	xt := make([]plot.Tick, n)
	yt := make([]plot.Tick, n)
	for i, name := range cm.Labels {
		xt[i] = plot.Tick{Value: float64(i), Label: shortName(name)}
		yt[i] = plot.Tick{Value: float64(g.row(i)), Label: shortName(name)}
	}
	p.X.Tick.Marker = plot.ConstantTicks(xt)
	p.Y.Tick.Marker = plot.ConstantTicks(yt)
	p.X.Min, p.X.Max = -0.5, float64(n)-0.5
	p.Y.Min, p.Y.Max = -0.5, float64(n)-0.5
	p.X.Padding, p.Y.Padding = 0, 0
	return renderSVG(p, nil, 11*vg.Centimeter, 10*vg.Centimeter)
}

// calibrationSVG draws the reliability curves of all reports on one plot,
// with the diagonal of perfect calibration.
func calibrationSVG(reports []*Report) (string, error) {
	p := newPlot("calibration (reliability curve)")
	legend := plot.NewLegend()
	p.X.Label.Text = "mean probability of the recommendation"
	p.Y.Label.Text = "share recommended correctly"
	p.X.Min, p.X.Max, p.Y.Min, p.Y.Max = 0, 1, 0, 1
	p.Add(plotter.NewGrid())
	diag, err := plotter.NewLine(plotter.XYs{{X: 0, Y: 0}, {X: 1, Y: 1}})
	if err != nil {
		return "", err
	}
	diag.Dashes = []vg.Length{vg.Points(4), vg.Points(3)}
	diag.Color = color.Gray{Y: 128}
	p.Add(diag)
	legend.Add("perfectly calibrated", diag)
	for i, r := range reports {
		var pts plotter.XYs
		for _, b := range r.Calibration.Bins {
			if b.Count > 0 {
				pts = append(pts, plotter.XY{X: b.Confidence, Y: b.Accuracy})
			}
		}
		if len(pts) == 0 {
			continue
		}
		line, points, err := plotter.NewLinePoints(pts)
		if err != nil {
			return "", fmt.Errorf("calibration curve: %w", err)
		}
		line.Color = plotutil.Color(i)
		points.Color = plotutil.Color(i)
		points.Shape = plotutil.Shape(i)
		p.Add(line, points)
		legend.Add(fmt.Sprintf("%s (ECE %.3f)", r.Model, r.Calibration.ECE), line, points)
	}
	return renderSVG(p, &legend, 14*vg.Centimeter, 13*vg.Centimeter)
}

// perClassSVG draws grouped precision / recall / F1 bars per procedure.
func perClassSVG(r *Report) (string, error) {
	if len(r.PerClass) == 0 {
		return "", nil
	}
	p := newPlot(r.Model)
	legend := plot.NewLegend()
	p.Y.Label.Text = "score"
	p.Y.Min, p.Y.Max = 0, 1
	p.Add(plotter.NewGrid())
	names := make([]string, len(r.PerClass))
	for i, c := range r.PerClass {
		names[i] = shortName(c.Procedure)
	}
	const w = 12 // bar width in points
	series := []struct {
		name string
		get  func(ClassMetrics) float64
	}{
		{"precision", func(c ClassMetrics) float64 { return c.Precision }},
		{"recall", func(c ClassMetrics) float64 { return c.Recall }},
		{"F1", func(c ClassMetrics) float64 { return c.F1 }},
	}
	for i, s := range series {
		vals := make(plotter.Values, len(r.PerClass))
		for j, c := range r.PerClass {
			vals[j] = s.get(c)
		}
		bars, err := plotter.NewBarChart(vals, vg.Points(w))
		if err != nil {
			return "", fmt.Errorf("per-class bars: %w", err)
		}
		bars.Color = plotutil.Color(i)
		bars.LineStyle.Width = 0
		bars.Offset = vg.Points(float64(i-1) * w)
		p.Add(bars)
		legend.Add(s.name, bars)
	}
	p.NominalX(names...)
	return renderSVG(p, &legend, 13*vg.Centimeter, 11*vg.Centimeter)
}

// procedureNames are the Chinese and English names shown in HTML tables.
var procedureNames = map[string]string{
	triagev1.Procedure_PROCEDURE_SMALL_CLAIMS.String(): "小额诉讼 small claims",
	triagev1.Procedure_PROCEDURE_SIMPLIFIED.String():   "简易程序 simplified",
	triagev1.Procedure_PROCEDURE_ORDINARY.String():     "普通程序 ordinary",
	triagev1.Procedure_PROCEDURE_FAST_TRACK.String():   "速裁程序 fast-track",
}

func displayName(enumName string) string {
	if s, ok := procedureNames[enumName]; ok {
		return s
	}
	return enumName
}
