package pulumigateway

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"google.golang.org/genproto/googleapis/rpc/errdetails"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
)

// Error is a failed gateway call with the details the gateway attaches decoded. Get one from any
// error of the stubs or iterators with [AsError].
type Error struct {
	// Code is the gRPC status code, e.g. codes.NotFound for an upstream 404.
	Code codes.Code
	// Message is the status message: the upstream error message, e.g. "Not Found: Stack
	// 'acme-corp/payments-api/nope' not found. (HTTP 404)".
	Message string
	// Reason is google.rpc.ErrorInfo.reason, e.g. "HTTP_404"; empty when the status carried no
	// ErrorInfo (errors raised by the gateway itself or by gRPC, such as a missing token).
	Reason string
	// Domain is google.rpc.ErrorInfo.domain: the upstream host.
	Domain string
	// Metadata is google.rpc.ErrorInfo.metadata: `http_status`, `request_id` (the upstream's
	// request id) and `gateway_request_id`, and any key a later gateway adds. Nil without
	// ErrorInfo.
	Metadata map[string]string
	// HTTPStatus is the upstream HTTP status (metadata `http_status`), 0 when unknown.
	HTTPStatus int
	// RequestID is the upstream request id (metadata `request_id`), for support tickets.
	RequestID string
	// GatewayRequestID is the gateway's id of the call (metadata `gateway_request_id`), found in
	// its logs.
	GatewayRequestID string
	// RetryDelay is google.rpc.RetryInfo.retry_delay: how long the upstream asked callers to wait
	// (from Retry-After on 429 and 503). Zero when the status carried no RetryInfo.
	RetryDelay time.Duration

	status *status.Status
}

// AsError decodes a gRPC error: its code, message, ErrorInfo and RetryInfo. It returns false for
// nil and for errors that carry no gRPC status (wrapped status errors are found).
func AsError(err error) (*Error, bool) {
	if err == nil {
		return nil, false
	}
	var e *Error
	if errors.As(err, &e) {
		return e, true
	}
	st, ok := status.FromError(err)
	if !ok {
		return nil, false
	}
	e = &Error{Code: st.Code(), Message: st.Message(), status: st}
	for _, detail := range st.Details() {
		switch d := detail.(type) {
		case *errdetails.ErrorInfo:
			e.Reason = d.GetReason()
			e.Domain = d.GetDomain()
			e.Metadata = d.GetMetadata()
			e.HTTPStatus, _ = strconv.Atoi(e.Metadata["http_status"])
			e.RequestID = e.Metadata["request_id"]
			e.GatewayRequestID = e.Metadata["gateway_request_id"]
		case *errdetails.RetryInfo:
			e.RetryDelay = d.GetRetryDelay().AsDuration()
		}
	}
	return e, true
}

// Error formats the code, the message and the ids worth quoting:
// "NotFound: Not Found: Stack ... (HTTP 404) [request_id=..., gateway_request_id=...]".
func (e *Error) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s: %s", e.Code, e.Message)
	var extra []string
	if e.RequestID != "" {
		extra = append(extra, "request_id="+e.RequestID)
	}
	if e.GatewayRequestID != "" && e.GatewayRequestID != e.RequestID {
		extra = append(extra, "gateway_request_id="+e.GatewayRequestID)
	}
	if e.RetryDelay > 0 {
		extra = append(extra, "retry_after="+e.RetryDelay.String())
	}
	if len(extra) > 0 {
		fmt.Fprintf(&b, " [%s]", strings.Join(extra, ", "))
	}
	return b.String()
}

// GRPCStatus returns the status the error was decoded from, so status.Code and status.FromError
// keep working on an *Error.
func (e *Error) GRPCStatus() *status.Status {
	if e.status == nil {
		return status.New(e.Code, e.Message)
	}
	return e.status
}

// Retryable reports whether the call may succeed if repeated later unchanged: UNAVAILABLE,
// RESOURCE_EXHAUSTED (rate limited; wait RetryDelay) and ABORTED (another update was in
// progress). DEADLINE_EXCEEDED is not included: repeat it only for idempotent calls.
func (e *Error) Retryable() bool {
	switch e.Code {
	case codes.Unavailable, codes.ResourceExhausted, codes.Aborted:
		return true
	}
	return false
}
