package pulumigateway_test

import (
	"context"
	"fmt"
	"os"
	"path"
	"sync"
	"testing"
	"time"

	"google.golang.org/grpc"

	"github.com/pulumi-grpc-gateway/clients/go/internal/testsystem"
	"github.com/pulumi-grpc-gateway/clients/go/pulumigateway"
)

// sys is the emulator + gateway every integration test of this package talks to.
var sys *testsystem.System

func TestMain(m *testing.M) {
	var err error
	sys, err = testsystem.Start()
	if err != nil {
		fmt.Fprintln(os.Stderr, "pulumigateway tests:", err)
		os.Exit(1)
	}
	code := m.Run()
	sys.Stop()
	os.Exit(code)
}

// testContext bounds one test's calls.
func testContext(t *testing.T) context.Context {
	t.Helper()
	ctx, cancel := context.WithTimeout(t.Context(), 30*time.Second)
	t.Cleanup(cancel)
	return ctx
}

// dialGateway connects to the test gateway as the owner of token ("" for none).
func dialGateway(t *testing.T, token string, opts ...pulumigateway.Option) *pulumigateway.Client {
	t.Helper()
	client, err := pulumigateway.Dial(testContext(t), sys.GatewayAddr, token, opts...)
	if err != nil {
		t.Fatalf("Dial: %v", err)
	}
	t.Cleanup(func() { _ = client.Close() })
	return client
}

// callCounter counts the RPCs made through a client, by method name ("ListStacks").
type callCounter struct {
	mu     sync.Mutex
	counts map[string]int
}

func (c *callCounter) option() pulumigateway.Option {
	return pulumigateway.WithDialOptions(grpc.WithChainUnaryInterceptor(
		func(ctx context.Context, method string, req, reply any, cc *grpc.ClientConn,
			invoker grpc.UnaryInvoker, opts ...grpc.CallOption) error {
			c.mu.Lock()
			if c.counts == nil {
				c.counts = map[string]int{}
			}
			c.counts[path.Base(method)]++
			c.mu.Unlock()
			return invoker(ctx, method, req, reply, cc, opts...)
		}))
}

func (c *callCounter) get(method string) int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.counts[method]
}
