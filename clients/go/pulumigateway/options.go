package pulumigateway

import (
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"os"
	"time"

	"google.golang.org/grpc"
)

// DefaultTimeout is the deadline [Dial] gives calls whose context has none.
const DefaultTimeout = 30 * time.Second

// Option configures [Dial].
type Option func(*options)

type options struct {
	defaultTimeout time.Duration
	tls            tlsOptions
	connect        bool
	dialOptions    []grpc.DialOption
}

func defaultOptions() options {
	return options{defaultTimeout: DefaultTimeout}
}

// WithDefaultTimeout sets the deadline of calls whose context has none; a context that already
// has a deadline keeps it, shorter or longer. Zero or less: no default deadline. Default
// [DefaultTimeout] (30 s), like the gateway's own upstream default.
func WithDefaultTimeout(d time.Duration) Option {
	return func(o *options) { o.defaultTimeout = d }
}

// WithTLS turns TLS on, verifying the gateway against the system roots (unless [WithCAFile] or
// [WithTLSConfig] says otherwise). Default: plaintext, as the gateway serves inside a cluster or a
// mesh that adds its own mTLS.
func WithTLS() Option {
	return func(o *options) { o.tls.enabled = true }
}

// WithCAFile turns TLS on and verifies the gateway against the PEM CA certificates in path
// instead of the system roots. Default: the system roots.
func WithCAFile(path string) Option {
	return func(o *options) {
		o.tls.enabled = true
		o.tls.caFile = path
	}
}

// WithClientCert turns TLS on and presents the PEM certificate and key in certFile and keyFile to
// the server (mutual TLS). Default: no client certificate.
func WithClientCert(certFile, keyFile string) Option {
	return func(o *options) {
		o.tls.enabled = true
		o.tls.certFile = certFile
		o.tls.keyFile = keyFile
	}
}

// WithTLSConfig turns TLS on with a base configuration (server name, cipher suites, ...); CA and
// client certificate files given with the other options are added to a copy of it. Default: a
// zero tls.Config with TLS 1.2 as the minimum version.
func WithTLSConfig(cfg *tls.Config) Option {
	return func(o *options) {
		o.tls.enabled = true
		o.tls.base = cfg
	}
}

// WithConnect makes [Dial] connect before it returns and fail if the gateway is not reachable
// before its context ends. Default: the connection is opened at the first call.
func WithConnect() Option {
	return func(o *options) { o.connect = true }
}

// WithDialOptions appends raw gRPC dial options (interceptors, keepalive, a custom dialer),
// applied after the ones Dial builds. Default: none.
func WithDialOptions(opts ...grpc.DialOption) Option {
	return func(o *options) { o.dialOptions = append(o.dialOptions, opts...) }
}

type tlsOptions struct {
	enabled  bool
	caFile   string
	certFile string
	keyFile  string
	base     *tls.Config
}

// config builds the TLS configuration, or nil for plaintext.
func (t tlsOptions) config() (*tls.Config, error) {
	if !t.enabled {
		return nil, nil
	}
	cfg := &tls.Config{MinVersion: tls.VersionTLS12}
	if t.base != nil {
		cfg = t.base.Clone()
	}
	if t.caFile != "" {
		pem, err := os.ReadFile(t.caFile)
		if err != nil {
			return nil, fmt.Errorf("pulumigateway: reading CA file: %w", err)
		}
		pool := x509.NewCertPool()
		if !pool.AppendCertsFromPEM(pem) {
			return nil, fmt.Errorf("pulumigateway: no PEM certificate in CA file %s", t.caFile)
		}
		cfg.RootCAs = pool
	}
	if (t.certFile == "") != (t.keyFile == "") {
		return nil, errors.New("pulumigateway: client certificate and key must be given together")
	}
	if t.certFile != "" {
		cert, err := tls.LoadX509KeyPair(t.certFile, t.keyFile)
		if err != nil {
			return nil, fmt.Errorf("pulumigateway: loading client certificate: %w", err)
		}
		cfg.Certificates = append(cfg.Certificates, cert)
	}
	return cfg, nil
}
