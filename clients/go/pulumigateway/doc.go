// Package pulumigateway is a thin convenience layer over the generated gRPC stubs of the Pulumi
// gRPC gateway: one connection carrying the caller's Pulumi token on every call, a default
// deadline, optional TLS, decoded error details and iterators over every page of a list.
//
//	client, err := pulumigateway.Dial(ctx, "localhost:50051", os.Getenv("PULUMI_ACCESS_TOKEN"))
//	if err != nil {
//		return err
//	}
//	defer client.Close()
//	req := &servicev1.ListStacksRequest{Organization: proto.String("acme-corp")}
//	for stack, err := range pulumigateway.Stacks(ctx, client.Stacks, req) {
//		if err != nil {
//			if e, ok := pulumigateway.AsError(err); ok {
//				log.Printf("%s (HTTP %d, request %s)", e.Code, e.HTTPStatus, e.RequestID)
//			}
//			return err
//		}
//		fmt.Println(stack.GetOrgName(), stack.GetProjectName(), stack.GetStackName())
//	}
//
// The typed stubs are the fields of [Services], which [Client] embeds: one per service of the
// API, generated from the protos (client.Stacks, client.Webhooks, client.StackConfig,
// client.AccessTokens, ...); every RPC the gateway serves is there, server streams included
// (StreamStacks, StreamMembers, StreamAuditLogs, WatchUpdateEvents). Errors of the stubs and of
// the iterators are plain gRPC status errors ([google.golang.org/grpc/status.Code] works on
// them); [AsError] decodes the details the gateway attaches (google.rpc.ErrorInfo and
// google.rpc.RetryInfo).
//
// # Pagination
//
// Every list RPC with a continuation token has two generated iterators, given the stub to call:
// <Rpc>Pages over its answers and <Rpc>Items over the items of every page ([ListStacksPages],
// [ListStacksItems], [ListPersonalTokensItems], ...; [PagedMethods] names them all). They clone
// the request, start from its own continuation token (unset: the first page) and follow the
// answers' tokens until one is empty. An error is yielded once, with a zero item, and ends the
// iteration; breaking out of the loop stops before the next page is fetched. Each page is one call
// with its own default deadline; ctx bounds the whole iteration. A page that hands back the token
// it was asked with ends the iteration with INTERNAL (it would loop forever), except on a live
// list (an update's events, [ListUpdateEventsItems]), which is followed while the resource runs.
package pulumigateway
