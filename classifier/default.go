package classifier

import (
	"embed"
	"fmt"
	"io/fs"
)

// defaultModel is the model the repository ships (classifier/defaultmodel),
// so that the service scores with a trained model on a fresh machine
// (docs/architecture.md, Models). defaultmodel/README.md says how it was made.
//
//go:embed defaultmodel/model
var defaultModel embed.FS

// Default loads the embedded default model. Each call verifies and loads it
// afresh (about 30 ms); callers keep the result.
func Default() (*Model, error) {
	sub, err := fs.Sub(defaultModel, "defaultmodel/model")
	if err != nil {
		return nil, fmt.Errorf("default model: %w", err)
	}
	m, err := LoadFS(sub)
	if err != nil {
		return nil, fmt.Errorf("default model: %w", err)
	}
	return m, nil
}
