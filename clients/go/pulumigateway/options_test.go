package pulumigateway_test

import (
	"context"
	"net"
	"strings"
	"testing"
	"time"

	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	servicev1 "github.com/pulumi-grpc-gateway/clients/go/pulumi/service/v1"
	"github.com/pulumi-grpc-gateway/clients/go/pulumigateway"
)

// echo calls GetStack on the echo server and returns the stack it describes the call with.
func echo(t *testing.T, ctx context.Context, client *pulumigateway.Client) *servicev1.Stack {
	t.Helper()
	resp, err := client.Stacks.GetStack(ctx, &servicev1.GetStackRequest{StackName: "echo"})
	if err != nil {
		t.Fatalf("GetStack: %v", err)
	}
	return resp.GetStack()
}

func dialEcho(t *testing.T, addr, token string, opts ...pulumigateway.Option) *pulumigateway.Client {
	t.Helper()
	client, err := pulumigateway.Dial(testContext(t), addr, token, opts...)
	if err != nil {
		t.Fatalf("Dial: %v", err)
	}
	t.Cleanup(func() { _ = client.Close() })
	return client
}

func TestTokenSentAsAuthorizationMetadata(t *testing.T) {
	addr := startEchoServer(t)
	got := echo(t, testContext(t), dialEcho(t, addr, "s3cret")).GetOrgName()
	if got != "token s3cret" {
		t.Errorf("authorization = %q, want %q", got, "token s3cret")
	}
	got = echo(t, testContext(t), dialEcho(t, addr, "")).GetOrgName()
	if got != "" {
		t.Errorf("authorization = %q without a token, want none", got)
	}
}

func TestDefaultTimeoutAppliesOnlyWithoutDeadline(t *testing.T) {
	addr := startEchoServer(t)
	client := dialEcho(t, addr, "t", pulumigateway.WithDefaultTimeout(5*time.Second))

	if ms := echo(t, context.Background(), client).GetVersion(); ms <= 2500 || ms > 5000 {
		t.Errorf("server saw %d ms left without a caller deadline, want the 5 s default", ms)
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	if ms := echo(t, ctx, client).GetVersion(); ms <= 50000 {
		t.Errorf("server saw %d ms left with a 1 min caller deadline, want the caller's", ms)
	}

	none := dialEcho(t, addr, "t", pulumigateway.WithDefaultTimeout(0))
	if ms := echo(t, context.Background(), none).GetVersion(); ms != -1 {
		t.Errorf("server saw a deadline (%d ms) with the default disabled", ms)
	}
	if ms := echo(t, context.Background(), dialEcho(t, addr, "t")).GetVersion(); ms <= 25000 || ms > 30000 {
		t.Errorf("server saw %d ms left by default, want 30 s", ms)
	}
}

func TestDefaultTimeoutExpires(t *testing.T) {
	addr := startEchoServer(t)
	client := dialEcho(t, addr, "t", pulumigateway.WithDefaultTimeout(200*time.Millisecond))
	start := time.Now()
	_, err := client.Stacks.GetStack(context.Background(), &servicev1.GetStackRequest{StackName: "block"})
	if status.Code(err) != codes.DeadlineExceeded {
		t.Fatalf("err = %v, want DeadlineExceeded", err)
	}
	if elapsed := time.Since(start); elapsed < 150*time.Millisecond || elapsed > 5*time.Second {
		t.Errorf("failed after %v, want about 200 ms", elapsed)
	}
}

func TestMutualTLS(t *testing.T) {
	p := newPKI(t)
	addr := startEchoServer(t, p.serverCreds(t))

	client := dialEcho(t, addr, "s3cret", pulumigateway.WithCAFile(p.caFile),
		pulumigateway.WithClientCert(p.clientCert, p.clientKey))
	s := echo(t, testContext(t), client)
	if s.GetStackName() != "test-client" || s.GetOrgName() != "token s3cret" {
		t.Errorf("server saw client cert %q and authorization %q, want test-client and the token",
			s.GetStackName(), s.GetOrgName())
	}
}

func TestTLSFailures(t *testing.T) {
	p := newPKI(t)
	addr := startEchoServer(t, p.serverCreds(t))
	for name, opts := range map[string][]pulumigateway.Option{
		"plaintext to a TLS server":         nil,
		"no client certificate":             {pulumigateway.WithCAFile(p.caFile)},
		"server not trusted (system roots)": {pulumigateway.WithClientCert(p.clientCert, p.clientKey)},
	} {
		t.Run(name, func(t *testing.T) {
			client := dialEcho(t, addr, "t", opts...)
			_, err := client.Stacks.GetStack(testContext(t), &servicev1.GetStackRequest{StackName: "echo"})
			if status.Code(err) != codes.Unavailable {
				t.Errorf("err = %v, want Unavailable", err)
			}
		})
	}
}

func TestDialRejectsBadOptions(t *testing.T) {
	p := newPKI(t)
	for name, tc := range map[string]struct {
		addr string
		opts []pulumigateway.Option
		want string
	}{
		"no address":    {"", nil, "empty address"},
		"missing CA":    {"127.0.0.1:1", []pulumigateway.Option{pulumigateway.WithCAFile(p.caFile + ".missing")}, "reading CA file"},
		"CA not PEM":    {"127.0.0.1:1", []pulumigateway.Option{pulumigateway.WithCAFile(p.clientKey)}, "no PEM certificate"},
		"cert, no key":  {"127.0.0.1:1", []pulumigateway.Option{pulumigateway.WithClientCert(p.clientCert, "")}, "together"},
		"key mismatch":  {"127.0.0.1:1", []pulumigateway.Option{pulumigateway.WithClientCert(p.clientCert, p.serverKey)}, "loading client certificate"},
		"nothing there": {closedAddress(t), []pulumigateway.Option{pulumigateway.WithConnect()}, "connecting to"},
	} {
		t.Run(name, func(t *testing.T) {
			ctx, cancel := context.WithTimeout(context.Background(), 500*time.Millisecond)
			defer cancel()
			client, err := pulumigateway.Dial(ctx, tc.addr, "t", tc.opts...)
			if err == nil {
				_ = client.Close()
				t.Fatal("Dial succeeded")
			}
			if !strings.Contains(err.Error(), tc.want) {
				t.Errorf("err = %v, want it to contain %q", err, tc.want)
			}
		})
	}
}

func TestWithConnectSucceeds(t *testing.T) {
	client := dialEcho(t, startEchoServer(t), "t", pulumigateway.WithConnect())
	if state := client.Conn().GetState().String(); state != "READY" {
		t.Errorf("state after Dial with WithConnect = %s, want READY", state)
	}
}

// closedAddress is a 127.0.0.1 address where nothing listens.
func closedAddress(t *testing.T) string {
	t.Helper()
	lis, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := lis.Addr().String()
	_ = lis.Close()
	return addr
}
