package pulumigateway

import (
	"context"
	"iter"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
	"google.golang.org/protobuf/proto"

	servicev1 "github.com/pulumi-grpc-gateway/clients/go/pulumi/service/v1"
)

// DefaultPollInterval is the wait of [UpdateEvents] between polls that returned nothing,
// when it is given an interval of zero or less.
const DefaultPollInterval = time.Second

// The iterators below take the stub they call (a [Client] field, or any implementation of the
// generated interface) so that they also work on connections made without [Dial] and on fakes:
//
//	for stack, err := range pulumigateway.Stacks(ctx, client.Stacks, req) { ... }

// Stacks iterates over the stacks of every page of ListStacks, following continuation_token from
// req's (unset: the first page) until a page has none. req may be nil and is not modified. On an
// error the iteration yields it once, with a nil stack, and ends; breaking out of the loop stops
// before the next page is fetched. Each page is one call with its own default deadline; ctx bounds
// the whole iteration.
func Stacks(ctx context.Context, stub servicev1.StacksServiceClient, req *servicev1.ListStacksRequest) iter.Seq2[*servicev1.StackSummary, error] {
	if req == nil {
		req = &servicev1.ListStacksRequest{}
	}
	return pages(ctx, req, stub.ListStacks,
		func(r *servicev1.ListStacksRequest, token string) { r.ContinuationToken = &token },
		func(r *servicev1.ListStacksResponse) ([]*servicev1.StackSummary, string) {
			return r.GetStacks(), r.GetContinuationToken()
		})
}

// Members iterates over the members of every page of ListMembers, as [Stacks] does.
func Members(ctx context.Context, stub servicev1.OrganizationsServiceClient, req *servicev1.ListMembersRequest) iter.Seq2[*servicev1.OrganizationMember, error] {
	if req == nil {
		req = &servicev1.ListMembersRequest{}
	}
	return pages(ctx, req, stub.ListMembers,
		func(r *servicev1.ListMembersRequest, token string) { r.ContinuationToken = &token },
		func(r *servicev1.ListMembersResponse) ([]*servicev1.OrganizationMember, string) {
			return r.GetMembers(), r.GetContinuationToken()
		})
}

// AuditLogEvents iterates over the events of every page of ListAuditLogEventsV2 (V2 time
// semantics: start_time is a lower bound), newest first, as [Stacks] does.
func AuditLogEvents(ctx context.Context, stub servicev1.OrganizationsServiceClient, req *servicev1.ListAuditLogEventsV2Request) iter.Seq2[*servicev1.AuditLogEvent, error] {
	if req == nil {
		req = &servicev1.ListAuditLogEventsV2Request{}
	}
	return pages(ctx, req, stub.ListAuditLogEventsV2,
		func(r *servicev1.ListAuditLogEventsV2Request, token string) { r.ContinuationToken = &token },
		func(r *servicev1.ListAuditLogEventsV2Response) ([]*servicev1.AuditLogEvent, string) {
			return r.GetAuditLogEvents(), r.GetContinuationToken()
		})
}

// AuditLogEventsV1 iterates over the events of every page of ListAuditLogEvents (V1 time
// semantics: start_time is an upper bound, and it or continuation_token is required), as
// [Stacks] does.
func AuditLogEventsV1(ctx context.Context, stub servicev1.OrganizationsServiceClient, req *servicev1.ListAuditLogEventsRequest) iter.Seq2[*servicev1.AuditLogEvent, error] {
	if req == nil {
		req = &servicev1.ListAuditLogEventsRequest{}
	}
	return pages(ctx, req, stub.ListAuditLogEvents,
		func(r *servicev1.ListAuditLogEventsRequest, token string) { r.ContinuationToken = &token },
		func(r *servicev1.ListAuditLogEventsResponse) ([]*servicev1.AuditLogEvent, string) {
			return r.GetAuditLogEvents(), r.GetContinuationToken()
		})
}

// UpdateEvents follows the engine events of one update (ListUpdateEvents) in sequence order until
// the continuation token comes back empty, which happens once the update has finished and every
// event was returned. While the update runs a page may be empty and the same token may come back:
// the iteration then waits pollInterval (zero or less: [DefaultPollInterval]) before asking again,
// and a page with events is followed at once. Set req.ContinuationToken to resume. Cancel ctx (or
// give it a deadline) to stop following a running update: the iteration then yields a
// CANCELED or DEADLINE_EXCEEDED status error. Other errors are yielded once, then it ends.
func UpdateEvents(ctx context.Context, stub servicev1.StackUpdatesServiceClient, req *servicev1.ListUpdateEventsRequest, pollInterval time.Duration) iter.Seq2[*servicev1.EngineEvent, error] {
	if pollInterval <= 0 {
		pollInterval = DefaultPollInterval
	}
	if req == nil {
		req = &servicev1.ListUpdateEventsRequest{}
	}
	req = proto.CloneOf(req)
	return func(yield func(*servicev1.EngineEvent, error) bool) {
		for {
			resp, err := stub.ListUpdateEvents(ctx, req)
			if err != nil {
				yield(nil, err)
				return
			}
			for _, event := range resp.GetEvents() {
				if !yield(event, nil) {
					return
				}
			}
			token := resp.GetContinuationToken()
			if token == "" {
				return
			}
			req.ContinuationToken = &token
			if len(resp.GetEvents()) > 0 {
				continue
			}
			timer := time.NewTimer(pollInterval)
			select {
			case <-ctx.Done():
				timer.Stop()
				yield(nil, status.FromContextError(ctx.Err()).Err())
				return
			case <-timer.C:
			}
		}
	}
}

// pages iterates over the items of a token-paginated list RPC. A page that hands back the token
// it was asked with would loop forever; that is reported as INTERNAL.
func pages[Req proto.Message, Resp any, Item any](
	ctx context.Context,
	req Req,
	call func(context.Context, Req, ...grpc.CallOption) (Resp, error),
	setToken func(Req, string),
	items func(Resp) ([]Item, string),
) iter.Seq2[Item, error] {
	return func(yield func(Item, error) bool) {
		var zero Item
		r := proto.CloneOf(req)
		previous := ""
		for {
			resp, err := call(ctx, r)
			if err != nil {
				yield(zero, err)
				return
			}
			page, token := items(resp)
			for _, item := range page {
				if !yield(item, nil) {
					return
				}
			}
			if token == "" {
				return
			}
			if token == previous {
				yield(zero, status.Errorf(codes.Internal,
					"pulumigateway: the gateway returned continuation token %q again", token))
				return
			}
			previous = token
			setToken(r, token)
		}
	}
}
