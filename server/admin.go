package server

import (
	"context"
	"errors"
	"time"

	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
	"google.golang.org/protobuf/types/known/timestamppb"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/reload"
	"github.com/fenjian/fenjian/rules"
	"github.com/fenjian/fenjian/triage"
)

// ModelSource is what the admin service reads of the triage engine: the
// scorer and rules deciding now. *triage.Engine satisfies it.
type ModelSource interface {
	Scorer() triage.Scorer
	Rules() *rules.Engine
}

// ModelReloader reloads the served model from its directory.
// *reload.Reloader satisfies it.
type ModelReloader interface {
	Reload(ctx context.Context, trigger string) (reload.Result, error)
	Dir() string
	LoadedAt() time.Time
}

// Admin implements triagev1.AdminServiceServer: model reloads and the
// serving versions, for operators and data staff.
type Admin struct {
	triagev1.UnimplementedAdminServiceServer

	models   ModelSource
	reloader ModelReloader // nil when the embedded model serves
	started  time.Time
}

// NewAdmin returns the admin service. reloader is nil when the server runs
// the embedded model, which cannot be reloaded. (A refused reload is logged
// by the reloader.)
func NewAdmin(models ModelSource, reloader ModelReloader) *Admin {
	return &Admin{models: models, reloader: reloader, started: time.Now()}
}

// ReloadModel reloads the configured model directory.
func (a *Admin) ReloadModel(ctx context.Context, _ *triagev1.ReloadModelRequest) (*triagev1.ReloadModelResponse, error) {
	if a.reloader == nil {
		return nil, status.Error(codes.FailedPrecondition, "the server runs its embedded model; start it with -model DIR to reload models")
	}
	res, err := a.reloader.Reload(ctx, "rpc")
	switch {
	case errors.Is(err, reload.ErrRefused):
		// The reason names the broken part of the artifact (a checksum, the
		// manifest); it is what data staff need to fix the promotion.
		return nil, status.Errorf(codes.FailedPrecondition, "new model refused, %s keeps serving: %v", res.Version, err)
	case err != nil:
		return nil, toStatus(withContext(ctx, err)).Err()
	}
	return &triagev1.ReloadModelResponse{ModelVersion: res.Version, PreviousVersion: res.Previous, Changed: res.Changed}, nil
}

// GetModel reports the serving model and rules.
func (a *Admin) GetModel(context.Context, *triagev1.GetModelRequest) (*triagev1.GetModelResponse, error) {
	resp := &triagev1.GetModelResponse{
		ModelVersion: a.models.Scorer().Version(),
		RulesVersion: a.models.Rules().Version(),
		LoadedAt:     timestamppb.New(a.started),
	}
	if a.reloader != nil {
		resp.ModelDir = a.reloader.Dir()
		if t := a.reloader.LoadedAt(); !t.IsZero() {
			resp.LoadedAt = timestamppb.New(t)
		}
	}
	return resp, nil
}
