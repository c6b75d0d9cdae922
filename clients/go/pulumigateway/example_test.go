package pulumigateway_test

import (
	"context"
	"fmt"
	"log"
	"os"
	"time"

	"google.golang.org/grpc/codes"
	"google.golang.org/protobuf/proto"

	servicev1 "github.com/pulumi-grpc-gateway/clients/go/pulumi/service/v1"
	"github.com/pulumi-grpc-gateway/clients/go/pulumigateway"
)

func ExampleDial() {
	ctx := context.Background()
	client, err := pulumigateway.Dial(ctx, "localhost:50051", os.Getenv("PULUMI_ACCESS_TOKEN"),
		pulumigateway.WithDefaultTimeout(10*time.Second))
	if err != nil {
		log.Fatal(err)
	}
	defer client.Close()
	resp, err := client.Stacks.GetStack(ctx, &servicev1.GetStackRequest{
		OrgName: "acme-corp", ProjectName: "payments-api", StackName: "prod",
	})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(resp.GetStack().GetActiveUpdate(), resp.GetStack().GetVersion())
}

func ExampleAsError() {
	var client *pulumigateway.Client // from Dial
	_, err := client.Stacks.GetStack(context.Background(), &servicev1.GetStackRequest{
		OrgName: "acme-corp", ProjectName: "payments-api", StackName: "nope",
	})
	if e, ok := pulumigateway.AsError(err); ok {
		switch e.Code {
		case codes.NotFound:
			fmt.Println("no such stack; upstream said HTTP", e.HTTPStatus, "request", e.RequestID)
		case codes.ResourceExhausted:
			fmt.Println("rate limited; retry in", e.RetryDelay)
		default:
			fmt.Println(e)
		}
	}
}

func ExampleStacks() {
	var client *pulumigateway.Client // from Dial
	ctx := context.Background()
	req := &servicev1.ListStacksRequest{Organization: proto.String("acme-corp")}
	for stack, err := range pulumigateway.Stacks(ctx, client.Stacks, req) {
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println(stack.GetProjectName(), stack.GetStackName())
	}
}

func ExampleUpdateEvents() {
	var client *pulumigateway.Client // from Dial
	// Follow a running update for at most ten minutes, polling every 2 s while nothing is new.
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
	defer cancel()
	req := &servicev1.ListUpdateEventsRequest{
		OrgName: "acme-corp", ProjectName: "payments-api", StackName: "staging",
		Kind: "update", UpdateId: "a1f0c9e8-d7b6-4a5c-8e3d-2f1a0b9c8d7e",
	}
	for event, err := range pulumigateway.UpdateEvents(ctx, client.Updates, req, 2*time.Second) {
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println(event.GetTimestamp(), event.GetType())
	}
}
