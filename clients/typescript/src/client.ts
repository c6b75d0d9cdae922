// createClient(): one gRPC channel to the gateway and promise-returning methods for its four
// services, with the token attached to every call, a default deadline, TLS, errors as GatewayError
// and async iterators over paginated lists.
//
//   const client = createClient({ address: "localhost:50051", token: process.env.PULUMI_ACCESS_TOKEN });
//   const { stack } = await client.stacks.getStack({ orgName: "acme-corp", projectName: "payments-api", stackName: "prod" });
//   for await (const s of client.stacks.iterStacks({ organization: "acme-corp" })) console.log(s.stackName);
//   client.close();
import { readFileSync } from "node:fs";
import * as grpc from "@grpc/grpc-js";
import { abortedError, GatewayError } from "./errors";
import { kDefaultDeadlineMs, type CallOptions, type ClientOptions, type TlsOptions } from "./options";
import { followUpdateEvents, paginate, type FollowOptions } from "./pagination";
import * as organizationsPb from "./generated/pulumi/service/v1/organizations";
import * as stacksPb from "./generated/pulumi/service/v1/stacks";
import * as updatesPb from "./generated/pulumi/service/v1/updates";
import * as usersPb from "./generated/pulumi/service/v1/users";
import type { DeepPartial } from "./generated/pulumi/service/v1/stacks";

// Shape of one method of a generated grpc-js service definition (`StacksServiceService` …).
interface UnaryMethod {
  readonly path: string;
  readonly requestStream: false;
  readonly responseStream: false;
  requestSerialize(value: never): Buffer;
  responseDeserialize(value: Buffer): unknown;
}
// Any method of a service definition, streaming ones included.
interface MethodShape {
  readonly path: string;
  readonly requestStream: boolean;
  readonly responseStream: boolean;
  requestSerialize(value: never): Buffer;
  responseDeserialize(value: Buffer): unknown;
}
type RequestOf<M> = M extends { requestSerialize(value: infer R): Buffer } ? R : never;
type ResponseOf<M> = M extends { responseDeserialize(value: Buffer): infer R } ? R : never;
// The unary RPCs of `D` (server-streaming ones such as WatchUpdateEvents are left out).
type UnaryKeys<D> = { [K in keyof D]: D[K] extends { responseStream: false } ? K : never }[keyof D];

/** Promise-returning methods for every unary RPC of a service definition `D`. Requests are
 * partial: unset fields take their proto defaults (`fromPartial`). Rejects with GatewayError. */
export type PromiseClient<D> = {
  readonly [K in UnaryKeys<D>]: (request?: DeepPartial<RequestOf<D[K]>>, options?: CallOptions) => Promise<ResponseOf<D[K]>>;
};

/** StacksService, plus an iterator over every page of ListStacks. */
export type StacksClient = PromiseClient<stacksPb.StacksServiceService> & {
  /** Every stack matching `request`, across all pages (continuationToken). */
  iterStacks(
    request?: DeepPartial<stacksPb.ListStacksRequest>,
    options?: CallOptions,
  ): AsyncGenerator<stacksPb.StackSummary, void, undefined>;
};

/** StackUpdatesService, plus an iterator that follows the engine events of an update. */
export type UpdatesClient = PromiseClient<updatesPb.StackUpdatesServiceService> & {
  /** Every engine event of one update, in order. Follows a running update: polls again
   * (after `pollIntervalMs` when a poll brought nothing new) until the continuation token is
   * empty, i.e. the update finished and everything was returned. Bound it with `signal`. */
  iterUpdateEvents(
    request: DeepPartial<updatesPb.ListUpdateEventsRequest>,
    options?: FollowOptions,
  ): AsyncGenerator<updatesPb.EngineEvent, void, undefined>;
};

/** OrganizationsService, plus iterators over every page of members and audit-log events. */
export type OrganizationsClient = PromiseClient<organizationsPb.OrganizationsServiceService> & {
  /** Every member of an organization, across all pages. */
  iterMembers(
    request: DeepPartial<organizationsPb.ListMembersRequest>,
    options?: CallOptions,
  ): AsyncGenerator<organizationsPb.OrganizationMember, void, undefined>;
  /** Every audit-log event matching `request` (ListAuditLogEventsV2: `startTime` is a lower
   * bound), newest first, across all pages. */
  iterAuditLogEvents(
    request: DeepPartial<organizationsPb.ListAuditLogEventsV2Request>,
    options?: CallOptions,
  ): AsyncGenerator<organizationsPb.AuditLogEvent, void, undefined>;
};

/** UsersService: GetCurrentUser and WhoAmI (the identity behind the token). */
export type UsersClient = PromiseClient<usersPb.UsersServiceService>;

/** What createClient returns. */
export interface GatewayClient {
  readonly stacks: StacksClient;
  readonly updates: UpdatesClient;
  readonly organizations: OrganizationsClient;
  readonly users: UsersClient;
  /** Closes the channel; calls in flight fail with CANCELLED or UNAVAILABLE. */
  close(): void;
}

/** Connects (lazily, on the first call) to the gateway at `options.address`. Throws a TypeError for
 * invalid options and an Error naming the file when a TLS file cannot be read. */
export function createClient(options: ClientOptions): GatewayClient {
  if (!options.address) throw new TypeError("createClient: address is required (host:port)");
  const defaultDeadlineMs = options.deadlineMs ?? kDefaultDeadlineMs;
  if (!(defaultDeadlineMs > 0)) throw new TypeError("createClient: deadlineMs must be > 0 (Infinity for none)");

  const channelOptions: grpc.ChannelOptions = { ...options.channelOptions };
  if (typeof options.tls === "object" && options.tls.serverName) {
    channelOptions["grpc.ssl_target_name_override"] = options.tls.serverName;
  }
  const channel = new grpc.Client(options.address, channelCredentials(options.tls), channelOptions);
  const authorization = options.token ? `token ${options.token}` : undefined;

  const invoke = (method: UnaryMethod, request: unknown, call: CallOptions = {}): Promise<unknown> =>
    new Promise((resolve, reject) => {
      const { signal } = call;
      if (signal?.aborted) {
        reject(abortedError(signal));
        return;
      }
      const metadata = new grpc.Metadata();
      for (const [key, value] of Object.entries(call.metadata ?? {})) metadata.set(key, value);
      if (authorization !== undefined) metadata.set("authorization", authorization);
      const deadlineMs = call.deadlineMs ?? defaultDeadlineMs;
      const grpcOptions: grpc.CallOptions = Number.isFinite(deadlineMs) ? { deadline: Date.now() + deadlineMs } : {};

      const onAbort = (): void => pending.cancel();
      const pending = channel.makeUnaryRequest(
        method.path,
        method.requestSerialize as (value: unknown) => Buffer,
        method.responseDeserialize,
        request,
        metadata,
        grpcOptions,
        (err: grpc.ServiceError | null, response?: unknown) => {
          signal?.removeEventListener("abort", onAbort);
          if (err === null) resolve(response);
          else reject(signal?.aborted ? abortedError(signal, err) : GatewayError.fromServiceError(err));
        },
      );
      signal?.addEventListener("abort", onAbort, { once: true });
    });

  const stackMethods = bindService(stacksPb.StacksServiceService, stacksPb, invoke);
  const updateMethods = bindService(updatesPb.StackUpdatesServiceService, updatesPb, invoke);
  const orgMethods = bindService(organizationsPb.OrganizationsServiceService, organizationsPb, invoke);
  const users: UsersClient = bindService(usersPb.UsersServiceService, usersPb, invoke);

  const stacks: StacksClient = {
    ...stackMethods,
    iterStacks: (request = {}, call) =>
      paginate(
        (continuationToken) => stackMethods.listStacks({ ...request, continuationToken }, call),
        (page) => page.stacks,
        request.continuationToken,
      ),
  };
  const updates: UpdatesClient = {
    ...updateMethods,
    iterUpdateEvents: (request, follow) =>
      followUpdateEvents(
        (continuationToken) => updateMethods.listUpdateEvents({ ...request, continuationToken }, follow),
        request.continuationToken,
        follow,
      ),
  };
  const organizations: OrganizationsClient = {
    ...orgMethods,
    iterMembers: (request, call) =>
      paginate(
        (continuationToken) => orgMethods.listMembers({ ...request, continuationToken }, call),
        (page) => page.members,
        request.continuationToken,
      ),
    iterAuditLogEvents: (request, call) =>
      paginate(
        (continuationToken) => orgMethods.listAuditLogEventsV2({ ...request, continuationToken }, call),
        (page) => page.auditLogEvents,
        request.continuationToken,
      ),
  };
  return { stacks, updates, organizations, users, close: () => channel.close() };
}

type Invoke = (method: UnaryMethod, request: unknown, call?: CallOptions) => Promise<unknown>;

// One promise method per unary RPC of `service`. The request message of RPC `Foo` is `FooRequest` in
// the same generated module (the buf-lint naming rule); its `fromPartial` fills the defaults.
function bindService<D extends Record<string, MethodShape>>(
  service: D,
  messages: object,
  invoke: Invoke,
): PromiseClient<D> {
  const methods: Record<string, (request: unknown, call?: CallOptions) => Promise<unknown>> = {};
  for (const [key, shape] of Object.entries(service)) {
    if (shape.requestStream || shape.responseStream) continue;
    const method = shape as UnaryMethod;
    const name = `${method.path.slice(method.path.lastIndexOf("/") + 1)}Request`;
    const codec = (messages as Record<string, { fromPartial?: (partial: unknown) => unknown } | undefined>)[name];
    const fromPartial = codec?.fromPartial;
    if (typeof fromPartial !== "function") {
      throw new Error(`generated code has no ${name} for ${method.path}: regenerate (generate.sh)`);
    }
    methods[key] = (request: unknown, call?: CallOptions) => invoke(method, fromPartial(request ?? {}), call);
  }
  return methods as PromiseClient<D>;
}

function channelCredentials(tls: ClientOptions["tls"]): grpc.ChannelCredentials {
  if (tls === undefined || tls === false) return grpc.credentials.createInsecure();
  const files: TlsOptions = tls === true ? {} : tls;
  if (Boolean(files.certFile) !== Boolean(files.keyFile)) {
    throw new TypeError("createClient: tls.certFile and tls.keyFile go together (mutual TLS needs both)");
  }
  return grpc.credentials.createSsl(
    readPem("tls.caFile", files.caFile),
    readPem("tls.keyFile", files.keyFile),
    readPem("tls.certFile", files.certFile),
  );
}

function readPem(option: string, path: string | undefined): Buffer | null {
  if (!path) return null;
  try {
    return readFileSync(path);
  } catch (err) {
    throw new Error(`createClient: cannot read ${option} ${path}: ${(err as Error).message}`, { cause: err });
  }
}
