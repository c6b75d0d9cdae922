package pulumigateway_test

import (
	"errors"
	"fmt"
	"testing"
	"time"

	"google.golang.org/genproto/googleapis/rpc/errdetails"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
	"google.golang.org/protobuf/types/known/durationpb"

	"github.com/pulumi-grpc-gateway/clients/go/pulumigateway"
)

func unavailableWithDetails(t *testing.T) error {
	t.Helper()
	st, err := status.New(codes.Unavailable, "Service Unavailable: maintenance (HTTP 503)").WithDetails(
		&errdetails.ErrorInfo{
			Reason: "HTTP_503",
			Domain: "api.example.com",
			Metadata: map[string]string{
				"http_status": "503", "request_id": "up-1", "gateway_request_id": "gw-1",
			},
		},
		&errdetails.RetryInfo{RetryDelay: durationpb.New(1500 * time.Millisecond)},
	)
	if err != nil {
		t.Fatal(err)
	}
	return st.Err()
}

func TestAsErrorDecodesDetails(t *testing.T) {
	e, ok := pulumigateway.AsError(unavailableWithDetails(t))
	if !ok {
		t.Fatal("AsError = false")
	}
	want := pulumigateway.Error{
		Code: codes.Unavailable, Message: "Service Unavailable: maintenance (HTTP 503)",
		Reason: "HTTP_503", Domain: "api.example.com", HTTPStatus: 503,
		RequestID: "up-1", GatewayRequestID: "gw-1", RetryDelay: 1500 * time.Millisecond,
	}
	if e.Code != want.Code || e.Message != want.Message || e.Reason != want.Reason ||
		e.Domain != want.Domain || e.HTTPStatus != want.HTTPStatus || e.RequestID != want.RequestID ||
		e.GatewayRequestID != want.GatewayRequestID || e.RetryDelay != want.RetryDelay {
		t.Errorf("AsError = %+v, want %+v", *e, want)
	}
	if !e.Retryable() {
		t.Error("Unavailable not retryable")
	}
	const text = "Unavailable: Service Unavailable: maintenance (HTTP 503) " +
		"[request_id=up-1, gateway_request_id=gw-1, retry_after=1.5s]"
	if e.Error() != text {
		t.Errorf("Error() = %q, want %q", e.Error(), text)
	}
	if status.Code(e) != codes.Unavailable || len(status.Convert(e).Details()) != 2 {
		t.Errorf("the *Error lost its status: code %v", status.Code(e))
	}
}

func TestAsErrorFindsWrappedStatus(t *testing.T) {
	wrapped := fmt.Errorf("listing stacks: %w", unavailableWithDetails(t))
	e, ok := pulumigateway.AsError(wrapped)
	if !ok || e.Code != codes.Unavailable || e.RequestID != "up-1" {
		t.Fatalf("AsError(wrapped) = %v, %v", e, ok)
	}
	again, ok := pulumigateway.AsError(fmt.Errorf("again: %w", e))
	if !ok || again != e {
		t.Errorf("AsError of a wrapped *Error = %v, want the same *Error", again)
	}
}

func TestAsErrorWithoutStatus(t *testing.T) {
	if e, ok := pulumigateway.AsError(nil); ok || e != nil {
		t.Errorf("AsError(nil) = %v, %v", e, ok)
	}
	if e, ok := pulumigateway.AsError(errors.New("plain")); ok || e != nil {
		t.Errorf("AsError(plain error) = %v, %v", e, ok)
	}
	e, ok := pulumigateway.AsError(status.Error(codes.InvalidArgument, "bad kind"))
	if !ok || e.Code != codes.InvalidArgument || e.Reason != "" || e.HTTPStatus != 0 || e.Retryable() {
		t.Errorf("AsError(bare status) = %+v, %v", e, ok)
	}
	if e.Error() != "InvalidArgument: bad kind" {
		t.Errorf("Error() = %q", e.Error())
	}
}
