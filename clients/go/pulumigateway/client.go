package pulumigateway

import (
	"context"
	"errors"
	"fmt"

	"google.golang.org/grpc"
	"google.golang.org/grpc/connectivity"
	"google.golang.org/grpc/credentials"
	"google.golang.org/grpc/credentials/insecure"

	servicev1 "github.com/pulumi-grpc-gateway/clients/go/pulumi/service/v1"
)

// Client is a connection to the gateway with a typed stub per service: the fields of the embedded
// [Services] (generated from the protos: client.Stacks, client.Webhooks, client.StackConfig,
// client.AccessTokens, ...). It is safe for concurrent use; create one per gateway address and
// share it. Close it when done.
type Client struct {
	Services
	// Updates is the StackUpdatesService stub, also Services.StackUpdates (its first name).
	Updates servicev1.StackUpdatesServiceClient

	conn *grpc.ClientConn
}

// Dial creates a client of the gateway at address ("host:port") that sends token as
// `authorization: token <token>` metadata on every call (no metadata when token is empty, for a
// gateway in service auth mode). By default the connection is plaintext and opened lazily at the
// first call; ctx is used only with [WithConnect], to bound the wait for the connection.
//
// Errors: an empty address, unreadable or invalid TLS files, or (with WithConnect) a gateway that
// could not be reached before ctx ended.
func Dial(ctx context.Context, address, token string, opts ...Option) (*Client, error) {
	if address == "" {
		return nil, errors.New("pulumigateway: empty address")
	}
	o := defaultOptions()
	for _, opt := range opts {
		opt(&o)
	}

	tlsConfig, err := o.tls.config()
	if err != nil {
		return nil, err
	}
	dialOpts := []grpc.DialOption{}
	if tlsConfig != nil {
		dialOpts = append(dialOpts, grpc.WithTransportCredentials(credentials.NewTLS(tlsConfig)))
	} else {
		dialOpts = append(dialOpts, grpc.WithTransportCredentials(insecure.NewCredentials()))
	}
	if token != "" {
		dialOpts = append(dialOpts, grpc.WithPerRPCCredentials(tokenCredentials{
			token:      token,
			requireTLS: tlsConfig != nil,
		}))
	}
	if o.defaultTimeout > 0 {
		dialOpts = append(dialOpts, grpc.WithChainUnaryInterceptor(defaultDeadline(o.defaultTimeout)))
	}
	dialOpts = append(dialOpts, o.dialOptions...)

	conn, err := grpc.NewClient(address, dialOpts...)
	if err != nil {
		return nil, fmt.Errorf("pulumigateway: %w", err)
	}
	if o.connect {
		if err := waitReady(ctx, conn); err != nil {
			_ = conn.Close()
			return nil, fmt.Errorf("pulumigateway: connecting to %s: %w", address, err)
		}
	}
	services := NewServices(conn)
	return &Client{Services: services, Updates: services.StackUpdates, conn: conn}, nil
}

// Conn is the underlying gRPC connection, for stubs of other services on the same gateway (health,
// reflection).
func (c *Client) Conn() *grpc.ClientConn { return c.conn }

// Close closes the connection; calls in flight fail with CANCELED.
func (c *Client) Close() error { return c.conn.Close() }

// waitReady connects and waits until the connection is ready or ctx ends.
func waitReady(ctx context.Context, conn *grpc.ClientConn) error {
	conn.Connect()
	for {
		state := conn.GetState()
		if state == connectivity.Ready {
			return nil
		}
		if !conn.WaitForStateChange(ctx, state) {
			return ctx.Err()
		}
	}
}
