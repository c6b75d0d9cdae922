// Package testsystem starts the real system for the client's tests: the Pulumi Service emulator
// and the gateway in front of it, both on ephemeral 127.0.0.1 ports.
//
//	func TestMain(m *testing.M) {
//		sys, err := testsystem.Start()
//		if err != nil {
//			fmt.Fprintln(os.Stderr, err)
//			os.Exit(1)
//		}
//		code := m.Run()
//		sys.Stop()
//		os.Exit(code)
//	}
//
// The binaries come from $PULUMI_GATEWAY_BIN and $PULUMI_EMULATOR_BIN, by default the Bazel
// outputs <repo>/bazel-bin/gateway/pulumi_gateway and <repo>/bazel-bin/emulator/pulumi_emulator.
// This package never builds them.
package testsystem

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"time"
)

// Demo tokens of the emulator's bundled seed (fake, not in Pulumi's token format).
const (
	// JdoeToken is jdoe's: admin of acme-corp, member of globex; sees all 14 stacks.
	JdoeToken = "pul-demo-jdoe-7f3a9c2e41b85d60f1e2a3b4c5d6e7f8"
	// EveToken is eve's: member of globex only, PERMISSION_DENIED on acme-corp.
	EveToken = "pul-demo-eve-4f5e6d7c8b9a0f1e2d3c4b5a69788796"
)

const (
	startTimeout = 20 * time.Second
	stopTimeout  = 15 * time.Second
)

// System is a running emulator and gateway.
type System struct {
	// GatewayAddr is the gateway's gRPC address, "127.0.0.1:PORT".
	GatewayAddr string
	// EmulatorAddr is the emulator's HTTP address, "127.0.0.1:PORT" (REST API and /_emulator admin).
	EmulatorAddr string

	emulator *process
	gateway  *process
}

// Start starts the emulator, then the gateway pointed at it, and returns once both listen.
func Start() (*System, error) {
	root, err := RepoRoot()
	if err != nil {
		return nil, err
	}
	emulatorBin, err := binary("PULUMI_EMULATOR_BIN", filepath.Join(root, "bazel-bin/emulator/pulumi_emulator"))
	if err != nil {
		return nil, err
	}
	gatewayBin, err := binary("PULUMI_GATEWAY_BIN", filepath.Join(root, "bazel-bin/gateway/pulumi_gateway"))
	if err != nil {
		return nil, err
	}

	s := &System{}
	s.emulator, s.EmulatorAddr, err = startProcess(emulatorBin, "--listen=127.0.0.1:0")
	if err != nil {
		return nil, fmt.Errorf("starting the emulator: %w", err)
	}
	s.gateway, s.GatewayAddr, err = startProcess(gatewayBin,
		"--listen=127.0.0.1:0", "--metrics_listen=", "--log_level=warning",
		// The suite injects a 429 and goes on with the same token: no 5 s pause for it.
		"--throttle_max_pause=0",
		"--upstream=http://"+s.EmulatorAddr)
	if err != nil {
		s.emulator.stop()
		return nil, fmt.Errorf("starting the gateway: %w", err)
	}
	return s, nil
}

// Stop sends SIGTERM to the gateway, then the emulator, and waits for both (SIGKILL after
// 15 s). It reports a process that did not exit cleanly on stderr.
func (s *System) Stop() {
	for _, p := range []*process{s.gateway, s.emulator} {
		if err := p.stop(); err != nil {
			fmt.Fprintf(os.Stderr, "testsystem: %s: %v\n%s", p.name, err, p.output())
		}
	}
}

// Admin calls the emulator's admin API (`/_emulator/...`, see emulator/README.md), for example
// Admin(ctx, "POST", "/_emulator/faults", `{"kind":"status","status":503,"count":1}`). It returns
// the response body and fails on a non-2xx status.
func (s *System) Admin(ctx context.Context, method, path, body string) ([]byte, error) {
	req, err := http.NewRequestWithContext(ctx, method, "http://"+s.EmulatorAddr+path, strings.NewReader(body))
	if err != nil {
		return nil, err
	}
	req.Header.Set("Content-Type", "application/json")
	// An idle keep-alive connection would hold up the emulator's shutdown for its 5 s timeout.
	req.Close = true
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	out, err := io.ReadAll(resp.Body)
	if err != nil {
		return nil, err
	}
	if resp.StatusCode/100 != 2 {
		return out, fmt.Errorf("%s %s: HTTP %d: %s", method, path, resp.StatusCode, out)
	}
	return out, nil
}

// RepoRoot is the repository root: the nearest folder above the working directory that holds
// clients/go/go.mod.
func RepoRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "clients", "go", "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("testsystem: no repository root (a folder with clients/go/go.mod) above the working directory")
		}
		dir = parent
	}
}

func binary(envVar, fallback string) (string, error) {
	path := os.Getenv(envVar)
	if path == "" {
		path = fallback
	}
	info, err := os.Stat(path)
	if err != nil || info.IsDir() || info.Mode()&0o111 == 0 {
		return "", fmt.Errorf("testsystem: %s is not an executable file (set %s, or build it with "+
			"`bazel build //gateway:pulumi_gateway //emulator:pulumi_emulator`)", path, envVar)
	}
	return path, nil
}

// process is a child whose stderr is read until it announces its address, then kept for
// diagnostics.
type process struct {
	name string
	cmd  *exec.Cmd
	done chan struct{} // closed when stderr hit EOF
	mu   sync.Mutex
	log  bytes.Buffer
}

func startProcess(bin string, args ...string) (*process, string, error) {
	p := &process{name: filepath.Base(bin), cmd: exec.Command(bin, args...), done: make(chan struct{})}
	// Dies with the test binary even if TestMain never gets to Stop (a panic, a test timeout).
	p.cmd.SysProcAttr = &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
	stderr, err := p.cmd.StderrPipe()
	if err != nil {
		return nil, "", err
	}
	if err := p.cmd.Start(); err != nil {
		return nil, "", err
	}
	addr := make(chan string, 1)
	go func() {
		defer close(p.done)
		scanner := bufio.NewScanner(stderr)
		scanner.Buffer(make([]byte, 64*1024), 1024*1024)
		found := false
		for scanner.Scan() {
			line := scanner.Text()
			if !found {
				if rest, ok := strings.CutPrefix(line, "listening on "); ok {
					found = true
					addr <- strings.TrimSpace(rest)
					continue
				}
			}
			p.mu.Lock()
			if p.log.Len() < 1<<20 {
				p.log.WriteString(line + "\n")
			}
			p.mu.Unlock()
		}
	}()
	select {
	case a := <-addr:
		return p, a, nil
	case <-p.done:
		_ = p.cmd.Wait()
		return nil, "", fmt.Errorf("%s exited before listening (%v):\n%s", p.name, p.cmd.ProcessState, p.output())
	case <-time.After(startTimeout):
		_ = p.cmd.Process.Kill()
		_ = p.cmd.Wait()
		return nil, "", fmt.Errorf("%s did not print `listening on` within %v:\n%s", p.name, startTimeout, p.output())
	}
}

func (p *process) output() string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.log.String()
}

func (p *process) stop() error {
	if err := p.cmd.Process.Signal(syscall.SIGTERM); err != nil {
		return err
	}
	exited := make(chan error, 1)
	go func() {
		<-p.done
		exited <- p.cmd.Wait()
	}()
	select {
	case err := <-exited:
		return err
	case <-time.After(stopTimeout):
		_ = p.cmd.Process.Kill()
		<-exited
		return fmt.Errorf("did not exit within %v of SIGTERM; killed", stopTimeout)
	}
}
