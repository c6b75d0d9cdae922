// The generated message types and grpc-js service definitions, one namespace per proto file.
export * as common from "./generated/pulumi/service/v1/common";
export * as organizations from "./generated/pulumi/service/v1/organizations";
export * as stacks from "./generated/pulumi/service/v1/stacks";
export * as updates from "./generated/pulumi/service/v1/updates";
export * as users from "./generated/pulumi/service/v1/users";
export * as rpcStatus from "./generated/google/rpc/status";
export * as rpcErrorDetails from "./generated/google/rpc/error_details";
