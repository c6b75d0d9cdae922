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
// The typed stubs are the fields [Client.Stacks], [Client.Updates], [Client.Organizations] and
// [Client.Users]; every RPC the gateway serves is there. [Stacks], [Members], [AuditLogEvents]
// and [UpdateEvents] iterate over every page of a list, given the stub to call. Errors of the
// stubs and of the iterators are plain gRPC status errors ([google.golang.org/grpc/status.Code]
// works on them); [AsError] decodes the details the gateway attaches (google.rpc.ErrorInfo and
// google.rpc.RetryInfo).
package pulumigateway
