// Package rules decides, for a first-instance filing, which procedures the
// law leaves open, and says why in the law's own terms.
//
// For every procedure of the case kind — small claims, simplified and
// ordinary for civil cases; simplified and ordinary for administrative
// cases; fast-track, simplified and ordinary for criminal cases — an
// Assessment says whether it is available, unavailable or (small claims
// only, when the province's limit is not known) undetermined. Each answer
// carries reasons: a stable code, the article it rests on and a Chinese
// message for the clerk and the judge. The package also infers what the
// filing leaves unstated where the law allows it (personal status from the
// cause, numerous parties, foreign parties), raises the review signals of the
// 四类案件, gives each procedure's statutory time limit and due date, and
// checks the outcomes a court records later (ValidateOutcome: conversions
// such as 简转普, panels, choices at filing). It never scores or recommends;
// package triage combines it with a model. It knows nothing of gRPC.
//
// The law's logic is code; the figures that change by announcement (the
// small-claims limits of each province), the cause catalogue and the review
// keywords are data, in a rules file (File; default_rules.json is embedded
// and `triaged -rules` replaces it). A condition the filing does not
// establish is not met, and a figure that is not known is not guessed: the
// case is flagged for review instead.
//
// # From the statutes to the files
//
//   - codes.go: the one table of reasons (reasonDefs), code → article →
//     message; Codes lists them.
//   - civil.go: 民事诉讼法 160–166, 40, 42, 287 and 民诉法解释 75, 140, 257,
//     264, 272–273 (small claims, simplified, ordinary).
//   - administrative.go: 行政诉讼法 82.
//   - criminal.go: 刑事诉讼法 214–216, 222–223 and 刑诉法解释 360, 370;
//     criminal_facts.go reads the plea (认罪认罚) and the co-defendants'
//     positions from the circumstances.
//   - regime.go: which small-claims law was in force on the filing date
//     (民事诉讼法 2012/2017 art. 162, 2021/2023 art. 165).
//   - engine.go: Evaluate, the facts every kind shares, and the review
//     signals (法发〔2021〕30号); reviewera.go: their codes on older filings
//     (法发〔2015〕13号 art. 24, or none) and the period article an
//     unchecked due date cites by case kind and era.
//   - deadline.go, holidays.go: the time limits (民事诉讼法 152, 164, 168;
//     行政诉讼法 81, 83; 刑事诉讼法 208, 220, 225), DueDate, and the holiday
//     calendar that moves a period's last day off a rest day (民事诉讼法 85,
//     刑事诉讼法 105, 行诉法解释 48).
//   - conversion.go, correction.go: the rules for recorded outcomes
//     (conversionRules), the time limit after a conversion, and the fact
//     corrections an outcome may carry.
//   - validate.go, errors.go: the input bounds and checks before Evaluate,
//     and FieldError, which names the offending field.
//   - rulesfile.go, provinces.go, causes.go, catalogue.go, keywords.go: the
//     rules file and its validation, province lookup, cause categories and
//     matching, the embedded official cause catalogues, review keywords.
//
// docs/statutes.md maps every code to its article and function; docs/law/
// holds the texts, whose numbering the articles follow;
// docs/small-claims-limits.md explains the limits and the law in force by
// filing date.
//
// # Adding a reason code
//
//  1. Add the constant and a row to reasonDefs in codes.go: the code (never
//     rename or reuse one: filing systems and exported data key on it), the
//     article down to its 款 and 项 as numbered in docs/law/, and the message.
//  2. Emit it with reason(Code…) where the condition is decided, as a block
//     of the option it bars, a condition it rests on, a review signal or an
//     inference.
//  3. Test it: a case in the kind's table (civil_test.go, criminal_test.go, …)
//     that asserts it fires, citing the article in a comment, and a near miss
//     that asserts it stays silent (TestEveryCodeFiresAndHasNearMiss fails
//     without both), and the article in TestReasonArticles.
//  4. Document it: a row in docs/statutes.md (docs_test.go prints the row to
//     add) and in the README's reason-code table (readme_test.go).
//
// # Adding a province's small-claims limit
//
//  1. Append an entry to small_claims_limits in default_rules.json: the
//     province, effective_from as the notice states it (YYYY-MM-DD, or
//     YYYY-MM when only the month is known), both figures in yuan as
//     announced (the 2× figure left out when none was announced), the wage
//     statistic, and as source the court's notice by title, number and date.
//     Keep the old entries; bump version.
//  2. Add the entry, typed from the notice, to announcedLimits in
//     limits_test.go, so the boundary cases (at the figure, one fen over, the
//     effective date and the day before) run against it.
//  3. go test ./rules/. docs/small-claims-limits.md has the details.
package rules
