// Async iterators over the gateway's paginated lists. Both take a `fetchPage(token)` that does one
// call, so they are independent of the transport and tested with fakes.
//
//   for await (const stack of paginate((t) => stacks.listStacks({ continuationToken: t }), (p) => p.stacks)) …
import { setTimeout as sleep } from "node:timers/promises";
import { status } from "@grpc/grpc-js";
import { abortedError, GatewayError } from "./errors";
import type { CallOptions } from "./options";

/** Options of followUpdateEvents / UpdatesClient.iterUpdateEvents. */
export interface FollowOptions extends CallOptions {
  /** Wait between two polls of a running update when the last poll brought no event.
   * Default 1000 ms. */
  pollIntervalMs?: number;
}

/** The default wait between polls of a running update. */
export const kDefaultPollIntervalMs = 1000;

/**
 * Yields every page of a list: calls `fetchPage(token)` with `firstToken` (undefined: from the
 * start), then with each page's `continuationToken`, until a page has an empty one. Rejects with the
 * page call's error, or with GatewayError INTERNAL if the server repeats the token it was given (it
 * would loop forever). With `follow` the list is live (an update's events): a page for which
 * `follow.idle(page)` is true (nothing new yet) makes it wait `pollIntervalMs` (default 1000) and
 * ask again with the token it got, until the token is empty; `options.signal` ends the wait (the
 * iterator then throws GatewayError CANCELLED, or DEADLINE_EXCEEDED for `AbortSignal.timeout`).
 */
export async function* walkPages<Page extends { continuationToken: string }>(
  fetchPage: (continuationToken: string | undefined) => Promise<Page>,
  firstToken?: string,
  follow?: { idle: (page: Page) => boolean; options?: FollowOptions },
): AsyncGenerator<Page, void, undefined> {
  const interval = follow?.options?.pollIntervalMs ?? kDefaultPollIntervalMs;
  if (!(interval >= 0)) throw new TypeError("pollIntervalMs must be >= 0");
  const signal = follow?.options?.signal;
  let token = firstToken || undefined;
  for (;;) {
    const page = await fetchPage(token);
    yield page;
    const next = page.continuationToken;
    if (!next) return;
    if (follow === undefined && next === token) {
      throw new GatewayError({
        code: status.INTERNAL,
        details: `the server returned the continuation token it was given (${next}); stopping to avoid a loop`,
      });
    }
    token = next;
    if (follow === undefined || !follow.idle(page)) continue;
    try {
      await sleep(interval, undefined, signal === undefined ? undefined : { signal });
    } catch (err) {
      if (signal?.aborted) throw abortedError(signal, err);
      throw err;
    }
  }
}

/**
 * Yields the items of every page of `walkPages(fetchPage, firstToken)`. Rejects as `walkPages`
 * does.
 */
export async function* paginate<Page extends { continuationToken: string }, Item>(
  fetchPage: (continuationToken: string | undefined) => Promise<Page>,
  items: (page: Page) => readonly Item[],
  firstToken?: string,
): AsyncGenerator<Item, void, undefined> {
  for await (const page of walkPages(fetchPage, firstToken)) yield* items(page);
}

/**
 * Yields the engine events of an update in order, following it while it runs: after each poll it
 * polls again with the returned continuation token (the same token may come back while the update
 * runs), waiting `pollIntervalMs` first when the poll brought no event, until the token is empty
 * (the update finished and everything was returned). `options.signal` ends the wait and the call
 * in flight: the iterator then throws GatewayError DEADLINE_EXCEEDED (signal from
 * `AbortSignal.timeout`) or CANCELLED.
 */
export async function* followUpdateEvents<Event>(
  fetchPage: (continuationToken: string | undefined) => Promise<{ events: Event[]; continuationToken: string }>,
  firstToken?: string,
  options: FollowOptions = {},
): AsyncGenerator<Event, void, undefined> {
  const pages = walkPages(fetchPage, firstToken, { idle: (page) => page.events.length === 0, options });
  for await (const page of pages) yield* page.events;
}
