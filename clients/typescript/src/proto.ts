// The generated message types and grpc-js service definitions, one namespace per proto file of
// pulumi.service.v1 (proto.stacks.Stack, proto.webhooks.WebhookResponse, ...), and the google.rpc
// error details.
export * from "./generated/modules";
export * as rpcStatus from "./generated/google/rpc/status";
export * as rpcErrorDetails from "./generated/google/rpc/error_details";
