// createClient(): one gRPC channel to the gateway and a typed client for every service of its API
// (from the generated `kServices`), with the token attached to every call, a default deadline,
// TLS, errors as GatewayError, server streams as async iterators, and a pager for every list with
// a continuation token.
//
//   const client = createClient({ address: "localhost:50051", token: process.env.PULUMI_ACCESS_TOKEN });
//   const { stack } = await client.stacks.getStack({ orgName: "acme-corp", projectName: "payments-api", stackName: "prod" });
//   for await (const s of client.stacks.listStacksItems({ organization: "acme-corp" })) console.log(s.stackName);
//   for await (const m of client.organizations.streamMembers({ orgName: "acme-corp" })) console.log(m.member?.role);
//   client.close();
import { readFileSync } from "node:fs";
import * as grpc from "@grpc/grpc-js";
import { abortedError, GatewayError } from "./errors";
import { kDefaultDeadlineMs, type CallOptions, type ClientOptions, type TlsOptions } from "./options";
import { followUpdateEvents, paginate, walkPages, type FollowOptions } from "./pagination";
import { kServices } from "./generated/services";
import type * as organizationsPb from "./generated/pulumi/service/v1/organizations";
import type * as stacksPb from "./generated/pulumi/service/v1/stacks";
import type * as updatesPb from "./generated/pulumi/service/v1/updates";
import type { DeepPartial } from "./generated/pulumi/service/v1/stacks";

// Any method of a generated grpc-js service definition (`StacksServiceService` …).
interface MethodShape {
  readonly path: string;
  readonly requestStream: boolean;
  readonly responseStream: boolean;
  requestSerialize(value: never): Buffer;
  responseDeserialize(value: Buffer): unknown;
}
type RequestOf<M> = M extends { requestSerialize(value: infer R): Buffer } ? R : never;
type ResponseOf<M> = M extends { responseDeserialize(value: Buffer): infer R } ? R : never;
// The unary RPCs of `D`, and its server-streaming ones.
type UnaryKeys<D> = {
  [K in keyof D]: D[K] extends { requestStream: false; responseStream: false } ? K : never;
}[keyof D];
type StreamKeys<D> = {
  [K in keyof D]: D[K] extends { requestStream: false; responseStream: true } ? K : never;
}[keyof D];
// The element type of field `F` of a page `R`.
type ItemOf<R, F> = F extends keyof R ? (R[F] extends readonly (infer I)[] ? I : never) : never;

/** Promise-returning methods for every unary RPC of a service definition `D`. Requests are
 * partial: unset fields take their proto defaults (`fromPartial`). Rejects with GatewayError. */
export type PromiseClient<D> = {
  readonly [K in UnaryKeys<D>]: (request?: DeepPartial<RequestOf<D[K]>>, options?: CallOptions) => Promise<ResponseOf<D[K]>>;
};

/** An async iterator for every server-streaming RPC of `D`: the stream's messages in order; an
 * error rejects with GatewayError after the messages before it. Leaving the loop (or `signal`)
 * cancels the stream. The client's default deadline bounds the whole stream: pass
 * `{ deadlineMs: Infinity }` to follow a long one. */
export type StreamClient<D> = {
  readonly [K in StreamKeys<D>]: (
    request?: DeepPartial<RequestOf<D[K]>>,
    options?: CallOptions,
  ) => AsyncGenerator<ResponseOf<D[K]>, void, undefined>;
};

/** For every list RPC `foo` of `P` (the lists with a continuation token): `fooPages` over its
 * answers and, when the answer has an item field, `fooItems` over the items of every page. */
export type PagerClient<D, P> = {
  readonly [K in keyof P & keyof D & string as `${K}Pages`]: (
    request?: DeepPartial<RequestOf<D[K]>>,
    options?: FollowOptions,
  ) => AsyncGenerator<ResponseOf<D[K]>, void, undefined>;
} & {
  readonly [K in keyof P & keyof D & string as P[K] extends { items: string } ? `${K}Items` : never]: (
    request?: DeepPartial<RequestOf<D[K]>>,
    options?: FollowOptions,
  ) => AsyncGenerator<ItemOf<ResponseOf<D[K]>, P[K] extends { items: infer F } ? F : never>, void, undefined>;
};

/** The client of one entry of `kServices`: its unary RPCs, streams and pagers. */
export type ServiceClient<E extends { definition: unknown; pagers: unknown }> = PromiseClient<E["definition"]> &
  StreamClient<E["definition"]> &
  PagerClient<E["definition"], E["pagers"]>;

type Services = typeof kServices;
/** A client per service of the API, named after it less `Service`, in camelCase. */
export type ServiceClients = { readonly [K in keyof Services]: ServiceClient<Services[K]> };

/** StacksService, plus the first release's iterator over every page of ListStacks. */
export type StacksClient = ServiceClient<Services["stacks"]> & {
  /** Every stack matching `request`, across all pages (continuationToken); `listStacksItems`. */
  iterStacks(
    request?: DeepPartial<stacksPb.ListStacksRequest>,
    options?: CallOptions,
  ): AsyncGenerator<stacksPb.StackSummary, void, undefined>;
};

/** StackUpdatesService, plus the first release's iterator that follows an update's events. */
export type UpdatesClient = ServiceClient<Services["stackUpdates"]> & {
  /** Every engine event of one update, in order. Follows a running update: polls again
   * (after `pollIntervalMs` when a poll brought nothing new) until the continuation token is
   * empty, i.e. the update finished and everything was returned. Bound it with `signal`. Same
   * as `listUpdateEventsItems`. */
  iterUpdateEvents(
    request: DeepPartial<updatesPb.ListUpdateEventsRequest>,
    options?: FollowOptions,
  ): AsyncGenerator<updatesPb.EngineEvent, void, undefined>;
};

/** OrganizationsService, plus the first release's iterators over members and audit-log events. */
export type OrganizationsClient = ServiceClient<Services["organizations"]> & {
  /** Every member of an organization, across all pages; `listMembersItems`. */
  iterMembers(
    request: DeepPartial<organizationsPb.ListMembersRequest>,
    options?: CallOptions,
  ): AsyncGenerator<organizationsPb.OrganizationMember, void, undefined>;
  /** Every audit-log event matching `request` (ListAuditLogEventsV2: `startTime` is a lower
   * bound), newest first, across all pages; `listAuditLogEventsV2Items`. */
  iterAuditLogEvents(
    request: DeepPartial<organizationsPb.ListAuditLogEventsV2Request>,
    options?: CallOptions,
  ): AsyncGenerator<organizationsPb.AuditLogEvent, void, undefined>;
};

/** UsersService: GetCurrentUser and WhoAmI (the identity behind the token), and the rest. */
export type UsersClient = ServiceClient<Services["users"]>;

/** What createClient returns: a client per service, plus the first release's names. */
export type GatewayClient = Omit<ServiceClients, "stacks" | "stackUpdates" | "organizations"> & {
  readonly stacks: StacksClient;
  readonly stackUpdates: UpdatesClient;
  /** The first release's name of `stackUpdates`. */
  readonly updates: UpdatesClient;
  readonly organizations: OrganizationsClient;
  /** Closes the channel; calls in flight fail with CANCELLED or UNAVAILABLE. */
  close(): void;
};

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

  const callSetup = (call: CallOptions): { metadata: grpc.Metadata; grpcOptions: grpc.CallOptions } => {
    const metadata = new grpc.Metadata();
    for (const [key, value] of Object.entries(call.metadata ?? {})) metadata.set(key, value);
    if (authorization !== undefined) metadata.set("authorization", authorization);
    const deadlineMs = call.deadlineMs ?? defaultDeadlineMs;
    return { metadata, grpcOptions: Number.isFinite(deadlineMs) ? { deadline: Date.now() + deadlineMs } : {} };
  };

  const transport: Transport = {
    unary: (method, request, call = {}) =>
      new Promise((resolve, reject) => {
        const { signal } = call;
        if (signal?.aborted) {
          reject(abortedError(signal));
          return;
        }
        const { metadata, grpcOptions } = callSetup(call);
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
      }),
    async *stream(method, request, call = {}) {
      const { signal } = call;
      if (signal?.aborted) throw abortedError(signal);
      const { metadata, grpcOptions } = callSetup(call);
      const stream = channel.makeServerStreamRequest(
        method.path,
        method.requestSerialize as (value: unknown) => Buffer,
        method.responseDeserialize,
        request,
        metadata,
        grpcOptions,
      );
      const onAbort = (): void => stream.cancel();
      signal?.addEventListener("abort", onAbort, { once: true });
      try {
        for await (const message of stream) yield message as unknown;
      } catch (err) {
        throw signal?.aborted ? abortedError(signal, err) : GatewayError.fromServiceError(err as grpc.ServiceError);
      } finally {
        signal?.removeEventListener("abort", onAbort);
        stream.cancel(); // the loop was left early (a no-op once the stream ended)
      }
    },
  };

  const clients: Record<string, Record<string, unknown>> = {};
  for (const [key, entry] of Object.entries(kServices)) clients[key] = bindService(entry, transport);
  const all = clients as unknown as ServiceClients;

  const stacks: StacksClient = {
    ...all.stacks,
    iterStacks: (request = {}, call) => all.stacks.listStacksItems(request, call),
  };
  const stackUpdates: UpdatesClient = {
    ...all.stackUpdates,
    iterUpdateEvents: (request, follow) =>
      followUpdateEvents(
        (continuationToken) => all.stackUpdates.listUpdateEvents({ ...request, continuationToken }, follow),
        request.continuationToken,
        follow,
      ),
  };
  const organizations: OrganizationsClient = {
    ...all.organizations,
    iterMembers: (request, call) =>
      paginate(
        (continuationToken) => all.organizations.listMembers({ ...request, continuationToken }, call),
        (page) => page.members,
        request.continuationToken,
      ),
    iterAuditLogEvents: (request, call) => all.organizations.listAuditLogEventsV2Items(request, call),
  };
  return {
    ...all,
    stacks,
    stackUpdates,
    updates: stackUpdates,
    organizations,
    close: () => channel.close(),
  };
}

interface Transport {
  unary(method: MethodShape, request: unknown, call?: CallOptions): Promise<unknown>;
  stream(method: MethodShape, request: unknown, call?: CallOptions): AsyncGenerator<unknown, void, undefined>;
}

interface ServiceEntry {
  readonly definition: Record<string, MethodShape>;
  readonly messages: object;
  readonly pagers: Readonly<Record<string, { readonly items: string | null; readonly follow: boolean }>>;
}

type Page = { continuationToken: string } & Record<string, unknown>;

// One method per unary and server-streaming RPC of a service, plus `<rpc>Pages`/`<rpc>Items` per
// list with a continuation token. The request message of RPC `Foo` is `FooRequest` in the same
// generated module (the buf-lint naming rule); its `fromPartial` fills the defaults.
function bindService(entry: ServiceEntry, transport: Transport): Record<string, unknown> {
  const methods: Record<string, unknown> = {};
  const unary: Record<string, (request: unknown, call?: CallOptions) => Promise<unknown>> = {};
  for (const [key, method] of Object.entries(entry.definition)) {
    if (method.requestStream) continue; // the API has no client-streaming RPC
    const name = `${method.path.slice(method.path.lastIndexOf("/") + 1)}Request`;
    const codec = (entry.messages as Record<string, { fromPartial?: (partial: unknown) => unknown } | undefined>)[name];
    const fromPartial = codec?.fromPartial;
    if (typeof fromPartial !== "function") {
      throw new Error(`generated code has no ${name} for ${method.path}: regenerate (generate.sh)`);
    }
    if (method.responseStream) {
      methods[key] = (request: unknown, call?: CallOptions) => transport.stream(method, fromPartial(request ?? {}), call);
    } else {
      unary[key] = (request: unknown, call?: CallOptions) => transport.unary(method, fromPartial(request ?? {}), call);
      methods[key] = unary[key];
    }
  }
  for (const [key, spec] of Object.entries(entry.pagers)) {
    const call = unary[key];
    if (call === undefined) continue;
    const pages = (request: Record<string, unknown> = {}, options?: FollowOptions): AsyncGenerator<Page, void, undefined> =>
      walkPages(
        (continuationToken) => call({ ...request, continuationToken }, options) as Promise<Page>,
        request["continuationToken"] as string | undefined,
        spec.follow && spec.items !== null
          ? { idle: (page: Page) => (page[spec.items as string] as unknown[]).length === 0, options }
          : undefined,
      );
    methods[`${key}Pages`] = pages;
    const items = spec.items;
    if (items !== null) {
      methods[`${key}Items`] = async function* (request?: Record<string, unknown>, options?: FollowOptions) {
        for await (const page of pages(request, options)) yield* page[items] as unknown[];
      };
    }
  }
  return methods;
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
