package pulumigateway_test

import (
	"context"
	"encoding/json"
	"io"
	"slices"
	"strings"
	"testing"
	"time"

	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
	"google.golang.org/protobuf/proto"

	"github.com/pulumi-grpc-gateway/clients/go/internal/testsystem"
	servicev1 "github.com/pulumi-grpc-gateway/clients/go/pulumi/service/v1"
	"github.com/pulumi-grpc-gateway/clients/go/pulumigateway"
)

const (
	prodUpdateID = "3b9e4f1a-6c2d-4e8f-a0b1-c2d3e4f5a6b7"
)

func TestStacksIteratesEveryPage(t *testing.T) {
	var calls callCounter
	client := dialGateway(t, testsystem.JdoeToken, calls.option())

	seen := map[string]bool{}
	for stack, err := range pulumigateway.Stacks(testContext(t), client.Stacks, nil) {
		if err != nil {
			t.Fatalf("Stacks: %v", err)
		}
		name := stack.GetOrgName() + "/" + stack.GetProjectName() + "/" + stack.GetStackName()
		if seen[name] {
			t.Errorf("stack %s listed twice", name)
		}
		seen[name] = true
	}
	if len(seen) != 14 {
		t.Errorf("got %d stacks, want 14: %v", len(seen), seen)
	}
	for _, want := range []string{"acme-corp/payments-api/prod", "acme-corp/payments-api/staging", "globex/inventory/dev"} {
		if !seen[want] {
			t.Errorf("stack %s missing from %v", want, seen)
		}
	}
	if got := calls.get("ListStacks"); got != 2 {
		t.Errorf("ListStacks called %d times, want 2 pages", got)
	}
}

func TestStacksFiltersByOrganization(t *testing.T) {
	client := dialGateway(t, testsystem.JdoeToken)
	req := &servicev1.ListStacksRequest{Organization: proto.String("acme-corp")}
	n := 0
	for stack, err := range pulumigateway.Stacks(testContext(t), client.Stacks, req) {
		if err != nil {
			t.Fatalf("Stacks: %v", err)
		}
		if stack.GetOrgName() != "acme-corp" {
			t.Errorf("stack %s/%s is not in acme-corp", stack.GetOrgName(), stack.GetStackName())
		}
		n++
	}
	if n != 12 {
		t.Errorf("got %d acme-corp stacks, want 12", n)
	}
	if req.ContinuationToken != nil {
		t.Errorf("the iterator modified the caller's request: token %q", req.GetContinuationToken())
	}
}

func TestStacksBreakFetchesNoFurtherPage(t *testing.T) {
	var calls callCounter
	client := dialGateway(t, testsystem.JdoeToken, calls.option())
	n := 0
	for _, err := range pulumigateway.Stacks(testContext(t), client.Stacks, nil) {
		if err != nil {
			t.Fatalf("Stacks: %v", err)
		}
		n++
		if n == 3 {
			break
		}
	}
	if got := calls.get("ListStacks"); got != 1 {
		t.Errorf("ListStacks called %d times after a break on the first page, want 1", got)
	}
}

func TestGetStackFields(t *testing.T) {
	client := dialGateway(t, testsystem.JdoeToken)
	resp, err := client.Stacks.GetStack(testContext(t), &servicev1.GetStackRequest{
		OrgName: "acme-corp", ProjectName: "payments-api", StackName: "prod",
	})
	if err != nil {
		t.Fatalf("GetStack: %v", err)
	}
	s := resp.GetStack()
	if s.GetId() != "5f0d2c7e-8a1b-4c3d-9e2f-0a1b2c3d4e5f" {
		t.Errorf("id = %q", s.GetId())
	}
	if s.GetOrgName() != "acme-corp" || s.GetProjectName() != "payments-api" || s.GetStackName() != "prod" {
		t.Errorf("name = %s/%s/%s", s.GetOrgName(), s.GetProjectName(), s.GetStackName())
	}
	if s.GetActiveUpdate() != prodUpdateID {
		t.Errorf("active_update = %q, want %q", s.GetActiveUpdate(), prodUpdateID)
	}
	if s.GetVersion() != 42 {
		t.Errorf("version = %d, want 42", s.GetVersion())
	}
	if s.GetCurrentOperation() != nil {
		t.Errorf("current_operation = %v, want unset (idle stack)", s.GetCurrentOperation())
	}
	if s.GetConfig().GetEnvironment() != "payments-api/prod" {
		t.Errorf("config.environment = %q", s.GetConfig().GetEnvironment())
	}
	for k, v := range map[string]string{"env": "prod", "team": "payments", "pulumi:project": "payments-api"} {
		if s.GetTags()[k] != v {
			t.Errorf("tag %s = %q, want %q", k, s.GetTags()[k], v)
		}
	}
}

func TestGetStackRunningOperation(t *testing.T) {
	client := dialGateway(t, testsystem.JdoeToken)
	resp, err := client.Stacks.GetStack(testContext(t), &servicev1.GetStackRequest{
		OrgName: "acme-corp", ProjectName: "payments-api", StackName: "staging",
	})
	if err != nil {
		t.Fatalf("GetStack: %v", err)
	}
	op := resp.GetStack().GetCurrentOperation()
	if op.GetKind() != "update" || op.GetAuthor() != "tokafor" {
		t.Errorf("current_operation = %v, want kind update by tokafor", op)
	}
}

func TestNotFoundDecodesErrorInfo(t *testing.T) {
	client := dialGateway(t, testsystem.JdoeToken)
	_, err := client.Stacks.GetStack(testContext(t), &servicev1.GetStackRequest{
		OrgName: "acme-corp", ProjectName: "payments-api", StackName: "does-not-exist",
	})
	if status.Code(err) != codes.NotFound {
		t.Fatalf("code = %v (%v), want NotFound", status.Code(err), err)
	}
	e, ok := pulumigateway.AsError(err)
	if !ok {
		t.Fatalf("AsError(%v) = false", err)
	}
	if e.Code != codes.NotFound || e.HTTPStatus != 404 || e.Metadata["http_status"] != "404" {
		t.Errorf("code %v, http status %d / %q; want NotFound, 404", e.Code, e.HTTPStatus, e.Metadata["http_status"])
	}
	if e.Reason != "HTTP_404" {
		t.Errorf("reason = %q, want HTTP_404", e.Reason)
	}
	if !strings.Contains(e.Message, "acme-corp/payments-api/does-not-exist") {
		t.Errorf("message %q does not name the stack", e.Message)
	}
	if e.RequestID == "" || e.GatewayRequestID == "" {
		t.Errorf("request ids missing: upstream %q, gateway %q", e.RequestID, e.GatewayRequestID)
	}
	if e.RetryDelay != 0 {
		t.Errorf("retry delay = %v on a 404, want 0", e.RetryDelay)
	}
	if !strings.Contains(e.Error(), "request_id="+e.RequestID) {
		t.Errorf("Error() = %q lacks the request id", e.Error())
	}
}

func TestPermissionDeniedForOutsider(t *testing.T) {
	client := dialGateway(t, testsystem.EveToken)
	_, err := client.Stacks.GetStack(testContext(t), &servicev1.GetStackRequest{
		OrgName: "acme-corp", ProjectName: "payments-api", StackName: "prod",
	})
	e, ok := pulumigateway.AsError(err)
	if !ok || e.Code != codes.PermissionDenied {
		t.Fatalf("err = %v, want PermissionDenied", err)
	}
	if e.HTTPStatus != 403 || !strings.Contains(e.Message, "eve") {
		t.Errorf("http status %d, message %q; want 403 naming eve", e.HTTPStatus, e.Message)
	}
}

func TestUnauthenticatedWithoutToken(t *testing.T) {
	client := dialGateway(t, "")
	_, err := client.Stacks.ListStacks(testContext(t), &servicev1.ListStacksRequest{})
	e, ok := pulumigateway.AsError(err)
	if !ok || e.Code != codes.Unauthenticated {
		t.Fatalf("err = %v, want Unauthenticated", err)
	}
	if !strings.Contains(e.Message, "authorization") {
		t.Errorf("message %q does not mention the authorization metadata", e.Message)
	}
}

func TestUnauthenticatedWithUnknownToken(t *testing.T) {
	client := dialGateway(t, "pul-demo-nobody-00000000000000000000000000000000")
	_, err := client.Stacks.ListStacks(testContext(t), &servicev1.ListStacksRequest{})
	e, ok := pulumigateway.AsError(err)
	if !ok || e.Code != codes.Unauthenticated {
		t.Fatalf("err = %v, want Unauthenticated", err)
	}
	if e.HTTPStatus != 401 {
		t.Errorf("http status = %d, want 401 from the upstream", e.HTTPStatus)
	}
}

func TestRateLimitDecodesRetryInfo(t *testing.T) {
	ctx := testContext(t)
	// A 429 with Retry-After: 5 on the next tag creation. POST is not retried by the gateway, so
	// the caller sees it at once.
	if _, err := sys.Admin(ctx, "POST", "/_emulator/faults", `{"kind":"retry_after","retry_after":"5",`+
		`"method":"POST","route":"/api/stacks/acme-corp/auth-service/prod/tags","count":1}`); err != nil {
		t.Fatal(err)
	}
	client := dialGateway(t, testsystem.JdoeToken)
	_, err := client.Stacks.AddStackTag(ctx, &servicev1.AddStackTagRequest{
		OrgName: "acme-corp", ProjectName: "auth-service", StackName: "prod", Name: "owner", Value: "x",
	})
	e, ok := pulumigateway.AsError(err)
	if !ok || e.Code != codes.ResourceExhausted {
		t.Fatalf("err = %v, want ResourceExhausted", err)
	}
	if e.RetryDelay != 5*time.Second {
		t.Errorf("retry delay = %v, want 5s", e.RetryDelay)
	}
	if e.HTTPStatus != 429 || !e.Retryable() {
		t.Errorf("http status %d, retryable %v; want 429, true", e.HTTPStatus, e.Retryable())
	}
}

func TestMembersIteratesEveryPage(t *testing.T) {
	var calls callCounter
	client := dialGateway(t, testsystem.JdoeToken, calls.option())
	roles := map[string]string{}
	for m, err := range pulumigateway.Members(testContext(t), client.Organizations,
		&servicev1.ListMembersRequest{OrgName: "acme-corp"}) {
		if err != nil {
			t.Fatalf("Members: %v", err)
		}
		roles[m.GetUser().GetGithubLogin()] = m.GetRole()
	}
	if len(roles) != 7 {
		t.Errorf("got %d members, want 7: %v", len(roles), roles)
	}
	if roles["jdoe"] != "admin" || roles["rkumar"] != "member" {
		t.Errorf("roles jdoe=%q rkumar=%q, want admin, member", roles["jdoe"], roles["rkumar"])
	}
	if got := calls.get("ListMembers"); got != 2 {
		t.Errorf("ListMembers called %d times, want 2 pages", got)
	}
}

func TestMembersErrorEndsIteration(t *testing.T) {
	client := dialGateway(t, testsystem.EveToken)
	var errs []error
	items := 0
	for m, err := range pulumigateway.Members(testContext(t), client.Organizations,
		&servicev1.ListMembersRequest{OrgName: "acme-corp"}) {
		if err != nil {
			errs = append(errs, err)
			continue
		}
		if m != nil {
			items++
		}
	}
	if items != 0 || len(errs) != 1 || status.Code(errs[0]) != codes.PermissionDenied {
		t.Errorf("got %d items and errors %v, want only one PermissionDenied", items, errs)
	}
}

func TestAuditLogEventsIteratesEveryPage(t *testing.T) {
	var calls callCounter
	client := dialGateway(t, testsystem.JdoeToken, calls.option())
	var stamps []int64
	for e, err := range pulumigateway.AuditLogEvents(testContext(t), client.Organizations,
		&servicev1.ListAuditLogEventsV2Request{OrgName: "acme-corp"}) {
		if err != nil {
			t.Fatalf("AuditLogEvents: %v", err)
		}
		if e.GetEvent() == "" {
			t.Errorf("event without a type: %v", e)
		}
		stamps = append(stamps, e.GetTimestamp())
	}
	if len(stamps) != 14 {
		t.Errorf("got %d audit events, want 14", len(stamps))
	}
	if !slices.IsSortedFunc(stamps, func(a, b int64) int { return int(b - a) }) {
		t.Errorf("timestamps not newest first: %v", stamps)
	}
	if got := calls.get("ListAuditLogEventsV2"); got != 2 {
		t.Errorf("ListAuditLogEventsV2 called %d times, want 2 pages", got)
	}
}

func TestAuditLogEventsV1(t *testing.T) {
	client := dialGateway(t, testsystem.JdoeToken)
	n := 0
	for _, err := range pulumigateway.AuditLogEventsV1(testContext(t), client.Organizations,
		&servicev1.ListAuditLogEventsRequest{OrgName: "acme-corp", StartTime: proto.Int64(4102444800)}) {
		if err != nil {
			t.Fatalf("AuditLogEventsV1: %v", err)
		}
		n++
	}
	if n != 14 {
		t.Errorf("got %d audit events before 2100, want 14", n)
	}
}

func TestUpdateEventsOfFinishedUpdate(t *testing.T) {
	var calls callCounter
	client := dialGateway(t, testsystem.JdoeToken, calls.option())
	req := &servicev1.ListUpdateEventsRequest{
		OrgName: "acme-corp", ProjectName: "payments-api", StackName: "prod",
		Kind: "update", UpdateId: prodUpdateID,
	}
	var types []string
	var last int64
	for e, err := range pulumigateway.UpdateEvents(testContext(t), client.Updates, req, 10*time.Millisecond) {
		if err != nil {
			t.Fatalf("UpdateEvents: %v", err)
		}
		if e.GetTimestamp() < last {
			t.Errorf("event %s at %d before the previous one at %d", e.GetType(), e.GetTimestamp(), last)
		}
		last = e.GetTimestamp()
		types = append(types, e.GetType())
	}
	want := []string{"preludeEvent", "progressEvent", "resourcePreEvent", "diagnosticEvent",
		"policyEvent", "resOutputsEvent", "stdoutEvent", "summaryEvent", "cancelEvent"}
	if !slices.Equal(types, want) {
		t.Errorf("event types = %v, want %v", types, want)
	}
	if got := calls.get("ListUpdateEvents"); got != 1 {
		t.Errorf("ListUpdateEvents called %d times for a finished update, want 1", got)
	}
}

// startLiveUpdate starts an update on a stack through the emulator's admin API and returns its id.
func startLiveUpdate(t *testing.T, org, project, stack string, interval time.Duration, events int) string {
	t.Helper()
	body, _ := json.Marshal(map[string]any{
		"org": org, "project": project, "stack": stack, "kind": "update",
		"intervalMs": interval.Milliseconds(), "eventCount": events, "finalStatus": "succeeded",
	})
	out, err := sys.Admin(testContext(t), "POST", "/_emulator/live-updates", string(body))
	if err != nil {
		t.Fatal(err)
	}
	var started struct {
		UpdateID string `json:"updateID"`
	}
	if err := json.Unmarshal(out, &started); err != nil || started.UpdateID == "" {
		t.Fatalf("live-updates answered %s (%v)", out, err)
	}
	return started.UpdateID
}

func TestUpdateEventsFollowsRunningUpdate(t *testing.T) {
	id := startLiveUpdate(t, "acme-corp", "web-frontend", "staging", 100*time.Millisecond, 5)
	var calls callCounter
	client := dialGateway(t, testsystem.JdoeToken, calls.option())
	req := &servicev1.ListUpdateEventsRequest{
		OrgName: "acme-corp", ProjectName: "web-frontend", StackName: "staging",
		Kind: "update", UpdateId: id,
	}
	var types []string
	var summary *servicev1.EngineEvent
	for e, err := range pulumigateway.UpdateEvents(testContext(t), client.Updates, req, 20*time.Millisecond) {
		if err != nil {
			t.Fatalf("UpdateEvents: %v", err)
		}
		types = append(types, e.GetType())
		if e.GetSummaryEvent() != nil {
			summary = e
		}
	}
	if len(types) != 5 || types[0] != "preludeEvent" || types[4] != "summaryEvent" {
		t.Errorf("event types = %v, want 5 from preludeEvent to summaryEvent", types)
	}
	if got := summary.GetSummaryEvent().GetFields()["result"].GetStringValue(); got != "succeeded" {
		t.Errorf("summary result = %q, want succeeded", got)
	}
	// Events are due every 100 ms, so following the update to its end took several polls.
	if got := calls.get("ListUpdateEvents"); got < 3 {
		t.Errorf("ListUpdateEvents called %d times, want at least 3 polls", got)
	}
}

func TestUpdateEventsDeadlineWhileRunning(t *testing.T) {
	// No event is due for a minute: the iteration can only poll until its deadline.
	id := startLiveUpdate(t, "globex", "inventory", "dev", time.Minute, 2)
	client := dialGateway(t, testsystem.JdoeToken)
	req := &servicev1.ListUpdateEventsRequest{
		OrgName: "globex", ProjectName: "inventory", StackName: "dev", Kind: "update", UpdateId: id,
	}
	t.Cleanup(func() {
		_, err := client.Updates.CancelUpdate(context.Background(), &servicev1.CancelUpdateRequest{
			OrgName: "globex", ProjectName: "inventory", StackName: "dev", Kind: "update", UpdateId: id,
		})
		if err != nil {
			t.Errorf("CancelUpdate: %v", err)
		}
	})

	ctx, cancel := context.WithTimeout(testContext(t), 500*time.Millisecond)
	defer cancel()
	start := time.Now()
	var events int
	var errs []error
	for _, err := range pulumigateway.UpdateEvents(ctx, client.Updates, req, 50*time.Millisecond) {
		if err != nil {
			errs = append(errs, err)
		} else {
			events++
		}
	}
	if events != 0 || len(errs) != 1 || status.Code(errs[0]) != codes.DeadlineExceeded {
		t.Fatalf("got %d events and errors %v, want only DeadlineExceeded", events, errs)
	}
	if elapsed := time.Since(start); elapsed < 450*time.Millisecond || elapsed > 5*time.Second {
		t.Errorf("iteration ended after %v, want about the 500 ms deadline", elapsed)
	}
}

func TestWhoAmIPersonalToken(t *testing.T) {
	client := dialGateway(t, testsystem.JdoeToken)
	resp, err := client.Users.WhoAmI(testContext(t), &servicev1.WhoAmIRequest{})
	if err != nil {
		t.Fatalf("WhoAmI: %v", err)
	}
	if resp.GetTokenKind() != servicev1.TokenKind_TOKEN_KIND_PERSONAL {
		t.Errorf("token_kind = %v, want TOKEN_KIND_PERSONAL", resp.GetTokenKind())
	}
	if resp.GetUserLogin() != "jdoe" {
		t.Errorf("user_login = %q, want jdoe", resp.GetUserLogin())
	}
}

func TestBatchGetStacksReportsEachEntry(t *testing.T) {
	client := dialGateway(t, testsystem.JdoeToken)
	stream, err := client.Stacks.BatchGetStacks(testContext(t), &servicev1.BatchGetStacksRequest{
		Stacks: []*servicev1.GetStackRequest{
			{OrgName: "acme-corp", ProjectName: "payments-api", StackName: "prod"},
			{OrgName: "acme-corp", ProjectName: "payments-api", StackName: "nope"},
		},
	})
	if err != nil {
		t.Fatalf("BatchGetStacks: %v", err)
	}
	byIndex := map[int32]*servicev1.BatchGetStacksResponse{}
	for {
		msg, err := stream.Recv()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("BatchGetStacks: Recv: %v", err)
		}
		if byIndex[msg.GetIndex()] != nil {
			t.Errorf("index %d sent twice", msg.GetIndex())
		}
		byIndex[msg.GetIndex()] = msg
	}
	if len(byIndex) != 2 {
		t.Fatalf("got %d messages, want 2: %v", len(byIndex), byIndex)
	}
	if s := byIndex[0].GetStack(); s.GetStackName() != "prod" || s.GetId() != "5f0d2c7e-8a1b-4c3d-9e2f-0a1b2c3d4e5f" {
		t.Errorf("index 0 = %v, want the prod stack", byIndex[0])
	}
	if byIndex[1].GetStack() != nil || byIndex[1].GetError().GetCode() != int32(codes.NotFound) {
		t.Errorf("index 1 = %v, want error.code %d (NOT_FOUND)", byIndex[1], codes.NotFound)
	}
}
