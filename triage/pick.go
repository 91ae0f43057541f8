package triage

import triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"

// Option is a procedure as the recommendation policy sees it: what the rules
// say of it, without the reasons.
type Option struct {
	Procedure    triagev1.Procedure
	Availability triagev1.Availability
	// Mandatory marks small claims in the CPL 165 ¶1 band, which the lean
	// towards ordinary does not override.
	Mandatory bool
}

// Pick is the recommendation policy, the one rule both the server
// (Engine.Decide) and training (the class-weight tuning replays it on
// out-of-bag rows) apply, so that training tunes against what is served.
//
// It renormalises the scorer's probabilities p over the options that are
// open or undetermined (an undetermined option may still be open once a
// fact is known, so it keeps its share; a closed one has none), and picks
// the most probable open option, the first in options order on ties; then
// ordinary unless the pick beats ordinary by more than policy.OrdinaryMargin
// or is mandatory. A scorer with no opinion (all zero) gets the open and
// undetermined options spread evenly. Beside a mandatory option (small
// claims in the band where the law prescribes it for a simple case) the
// pick is between that option and ordinary, with simplified's share counted
// for the mandatory one (see below).
//
// It returns the index of the pick in options, −1 when none is open, and
// the normalised probability of every option (0 for closed ones), in
// options order. It is a pure function and allocates nothing.
func Pick(options []Option, p *Probabilities, policy Policy) (int, Probabilities) {
	var norm Probabilities // indexed like options, not by procedure
	var sum float64
	nOpen := 0
	for _, o := range options {
		if o.Availability != triagev1.Availability_AVAILABILITY_UNAVAILABLE {
			sum += clampProb(p[o.Procedure])
			nOpen++
		}
	}
	for i, o := range options {
		if i >= len(norm) || o.Availability == triagev1.Availability_AVAILABILITY_UNAVAILABLE {
			continue
		}
		switch {
		case sum > 0:
			norm[i] = clampProb(p[o.Procedure]) / sum
		case nOpen > 0:
			norm[i] = 1 / float64(nOpen)
		}
	}
	weight := choiceWeights(options, &norm)
	best, ordinary := -1, -1
	for i, o := range options {
		if i >= len(norm) || o.Availability != triagev1.Availability_AVAILABILITY_AVAILABLE {
			continue
		}
		if o.Procedure == triagev1.Procedure_PROCEDURE_ORDINARY {
			ordinary = i
		}
		if best < 0 || weight[i] > weight[best] {
			best = i
		}
	}
	// The lean towards ordinary does not apply against a mandatory option;
	// only a more probable ordinary outcome does.
	if best >= 0 && ordinary >= 0 && best != ordinary && !options[best].Mandatory &&
		norm[best]-norm[ordinary] <= policy.OrdinaryMargin {
		best = ordinary
	}
	return best, norm
}

// OptionsOf converts the rules' options to the policy's view, reusing buf.
func OptionsOf(opts []*triagev1.ProcedureOption, buf []Option) []Option {
	buf = buf[:0]
	for _, o := range opts {
		buf = append(buf, Option{Procedure: o.GetProcedure(), Availability: o.GetAvailability(), Mandatory: o.GetMandatory()})
	}
	return buf
}

// choiceWeights is what each option weighs in Pick's choice: its
// normalised probability, except beside a mandatory option (small claims
// in the CPL 165 ¶1 band, CPL 2012 art. 162 before 2022). The law
// prescribes that option for a simple case, and ordinary procedure is the
// one for a case that is not simple, so simplified procedure is no lawful
// start (a small-claims case reaches the rest of simplified procedure only
// by CPL 170, from small claims): the scorer's share for simplified, its
// belief that the case is simple, counts for the mandatory option, and
// simplified weighs -1 (never picked). The probabilities shown stay the
// scorer's.
func choiceWeights(options []Option, norm *Probabilities) Probabilities {
	w := *norm
	mandatory, simplified := -1, -1
	for i, o := range options {
		if i >= len(w) || o.Availability != triagev1.Availability_AVAILABILITY_AVAILABLE {
			continue
		}
		switch {
		case o.Mandatory && mandatory < 0:
			mandatory = i
		case o.Procedure == triagev1.Procedure_PROCEDURE_SIMPLIFIED:
			simplified = i
		}
	}
	if mandatory >= 0 && simplified >= 0 {
		w[mandatory] += w[simplified]
		w[simplified] = -1
	}
	return w
}

// Confidence is how sure the scorer is of the pick best (an index Pick
// returned for options, with its normalised probabilities norm): the
// weight the pick carried in the choice, so a mandatory small-claims pick
// counts the scorer's belief that the case is simple, in small claims or
// simplified procedure. 0 when nothing was picked.
func Confidence(options []Option, norm Probabilities, best int) float64 {
	if best < 0 || best >= len(norm) {
		return 0
	}
	return choiceWeights(options, &norm)[best]
}
