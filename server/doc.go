// Package server is fenjian's gRPC edge: it serves fenjian.triage.v1.TriageService,
// fenjian.triage.v1.AdminService, grpc.health.v1 and server reflection, and an
// HTTP listener for Prometheus metrics and the /healthz and /readyz probes.
//
// The server is the only place where domain errors become gRPC status codes
// (see toStatus): the rules, triage and store packages know nothing of gRPC.
// A Service depends on two consumer interfaces, Decider and CaseStore, which
// the triage engine and the decision store satisfy; the admin service on
// ModelSource and ModelReloader. A request the server itself refuses is a
// fieldError, the rules' own refusals are *rules.FieldError: both become
// INVALID_ARGUMENT naming the field.
//
// Every decision Triage returns (unless the request is a dry run) has been
// durably recorded first, so a client never holds a decision id that the store
// lacks; a store failure yields UNAVAILABLE and no decision.
//
// Run ties the pieces into one supervised lifecycle: both listeners, health
// turning SERVING once ready and NOT_SERVING before shutdown, graceful stop with
// a deadline. What runs beside the servers (model reloads on SIGHUP and
// manifest changes, shadow scoring) is started by cmd/triaged next to Run.
//
// Logs never carry party names or claim text: per call they record the method,
// the status code, the filing id (a case number), the decision id, the case
// kind, the recommended procedure, the review flag and the duration.
package server
