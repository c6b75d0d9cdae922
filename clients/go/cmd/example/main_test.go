package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/pulumi-grpc-gateway/clients/go/internal/testsystem"
)

var sys *testsystem.System

func TestMain(m *testing.M) {
	var err error
	sys, err = testsystem.Start()
	if err != nil {
		fmt.Fprintln(os.Stderr, "example tests:", err)
		os.Exit(1)
	}
	code := m.Run()
	sys.Stop()
	os.Exit(code)
}

// runExample runs the program with args and the environment env, and returns its output.
func runExample(t *testing.T, env map[string]string, args ...string) (string, error) {
	t.Helper()
	ctx, cancel := context.WithTimeout(t.Context(), 30*time.Second)
	defer cancel()
	var out bytes.Buffer
	err := run(ctx, args, func(key string) string { return env[key] }, &out)
	return out.String(), err
}

func TestExamplePrintsStacksAndEvents(t *testing.T) {
	out, err := runExample(t, map[string]string{
		"PULUMI_ACCESS_TOKEN":    testsystem.JdoeToken,
		"PULUMI_GATEWAY_ADDRESS": sys.GatewayAddr,
	})
	if err != nil {
		t.Fatalf("run: %v\n%s", err, out)
	}
	for _, want := range []string{
		"Stacks of acme-corp:\n",
		"acme-corp/payments-api/prod ",
		"acme-corp/web-frontend/staging ",
		"12 stacks\n",
		// auth-service/dev comes first and its latest update is a destroy with 4 events.
		"Events of destroy 2 of acme-corp/auth-service/dev (6740fd35-4e8d-55a7-8345-77f2851a4c99, succeeded):\n",
		"summaryEvent       result succeeded\n",
		"4 events\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	if !regexp.MustCompile(`\n  acme-corp/data-pipeline/dev +0 resources, never updated\n`).MatchString(out) {
		t.Errorf("output lacks the never-updated stack:\n%s", out)
	}
	if strings.Contains(out, "globex/") {
		t.Errorf("output lists a stack of another organization:\n%s", out)
	}
}

func TestExampleFlagsOverrideEnvironment(t *testing.T) {
	out, err := runExample(t, map[string]string{
		"PULUMI_ACCESS_TOKEN":    testsystem.JdoeToken,
		"PULUMI_GATEWAY_ADDRESS": "127.0.0.1:1", // nothing listens there; the flag wins
	}, "-address", sys.GatewayAddr, "-org", "globex")
	if err != nil {
		t.Fatalf("run: %v\n%s", err, out)
	}
	if !strings.Contains(out, "Stacks of globex:\n") || !strings.Contains(out, "globex/inventory/prod") ||
		!strings.Contains(out, "2 stacks\n") {
		t.Errorf("unexpected output:\n%s", out)
	}
}

func TestExampleReportsDecodedError(t *testing.T) {
	out, err := runExample(t, map[string]string{"PULUMI_ACCESS_TOKEN": "pul-demo-nobody-0"},
		"-address", sys.GatewayAddr)
	if err == nil {
		t.Fatalf("run succeeded with an unknown token:\n%s", out)
	}
	for _, want := range []string{"listing stacks: Unauthenticated: ", "request_id="} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q lacks %q", err, want)
		}
	}
}

func TestExampleNeedsToken(t *testing.T) {
	_, err := runExample(t, map[string]string{}, "-address", sys.GatewayAddr)
	if err == nil || !strings.Contains(err.Error(), "PULUMI_ACCESS_TOKEN") {
		t.Errorf("err = %v, want a hint about PULUMI_ACCESS_TOKEN", err)
	}
}
