// Command example lists the stacks of an organization through the Pulumi gRPC gateway, then
// prints the engine events of the latest update of the first stack that has one (following the
// update until it finishes if it is still running).
//
//	go run ./cmd/example                                  # localhost:50051, acme-corp
//	go run ./cmd/example -address gw:50051 -org my-org    # token from $PULUMI_ACCESS_TOKEN
//
// Flags override the environment: -address ($PULUMI_GATEWAY_ADDRESS, default localhost:50051),
// -token ($PULUMI_ACCESS_TOKEN), -org ($PULUMI_ORG, default acme-corp), and -tls,
// -ca, -cert, -key for a gateway behind TLS.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"

	"google.golang.org/grpc/codes"
	"google.golang.org/protobuf/proto"
	"google.golang.org/protobuf/types/known/structpb"

	servicev1 "github.com/pulumi-grpc-gateway/clients/go/pulumi/service/v1"
	"github.com/pulumi-grpc-gateway/clients/go/pulumigateway"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	err := run(ctx, os.Args[1:], os.Getenv, os.Stdout)
	if errors.Is(err, flag.ErrHelp) {
		return
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "example:", err)
		os.Exit(1)
	}
}

// run is the whole program, with its inputs and output passed in so tests can call it.
func run(ctx context.Context, args []string, getenv func(string) string, out io.Writer) error {
	flags := flag.NewFlagSet("example", flag.ContinueOnError)
	flags.SetOutput(out)
	address := flags.String("address", envOr(getenv, "PULUMI_GATEWAY_ADDRESS", "localhost:50051"),
		"gateway address host:port")
	token := flags.String("token", getenv("PULUMI_ACCESS_TOKEN"), "Pulumi access token")
	org := flags.String("org", envOr(getenv, "PULUMI_ORG", "acme-corp"), "organization")
	useTLS := flags.Bool("tls", false, "connect with TLS (system roots unless -ca)")
	caFile := flags.String("ca", "", "PEM CA file to verify the gateway (implies -tls)")
	certFile := flags.String("cert", "", "PEM client certificate for mutual TLS (implies -tls)")
	keyFile := flags.String("key", "", "PEM key of -cert")
	if err := flags.Parse(args); err != nil {
		return err
	}
	if *token == "" {
		return errors.New("no token: set PULUMI_ACCESS_TOKEN or pass -token")
	}

	var opts []pulumigateway.Option
	if *useTLS {
		opts = append(opts, pulumigateway.WithTLS())
	}
	if *caFile != "" {
		opts = append(opts, pulumigateway.WithCAFile(*caFile))
	}
	if *certFile != "" || *keyFile != "" {
		opts = append(opts, pulumigateway.WithClientCert(*certFile, *keyFile))
	}
	client, err := pulumigateway.Dial(ctx, *address, *token, opts...)
	if err != nil {
		return err
	}
	defer client.Close()

	fmt.Fprintf(out, "Stacks of %s:\n", *org)
	var stacks []*servicev1.StackSummary
	for stack, err := range pulumigateway.Stacks(ctx, client.Stacks,
		&servicev1.ListStacksRequest{Organization: proto.String(*org)}) {
		if err != nil {
			return describe("listing stacks", err)
		}
		stacks = append(stacks, stack)
		last := "never updated"
		if stack.GetLastUpdate() > 0 {
			last = "last update " + formatTime(stack.GetLastUpdate())
		}
		fmt.Fprintf(out, "  %-40s %3d resources, %s\n", stackName(stack), stack.GetResourceCount(), last)
	}
	fmt.Fprintf(out, "%d stacks\n", len(stacks))

	for _, stack := range stacks {
		latest, err := client.Updates.GetLatestUpdate(ctx, &servicev1.GetLatestUpdateRequest{
			OrgName: stack.GetOrgName(), ProjectName: stack.GetProjectName(), StackName: stack.GetStackName(),
		})
		if e, ok := pulumigateway.AsError(err); ok && e.Code == codes.NotFound {
			continue // never updated
		}
		if err != nil {
			return describe("reading the latest update", err)
		}
		return printEvents(ctx, out, client, stack, latest.GetUpdate())
	}
	fmt.Fprintln(out, "No stack has an update.")
	return nil
}

func printEvents(ctx context.Context, out io.Writer, client *pulumigateway.Client,
	stack *servicev1.StackSummary, update *servicev1.StackUpdate) error {
	info := update.GetInfo()
	fmt.Fprintf(out, "\nEvents of %s %d of %s (%s, %s):\n", info.GetKind(), update.GetVersion(),
		stackName(stack), update.GetUpdateId(), info.GetResult())
	// WatchUpdateEvents: the gateway polls the update for us and streams each event once, live
	// while the update runs; the stream ends when the update has finished.
	stream, err := client.Updates.WatchUpdateEvents(ctx, &servicev1.WatchUpdateEventsRequest{
		OrgName: stack.GetOrgName(), ProjectName: stack.GetProjectName(), StackName: stack.GetStackName(),
		Kind: info.GetKind(), UpdateId: update.GetUpdateId(),
	})
	if err != nil {
		return describe("watching update events", err)
	}
	n := 0
	for {
		msg, err := stream.Recv()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return describe("reading update events", err)
		}
		event := msg.GetEvent()
		n++
		fmt.Fprintf(out, "  %s  %-18s %s\n", formatTime(event.GetTimestamp()), event.GetType(), eventDetail(event))
	}
	fmt.Fprintf(out, "%d events\n", n)
	return nil
}

// eventDetail is a short description of the event's payload.
func eventDetail(e *servicev1.EngineEvent) string {
	switch {
	case e.GetDiagnosticEvent() != nil:
		f := e.GetDiagnosticEvent().GetFields()
		return f["severity"].GetStringValue() + ": " + oneLine(f["message"].GetStringValue())
	case e.GetStdoutEvent() != nil:
		return oneLine(e.GetStdoutEvent().GetFields()["message"].GetStringValue())
	case e.GetResourcePreEvent() != nil:
		return stepDetail(e.GetResourcePreEvent().GetFields()["metadata"].GetStructValue().GetFields())
	case e.GetResOutputsEvent() != nil:
		return stepDetail(e.GetResOutputsEvent().GetFields()["metadata"].GetStructValue().GetFields())
	case e.GetSummaryEvent() != nil:
		return "result " + e.GetSummaryEvent().GetFields()["result"].GetStringValue()
	case e.GetPolicyEvent() != nil:
		f := e.GetPolicyEvent().GetFields()
		return f["policyName"].GetStringValue() + ": " + oneLine(f["message"].GetStringValue())
	}
	return ""
}

// oneLine collapses a multi-line console message.
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

func stepDetail(metadata map[string]*structpb.Value) string {
	return metadata["op"].GetStringValue() + " " + metadata["urn"].GetStringValue()
}

// describe adds what was being done to an error, with the decoded gateway details.
func describe(doing string, err error) error {
	e, ok := pulumigateway.AsError(err)
	if !ok {
		return fmt.Errorf("%s: %w", doing, err)
	}
	if e.RetryDelay > 0 {
		return fmt.Errorf("%s: %w (the service asks to retry in %v)", doing, e, e.RetryDelay)
	}
	return fmt.Errorf("%s: %w", doing, e)
}

func stackName(s *servicev1.StackSummary) string {
	return s.GetOrgName() + "/" + s.GetProjectName() + "/" + s.GetStackName()
}

func formatTime(unix int64) string {
	return time.Unix(unix, 0).UTC().Format(time.RFC3339)
}

func envOr(getenv func(string) string, key, fallback string) string {
	if v := getenv(key); v != "" {
		return v
	}
	return fallback
}
