// Package corpus generates the realistic labelled corpus fenjian's default
// model is trained on (design.md §6): Chinese first-instance filings — civil,
// administrative, criminal — with the procedure each case finally ended in.
//
// # What a record is made of
//
// Every record draws, in order: a filing date (2022–2026, so the provinces'
// small-claims limit eras differ), a latent difficulty u ~ N(0,1), how wordy
// its drafter is, the case kind (75% civil, 10% administrative, 15%
// criminal), the cause from the kind's weighted catalogue (civilCauses,
// crimeCauses, adminCauses: real dockets' mix), a court (mostly basic courts
// of the five provinces whose limits the rules configure, some elsewhere so
// that LIMIT_UNKNOWN occurs, the province written as a name, short name or
// GB/T 2260 code), parties with the cause's typical structure, the
// circumstances the filing states, the money claimed and the text.
//
// # Latent complexity
//
// The label is not a function of the visible fields. Each case has a latent
// complexity z: the cause's base (credit cards and property fees are
// routine, construction and medical cases are not), u, the amount relative
// to the small-claims scale, the number of defendants, a hidden dispute
// (will the defendant really fight?), appraisal, counterclaim, many or
// foreign parties, and whatever makes the rules ask for review. u also
// drives what the filing shows — appraisal and counterclaims are likelier
// in difficult cases, detailed and long complaints come with complex cases,
// the text mentions the dispute, the appraisal, the missing defendant —
// but only sometimes: a contested case often reads calm, an easy one
// sometimes complains of a dispute. A model can recover part of z, never
// all of it, as in practice.
//
// # Labels
//
// The rules engine (design.md §2) evaluates every generated filing first;
// the label is then chosen among the procedures it leaves open, so a label
// is never a procedure the law closes. Small claims left undetermined (no
// configured limit) become a label only rarely, standing for a court that
// knew its own figure.
//
//   - Civil: in the mandatory small-claims band the court mostly uses small
//     claims, sending cases that look disputed to simplified procedure; in
//     the agreement band it does so when both agreed; otherwise simplified
//     procedure when open, with a probability falling in z, else ordinary.
//   - Criminal: fast-track when open (most courts take it), else simplified
//     when open, ordinary for contested, serious or reviewed cases; without
//     a guilty plea only ordinary procedure is open.
//   - Administrative: simplified where 行政诉讼法 82 opens it, at a rate
//     falling in z; ordinary otherwise.
//
// # Noise
//
// Practice adds what the filing does not show: after filing, some cases
// convert — small claims to simplified or ordinary (CPL 169), simplified to
// ordinary (简转普 after an appraisal requested at the hearing, an added
// party, a defendant who disappears; about a tenth of simple-looking civil
// cases), fast-track to simplified or ordinary when a defendant retracts.
// Agreements (CPL 165 ¶2, CPL 160 ¶2, 行诉法 82 ¶2) open procedures the
// amount alone would not. These are the errors a classifier cannot avoid
// and the reason its recommendation leans to ordinary when unsure.
//
// # Texts
//
// Texts are composed, not filled in: many layouts (诉讼请求 first, 原告诉称
// narratives, 一、二、 headings, the one-line form clerks type), numbering
// styles (1. 一、 （1） 第一，), amounts in numerals, grouped digits, 万元 or
// 大写, dates to the day or the month, anonymised or full names, optional
// party blocks, chronologies of dunning and partial payments, loss
// itemisations computed from their parts, reasoning sections, evidence
// lists and signature blocks, from about 80 to about 2,500 characters. They
// never name a procedure: the label is not written into the text.
//
// # Determinism
//
// Record i is generated from its own PCG stream seeded from (Seed, i), so
// the output depends only on Seed and N, never on the clock or on map
// iteration order, and a corpus of N records is a prefix of a longer one.
// Generation streams: memory stays constant however large N is.
package corpus
