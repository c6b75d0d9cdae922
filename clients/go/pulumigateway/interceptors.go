package pulumigateway

import (
	"context"
	"time"

	"google.golang.org/grpc"
)

// tokenCredentials attaches the caller's Pulumi token to every call. The gateway forwards it
// upstream as `Authorization: token <token>`.
type tokenCredentials struct {
	token string
	// requireTLS is false on a plaintext connection, where gRPC would otherwise refuse to send
	// credentials at all.
	requireTLS bool
}

func (c tokenCredentials) GetRequestMetadata(context.Context, ...string) (map[string]string, error) {
	return map[string]string{"authorization": "token " + c.token}, nil
}

func (c tokenCredentials) RequireTransportSecurity() bool { return c.requireTLS }

// defaultDeadline gives calls whose context has no deadline one of d.
func defaultDeadline(d time.Duration) grpc.UnaryClientInterceptor {
	return func(ctx context.Context, method string, req, reply any, cc *grpc.ClientConn,
		invoker grpc.UnaryInvoker, opts ...grpc.CallOption) error {
		if _, ok := ctx.Deadline(); !ok {
			var cancel context.CancelFunc
			ctx, cancel = context.WithTimeout(ctx, d)
			defer cancel()
		}
		return invoker(ctx, method, req, reply, cc, opts...)
	}
}
