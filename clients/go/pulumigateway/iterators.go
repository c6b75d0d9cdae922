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

// Every list RPC with a continuation token has two generated iterators (pagers.gen.go):
// <Rpc>Pages over its answers and <Rpc>Items over the items of every page, e.g.
//
//	for stack, err := range pulumigateway.ListStacksItems(ctx, client.Stacks, req) { ... }
//
// They take the stub they call (a [Client] field, or any implementation of the generated
// interface) so that they also work on connections made without [Dial] and on fakes. The named
// iterators below are the first release's; each is one of the generated ones.

// Stacks iterates over the stacks of every page of ListStacks, following continuation_token from
// req's (unset: the first page) until a page has none. req may be nil and is not modified. On an
// error the iteration yields it once, with a nil stack, and ends; breaking out of the loop stops
// before the next page is fetched. Each page is one call with its own default deadline; ctx bounds
// the whole iteration. It is [ListStacksItems].
func Stacks(ctx context.Context, stub servicev1.StacksServiceClient, req *servicev1.ListStacksRequest) iter.Seq2[*servicev1.StackSummary, error] {
	return ListStacksItems(ctx, stub, req)
}

// Members iterates over the members of every page of ListMembers, as [Stacks] does.
func Members(ctx context.Context, stub servicev1.OrganizationsServiceClient, req *servicev1.ListMembersRequest) iter.Seq2[*servicev1.OrganizationMember, error] {
	return ListMembersItems(ctx, stub, req)
}

// AuditLogEvents iterates over the events of every page of ListAuditLogEventsV2 (V2 time
// semantics: start_time is a lower bound), newest first, as [Stacks] does.
func AuditLogEvents(ctx context.Context, stub servicev1.OrganizationsServiceClient, req *servicev1.ListAuditLogEventsV2Request) iter.Seq2[*servicev1.AuditLogEvent, error] {
	return ListAuditLogEventsV2Items(ctx, stub, req)
}

// AuditLogEventsV1 iterates over the events of every page of ListAuditLogEvents (V1 time
// semantics: start_time is an upper bound, and it or continuation_token is required), as
// [Stacks] does.
func AuditLogEventsV1(ctx context.Context, stub servicev1.OrganizationsServiceClient, req *servicev1.ListAuditLogEventsRequest) iter.Seq2[*servicev1.AuditLogEvent, error] {
	return ListAuditLogEventsItems(ctx, stub, req)
}

// UpdateEvents follows the engine events of one update (ListUpdateEvents) in sequence order until
// the continuation token comes back empty, which happens once the update has finished and every
// event was returned. While the update runs a page may be empty and the same token may come back:
// the iteration then waits pollInterval (zero or less: [DefaultPollInterval]) before asking again,
// and a page with events is followed at once. Set req.ContinuationToken to resume. Cancel ctx (or
// give it a deadline) to stop following a running update: the iteration then yields a
// CANCELED or DEADLINE_EXCEEDED status error. Other errors are yielded once, then it ends. It is
// [ListUpdateEventsItems].
func UpdateEvents(ctx context.Context, stub servicev1.StackUpdatesServiceClient, req *servicev1.ListUpdateEventsRequest, pollInterval time.Duration) iter.Seq2[*servicev1.EngineEvent, error] {
	return ListUpdateEventsItems(ctx, stub, req, pollInterval)
}

// walk iterates over the answers of a token-paginated list RPC, from a clone of req. With
// idle == nil a page that hands back the token it was asked with would loop forever; that is
// reported as INTERNAL. With idle set the list is followed: a page for which idle is true (no
// new items) makes it wait pollInterval before asking again with the token it got.
func walk[Req proto.Message, Resp any](
	ctx context.Context,
	req Req,
	call func(context.Context, Req, ...grpc.CallOption) (Resp, error),
	opts []grpc.CallOption,
	setToken func(Req, string),
	token func(Resp) string,
	idle func(Resp) bool,
	pollInterval time.Duration,
) iter.Seq2[Resp, error] {
	if pollInterval <= 0 {
		pollInterval = DefaultPollInterval
	}
	return func(yield func(Resp, error) bool) {
		var zero Resp
		r := proto.CloneOf(req)
		previous := ""
		for {
			resp, err := call(ctx, r, opts...)
			if err != nil {
				yield(zero, err)
				return
			}
			if !yield(resp, nil) {
				return
			}
			next := token(resp)
			if next == "" {
				return
			}
			if idle == nil && next == previous {
				yield(zero, status.Errorf(codes.Internal,
					"pulumigateway: the gateway returned continuation token %q again", next))
				return
			}
			previous = next
			setToken(r, next)
			if idle == nil || !idle(resp) {
				continue
			}
			timer := time.NewTimer(pollInterval)
			select {
			case <-ctx.Done():
				timer.Stop()
				yield(zero, status.FromContextError(ctx.Err()).Err())
				return
			case <-timer.C:
			}
		}
	}
}

// items flattens the pages of a list into their items.
func items[Resp any, Item any](pages iter.Seq2[Resp, error], get func(Resp) []Item) iter.Seq2[Item, error] {
	return func(yield func(Item, error) bool) {
		var zero Item
		for page, err := range pages {
			if err != nil {
				yield(zero, err)
				return
			}
			for _, item := range get(page) {
				if !yield(item, nil) {
					return
				}
			}
		}
	}
}
