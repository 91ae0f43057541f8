package rules

import "fmt"

// FieldError reports a filing that cannot be evaluated because one field is
// invalid. Field is the field's path in the request, in proto field names
// ("filing.claim_amount_fen", "filing.parties[2].role"), so a filing system can
// point its clerk at the exact input; the API edge maps it to INVALID_ARGUMENT.
type FieldError struct {
	Field   string
	Problem string
}

// Error implements error.
func (e *FieldError) Error() string {
	return fmt.Sprintf("%s: %s", e.Field, e.Problem)
}

func fieldErrorf(field, format string, args ...any) *FieldError {
	return &FieldError{Field: field, Problem: fmt.Sprintf(format, args...)}
}
