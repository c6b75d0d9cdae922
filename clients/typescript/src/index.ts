// @pulumi-grpc-gateway/client: a TypeScript client for the Pulumi Service gRPC gateway.
//
//   import { createClient, GatewayError, status } from "@pulumi-grpc-gateway/client";
//   const client = createClient({ address: "localhost:50051", token: process.env.PULUMI_ACCESS_TOKEN });
//   for await (const s of client.stacks.listStacksItems({ organization: "acme-corp" })) console.log(s.stackName);
//   const hooks = await client.webhooks.listStackWebhooks({ orgName: "acme-corp", projectName: "payments-api", stackName: "prod" });
//
// Every service of the API is a member of the client (`kServices` lists them). The generated
// messages are in `proto` (proto.stacks.Stack, proto.webhooks.WebhookResponse …); int64 fields
// are JS numbers.
export { createClient } from "./client";
export type {
  GatewayClient,
  OrganizationsClient,
  PagerClient,
  PromiseClient,
  ServiceClient,
  ServiceClients,
  StacksClient,
  StreamClient,
  UpdatesClient,
  UsersClient,
} from "./client";
export { kServices } from "./generated/services";
export { kDefaultDeadlineMs } from "./options";
export type { CallOptions, ClientOptions, TlsOptions } from "./options";
export { abortedError, decodeStatusDetails, GatewayError, statusName } from "./errors";
export type { DecodedDetails, GatewayErrorInit, StatusName } from "./errors";
export { followUpdateEvents, kDefaultPollIntervalMs, paginate, walkPages } from "./pagination";
export type { FollowOptions } from "./pagination";
export { Metadata, status } from "@grpc/grpc-js";
export * as proto from "./proto";

export type { AuditLogEvent, OrganizationMember } from "./generated/pulumi/service/v1/organizations";
export type { Stack, StackSummary } from "./generated/pulumi/service/v1/stacks";
export type { EngineEvent, StackUpdate } from "./generated/pulumi/service/v1/updates";
export type { WhoAmIResponse } from "./generated/pulumi/service/v1/users";
export type { UserInfo } from "./generated/pulumi/service/v1/common";
