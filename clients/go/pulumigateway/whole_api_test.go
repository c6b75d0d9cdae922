package pulumigateway_test

import (
	"errors"
	"fmt"
	"io"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"google.golang.org/grpc/codes"
	"google.golang.org/protobuf/proto"
	"google.golang.org/protobuf/reflect/protoreflect"
	"google.golang.org/protobuf/reflect/protoregistry"

	"github.com/pulumi-grpc-gateway/clients/go/internal/testsystem"
	servicev1 "github.com/pulumi-grpc-gateway/clients/go/pulumi/service/v1"
	"github.com/pulumi-grpc-gateway/clients/go/pulumigateway"
)

// Every service of the generated descriptors is a non-nil field of the client.
func TestClientHasEveryService(t *testing.T) {
	client := dialGateway(t, testsystem.JdoeToken)
	var want []string
	protoregistry.GlobalFiles.RangeFilesByPackage("pulumi.service.v1", func(file protoreflect.FileDescriptor) bool {
		for i := 0; i < file.Services().Len(); i++ {
			want = append(want, string(file.Services().Get(i).FullName()))
		}
		return true
	})
	slices.Sort(want)
	if len(want) < 29 || !slices.Equal(want, pulumigateway.ServiceNames) {
		t.Fatalf("ServiceNames = %v, want the %d services of the descriptors %v", pulumigateway.ServiceNames, len(want), want)
	}
	services := reflect.ValueOf(client.Services)
	if services.NumField() != len(want) {
		t.Errorf("Services has %d fields, want %d", services.NumField(), len(want))
	}
	for i := 0; i < services.NumField(); i++ {
		if services.Field(i).IsNil() {
			t.Errorf("client.%s is nil", services.Type().Field(i).Name)
		}
	}
	if client.Updates != client.StackUpdates {
		t.Error("client.Updates is not client.StackUpdates")
	}
}

func TestPagedMethodsAreTheListsWithAToken(t *testing.T) {
	for _, want := range []string{
		"pulumi.service.v1.StacksService/ListStacks",
		"pulumi.service.v1.OrganizationsService/ListMembers",
		"pulumi.service.v1.AccessTokensService/ListPersonalTokens",
		"pulumi.service.v1.PolicyResultsService/GetPolicyComplianceResults",
		"pulumi.service.v1.StackUpdatesService/ListUpdateEvents",
	} {
		if !slices.Contains(pulumigateway.PagedMethods, want) {
			t.Errorf("PagedMethods lacks %s", want)
		}
	}
	for _, unwanted := range []string{
		"pulumi.service.v1.StackUpdatesService/ListUpdates", // numbered pages
		"pulumi.service.v1.WebhooksService/ListStackWebhooks",
	} {
		if slices.Contains(pulumigateway.PagedMethods, unwanted) {
			t.Errorf("PagedMethods has %s, which has no continuation token", unwanted)
		}
	}
}

var prodStack = struct{ org, project, stack string }{"acme-corp", "payments-api", "prod"}

func TestNewServiceCallAndItsDecodedError(t *testing.T) {
	ctx := testContext(t)
	client := dialGateway(t, testsystem.JdoeToken)
	display := fmt.Sprintf("Go hook %d", time.Now().UnixNano())
	created, err := client.Webhooks.CreateStackWebhook(ctx, &servicev1.CreateStackWebhookRequest{
		OrgName: prodStack.org, ProjectName: prodStack.project, StackName: prodStack.stack,
		Body: &servicev1.Webhook{
			OrganizationName: prodStack.org,
			DisplayName:      display,
			PayloadUrl:       "https://hooks.example.com/pulumi",
			Active:           proto.Bool(true),
		},
	})
	if err != nil {
		t.Fatalf("CreateStackWebhook: %v", err)
	}
	if created.GetWebhook().GetDisplayName() != display || created.GetWebhook().GetName() == "" {
		t.Fatalf("created %v, want display name %q and a name", created.GetWebhook(), display)
	}
	got, err := client.Webhooks.GetStackWebhook(ctx, &servicev1.GetStackWebhookRequest{
		OrgName: prodStack.org, ProjectName: prodStack.project, StackName: prodStack.stack,
		HookName: created.GetWebhook().GetName(),
	})
	if err != nil || got.GetWebhook().GetPayloadUrl() != "https://hooks.example.com/pulumi" {
		t.Fatalf("GetStackWebhook = %v, %v", got, err)
	}

	_, err = client.Webhooks.GetStackWebhook(ctx, &servicev1.GetStackWebhookRequest{
		OrgName: prodStack.org, ProjectName: prodStack.project, StackName: prodStack.stack,
		HookName: "no-such-hook",
	})
	e, ok := pulumigateway.AsError(err)
	if !ok || e.Code != codes.NotFound || e.HTTPStatus != 404 || e.Reason != "HTTP_404" || e.RequestID == "" {
		t.Fatalf("error = %+v (%v), want NotFound, HTTP 404, reason HTTP_404, a request id", e, err)
	}
}

func TestGeneratedPagerWalksEveryPageOfANewList(t *testing.T) {
	ctx := testContext(t)
	var calls callCounter
	client := dialGateway(t, testsystem.JdoeToken, calls.option())
	tag := fmt.Sprintf("gopager%d", time.Now().UnixNano())
	var want []string
	for i := range 3 {
		description := fmt.Sprintf("%s %d", tag, i)
		created, err := client.AccessTokens.CreatePersonalToken(ctx, &servicev1.CreatePersonalTokenRequest{
			Body: &servicev1.CreatePersonalAccessTokenRequest{Description: description, Expires: proto.Int64(0)},
		})
		if err != nil {
			t.Fatalf("CreatePersonalToken: %v", err)
		}
		want = append(want, description)
		t.Cleanup(func() {
			_, _ = client.AccessTokens.DeletePersonalToken(ctx, &servicev1.DeletePersonalTokenRequest{TokenId: created.GetId()})
		})
	}

	req := &servicev1.ListPersonalTokensRequest{Filter: proto.String(tag), MaxResults: proto.Int64(1)}
	var got []string
	for token, err := range pulumigateway.ListPersonalTokensItems(ctx, client.AccessTokens, req) {
		if err != nil {
			t.Fatalf("ListPersonalTokensItems: %v", err)
		}
		got = append(got, token.GetDescription())
	}
	slices.Sort(got)
	if !slices.Equal(got, want) {
		t.Errorf("tokens %v, want %v", got, want)
	}
	if n := calls.get("ListPersonalTokens"); n < 3 {
		t.Errorf("ListPersonalTokens called %d times, want a page per token (>= 3)", n)
	}
	if req.ContinuationToken != nil {
		t.Error("the pager modified the caller's request")
	}

	pages := 0
	for page, err := range pulumigateway.ListPersonalTokensPages(ctx, client.AccessTokens, req) {
		if err != nil {
			t.Fatalf("ListPersonalTokensPages: %v", err)
		}
		if len(page.GetTokens()) > 1 {
			t.Errorf("a page of %d tokens, want at most 1", len(page.GetTokens()))
		}
		pages++
	}
	if pages < 3 {
		t.Errorf("%d pages, want >= 3", pages)
	}
}

func TestStreamsReachEveryItem(t *testing.T) {
	ctx := testContext(t)
	client := dialGateway(t, testsystem.JdoeToken)
	stream, err := client.Stacks.StreamStacks(ctx, &servicev1.StreamStacksRequest{})
	if err != nil {
		t.Fatalf("StreamStacks: %v", err)
	}
	var streamed []string
	for {
		message, err := stream.Recv()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatalf("StreamStacks.Recv: %v", err)
		}
		streamed = append(streamed, message.GetStack().GetStackName())
	}
	var listed []string
	for stack, err := range pulumigateway.ListStacksItems(ctx, client.Stacks, nil) {
		if err != nil {
			t.Fatalf("ListStacksItems: %v", err)
		}
		listed = append(listed, stack.GetStackName())
	}
	if len(streamed) != 14 || !slices.Equal(streamed, listed) {
		t.Errorf("streamed %v, listed %v", streamed, listed)
	}

	members, err := client.Organizations.StreamMembers(ctx, &servicev1.StreamMembersRequest{OrgName: "no-such-org"})
	if err != nil {
		t.Fatalf("StreamMembers: %v", err)
	}
	_, err = members.Recv()
	e, ok := pulumigateway.AsError(err)
	if !ok || (e.HTTPStatus != 403 && e.HTTPStatus != 404) || !strings.HasPrefix(e.Reason, "HTTP_4") {
		t.Fatalf("stream error = %+v (%v), want a decoded 403 or 404", e, err)
	}
}
