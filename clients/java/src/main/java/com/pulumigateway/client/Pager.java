package com.pulumigateway.client;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The items of every page of a listing that pages with a continuation token.
 *
 * <p>Lazy and re-iterable: each {@link #iterator()} (or {@link #stream()}) starts again from the
 * request's own continuation token and fetches a page only when the previous one is used up. The
 * listing ends when a response has an empty continuation token. Failed calls surface as {@link
 * GatewayException} from {@code hasNext()}/{@code next()}; so does a listing that hands back the
 * token it was given (INTERNAL), which would otherwise never end.
 *
 * <p>With a poll interval (update events), a page that is empty while the token is not means the
 * update is still running: the iterator waits that interval and asks again, so iteration follows
 * the update until it finishes.
 *
 * <pre>{@code
 * for (StackSummary s : client.listStacks(ListStacksRequest.getDefaultInstance())) { ... }
 * long n = client.listStacks(request).stream().filter(...).count();
 * }</pre>
 *
 * @param <T> the item type
 */
public final class Pager<T> implements Iterable<T> {

  /** One response: its items and the token of the next page (empty on the last page). */
  static final class Page<T> {
    private final List<T> items;
    private final String nextToken;
    private final boolean idle;

    Page(List<T> items, String nextToken) {
      this(items, nextToken, items.isEmpty());
    }

    /** {@code idle}: the page brought nothing new (a followed listing then waits). */
    Page(List<T> items, String nextToken, boolean idle) {
      this.items = List.copyOf(items);
      this.nextToken = nextToken == null ? "" : nextToken;
      this.idle = idle;
    }

    List<T> items() {
      return items;
    }

    String nextToken() {
      return nextToken;
    }
  }

  /** Waits between polls; replaceable in tests. */
  @FunctionalInterface
  interface Sleeper {
    void sleep(Duration d) throws InterruptedException;
  }

  private final Function<String, Page<T>> fetch;
  private final String firstToken;
  private final Duration pollInterval;
  private final Sleeper sleeper;

  /**
   * @param fetch fetches the page at a token ({@code null} for the first page of the listing);
   *     may throw {@link StatusRuntimeException}
   * @param firstToken the continuation token to start from, or {@code null}
   * @param pollInterval {@code null} for plain paging; otherwise how long to wait before asking
   *     again after an empty page that still has a token
   */
  Pager(Function<String, Page<T>> fetch, String firstToken, Duration pollInterval) {
    this(fetch, firstToken, pollInterval, d -> Thread.sleep(d.toMillis()));
  }

  Pager(Function<String, Page<T>> fetch, String firstToken, Duration pollInterval,
      Sleeper sleeper) {
    this.fetch = fetch;
    this.firstToken = firstToken == null || firstToken.isEmpty() ? null : firstToken;
    this.pollInterval = pollInterval;
    this.sleeper = sleeper;
  }

  @Override
  public Iterator<T> iterator() {
    return new PageIterator();
  }

  /** The items as a sequential, lazy stream. */
  public Stream<T> stream() {
    return StreamSupport.stream(
        Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED | Spliterator.NONNULL),
        false);
  }

  private final class PageIterator implements Iterator<T> {
    private final ArrayDeque<T> buffered = new ArrayDeque<>();
    private String token = firstToken;
    private boolean previousPageEmpty;
    private boolean done;

    @Override
    public boolean hasNext() {
      while (buffered.isEmpty() && !done) {
        fetchNext();
      }
      return !buffered.isEmpty();
    }

    @Override
    public T next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      return buffered.removeFirst();
    }

    private void fetchNext() {
      if (pollInterval != null && previousPageEmpty) {
        // An empty page with a token: the update is still running, ask again a bit later.
        pause();
      }
      Page<T> page;
      try {
        page = fetch.apply(token);
      } catch (StatusRuntimeException e) {
        done = true;
        throw GatewayException.from(e);
      }
      if (pollInterval == null && page.nextToken().equals(token)) {
        // A listing that hands back the token it was given does not advance: it would loop
        // forever. (Update events legitimately repeat the token while the update runs.)
        done = true;
        throw GatewayException.from(
            Status.INTERNAL
                .withDescription("listing returned the continuation token it was given: " + token)
                .asRuntimeException());
      }
      buffered.addAll(page.items());
      previousPageEmpty = page.idle;
      token = page.nextToken();
      done = token.isEmpty();
    }

    private void pause() {
      try {
        sleeper.sleep(pollInterval);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        done = true;
        throw GatewayException.from(
            Status.CANCELLED
                .withDescription("interrupted while polling for update events")
                .withCause(e)
                .asRuntimeException());
      }
    }
  }
}
