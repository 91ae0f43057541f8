package rules

import "time"

// cpl1991InForce is the day the Civil Procedure Law of 1991 took effect;
// before it the 1982 民事诉讼法（试行） applied (CPL 1991 art. 270 repealed it).
var cpl1991InForce = time.Date(1991, 4, 9, 0, 0, 0, 0, time.UTC)

// cpl1982Review sends a civil filing of 1991-01-01..1991-04-08 (fenjian
// takes none earlier: minFilingYear) to a person: the 1982 trial law
// applied, its text is not in /work/shared/law and was not read, and every
// option, article and period shown is CPL 1991's (statute round 39: until
// rules 2026-12-06.47 nothing said so).
func cpl1982Review(a *Assessment) {
	if a.FiledOn.Before(cpl1991InForce) {
		a.ReviewReasons = append(a.ReviewReasons, reason(CodeReviewCPL1982Unchecked))
	}
}
