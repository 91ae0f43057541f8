package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"time"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/stats"
	"github.com/fenjian/fenjian/store"
)

// statsTopReasons is how many 简转普 reasons the text report lists per period.
const statsTopReasons = 3

// statsFlags are the parsed flags of `triagectl stats`.
type statsFlags struct {
	store  string
	since  time.Time // zero: every decision
	format string
}

// parseStatsFlags parses and checks the flags; every problem is a usageError
// (exit code 2), -h is flag.ErrHelp.
func parseStatsFlags(e *env, args []string) (*statsFlags, error) {
	var f statsFlags
	var since string
	fs := newFlagSet(e, "stats")
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "usage: triagectl stats [-store TARGET] [-since YYYY-MM-DD] [-format json|text]")
		fmt.Fprintln(fs.Output(), "\nComputes the 繁简分流 figures of the decided cases, overall and per month filed: cases, review")
		fmt.Fprintln(fs.Output(), "rate, recommended and finally applied procedures, small-claims rate, 简转普 count, rate and")
		fmt.Fprintln(fs.Output(), "reasons, and how often the court followed the recommendation. JSON (stats.Report) by default.")
		fmt.Fprintln(fs.Output(), "\nflags:")
		fs.PrintDefaults()
	}
	storeFlag(fs, &f.store)
	fs.StringVar(&since, "since", "", "count cases decided on or after this `date` (YYYY-MM-DD, Beijing time); default: all")
	fs.StringVar(&f.format, "format", "json", "output `format`: json or text (a table for people)")
	if err := parseFlags(fs, args); err != nil {
		return nil, err
	}
	switch {
	case f.store == "":
		return nil, usageError{"-store is empty"}
	case f.format != "json" && f.format != "text":
		return nil, usageError{fmt.Sprintf("-format must be json or text, got %q", f.format)}
	}
	if since != "" {
		t, err := parseSince(since)
		if err != nil {
			return nil, err
		}
		f.since = t
	}
	return &f, nil
}

// runStats is `triagectl stats`: it streams the store's cases through a
// stats.Builder, so memory stays one page of cases plus one small
// accumulator per month.
func runStats(ctx context.Context, e *env, args []string) error {
	f, err := parseStatsFlags(e, args)
	if err != nil {
		return err
	}
	st, err := openStore(ctx, e, f.store)
	if err != nil {
		return err
	}
	defer st.Close()

	b := stats.NewBuilder()
	err = st.ScanCases(ctx, f.since, func(c store.CaseRecord) error {
		return b.Add(stats.Case{Decision: c.Decision, Outcomes: c.Outcomes})
	})
	if err != nil {
		return fmt.Errorf("stats: %w", err)
	}
	rep := b.Report()
	if rep.Periods == nil {
		rep.Periods = []stats.Period{} // [] rather than null for machines
	}
	if f.format == "text" {
		return writeStatsText(e.stdout, rep, f.since)
	}
	out, err := json.MarshalIndent(rep, "", "  ")
	if err != nil {
		return fmt.Errorf("stats: %w", err)
	}
	_, err = fmt.Fprintf(e.stdout, "%s\n", out)
	return err
}

// writeStatsText writes the report as a table, one row per month and one for
// all months, followed by the most frequent 简转普 reasons. The table's own
// cells are ASCII, so its columns line up whatever the terminal's width of
// Chinese characters; the legend and the reasons below it are free text.
func writeStatsText(w io.Writer, rep stats.Report, since time.Time) error {
	var b strings.Builder
	fmt.Fprintf(&b, "繁简分流 statistics of %d cases %s, by month filed\n\n", rep.Overall.Cases, describeSince(since))
	if rep.Overall.Cases == 0 {
		b.WriteString("no decided cases\n")
		_, err := io.WriteString(w, b.String())
		return err
	}

	// The procedures seen anywhere, in the enum's order.
	var procs []string
	for p := triagev1.Procedure(1); int(p) < len(triagev1.Procedure_name); p++ {
		name := strings.TrimPrefix(p.String(), "PROCEDURE_")
		if rep.Overall.Recommended[name] > 0 || rep.Overall.Applied[name] > 0 {
			procs = append(procs, name)
		}
	}
	rows := append(append([]stats.Period(nil), rep.Periods...), rep.Overall)

	tw := tabwriter.NewWriter(&b, 0, 0, 2, ' ', tabwriter.AlignRight)
	head := []string{"PERIOD", "CASES", "OUTCOMES", "REVIEW"}
	head = append(head, procs...)
	head = append(head, "SC_RATE", "CONV", "CONV_RATE", "AGREE", "FINAL_AGREE")
	fmt.Fprintln(tw, strings.Join(head, "\t")+"\t")
	for _, p := range rows {
		// Outcome-based rates have no denominator without outcomes: "-",
		// not a misleading 0%.
		outcomeRate := func(r float64) string {
			if p.WithOutcome == 0 {
				return "-"
			}
			return percent(r)
		}
		cells := []string{p.Period, fmt.Sprint(p.Cases), fmt.Sprint(p.WithOutcome), percent(p.ReviewRate)}
		for _, name := range procs {
			cells = append(cells, fmt.Sprintf("%d/%d", p.Recommended[name], p.Applied[name]))
		}
		cells = append(cells, outcomeRate(p.SmallClaimsRate), fmt.Sprint(p.SimplifiedToOrdinary),
			outcomeRate(p.SimplifiedToOrdinaryRate), outcomeRate(p.Agreement), outcomeRate(p.FinalAgreement))
		fmt.Fprintln(tw, strings.Join(cells, "\t")+"\t")
	}
	if err := tw.Flush(); err != nil {
		return err
	}

	b.WriteString("\nREVIEW: decisions flagged for review. " + strings.Join(procs, ", ") +
		": recommended/finally applied (applied counts cases with an outcome).\n" +
		"SC_RATE: civil cases with an outcome finally tried as small claims (小额诉讼适用率).\n" +
		"CONV: 简转普 (simplified → ordinary) conversions; CONV_RATE: their share of the cases ever under simplified procedure.\n" +
		"AGREE: the first outcome applied the recommendation; FINAL_AGREE: the procedure finally applied is the recommendation\n" +
		"(both shares of the cases with an outcome; - where there is none).\n")

	fmt.Fprintf(&b, "\n简转普 reasons (legal basis given; top %d):\n", statsTopReasons)
	listed := false
	for _, p := range rows {
		if len(p.ConversionReasons) == 0 {
			continue
		}
		listed = true
		for i, r := range p.ConversionReasons[:min(statsTopReasons, len(p.ConversionReasons))] {
			label := ""
			if i == 0 {
				label = p.Period
			}
			fmt.Fprintf(&b, "  %-8s %4d  %s\n", label, r.Count, r.Reason)
		}
		if more := len(p.ConversionReasons) - statsTopReasons; more > 0 {
			fmt.Fprintf(&b, "  %-8s       (%d more)\n", "", more)
		}
	}
	if !listed {
		b.WriteString("  none\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// percent formats a share as a percentage with one decimal.
func percent(r float64) string { return fmt.Sprintf("%.1f%%", 100*r) }
