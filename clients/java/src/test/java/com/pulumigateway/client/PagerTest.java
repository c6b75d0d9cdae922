package com.pulumigateway.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.grpc.Status;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The paging and polling logic against scripted pages (no server). */
class PagerTest {
  private final List<String> requestedTokens = new ArrayList<>();
  private final List<Duration> sleeps = new ArrayList<>();

  /** Pages keyed by the token that fetches them ("" = first page). */
  private Function<String, Pager.Page<String>> pages(Map<String, Pager.Page<String>> byToken) {
    return token -> {
      String key = token == null ? "" : token;
      requestedTokens.add(key);
      Pager.Page<String> page = byToken.get(key);
      if (page == null) {
        throw Status.INVALID_ARGUMENT.withDescription("bad token " + key).asRuntimeException();
      }
      return page;
    };
  }

  private static Pager.Page<String> page(String next, String... items) {
    return new Pager.Page<>(Arrays.asList(items), next);
  }

  @Test
  void flattensPagesUntilTheTokenIsEmpty() {
    Pager<String> pager = new Pager<>(pages(Map.of(
        "", page("t1", "a", "b"),
        "t1", page("t2", "c"),
        "t2", page("", "d"))), null, null, sleeps::add);
    assertEquals(List.of("a", "b", "c", "d"), pager.stream().collect(Collectors.toList()));
    assertEquals(List.of("", "t1", "t2"), requestedTokens);
    // Re-iterable: a second pass starts again at the first page.
    assertEquals(4, pager.stream().count());
    assertEquals(List.of(), sleeps);
  }

  @Test
  void startsFromTheRequestToken() {
    Pager<String> pager = new Pager<>(pages(Map.of("t1", page("", "c"))), "t1", null,
        sleeps::add);
    assertEquals(List.of("c"), pager.stream().collect(Collectors.toList()));
    assertEquals(List.of("t1"), requestedTokens);
  }

  @Test
  void fetchesLazily() {
    Pager<String> pager = new Pager<>(pages(Map.of("", page("t1", "a"), "t1", page("", "b"))),
        null, null, sleeps::add);
    Iterator<String> it = pager.iterator();
    assertEquals(List.of(), requestedTokens);
    assertEquals("a", it.next());
    assertEquals(List.of(""), requestedTokens);
    assertEquals("b", it.next());
    assertEquals(false, it.hasNext());
    assertThrows(NoSuchElementException.class, it::next);
  }

  @Test
  void pollsAfterEmptyPagesWhileTheTokenIsSet() {
    // A running update: the token stays at the end ("5") until new events arrive.
    List<Pager.Page<String>> script = new ArrayList<>(List.of(
        page("5", "e1", "e2"), page("5"), page("5"), page("7", "e3"), page("7"), page("")));
    Pager<String> pager = new Pager<>(token -> {
      requestedTokens.add(token == null ? "" : token);
      return script.remove(0);
    }, null, Duration.ofMillis(250), sleeps::add);
    assertEquals(List.of("e1", "e2", "e3"), pager.stream().collect(Collectors.toList()));
    assertEquals(List.of("", "5", "5", "5", "7", "7"), requestedTokens);
    // One wait after each empty page, none after a page with events.
    assertEquals(List.of(Duration.ofMillis(250), Duration.ofMillis(250), Duration.ofMillis(250)),
        sleeps);
  }

  @Test
  void failedCallSurfacesAsGatewayException() {
    Pager<String> pager = new Pager<>(pages(Map.of("", page("bad", "a"))), null, null,
        sleeps::add);
    Iterator<String> it = pager.iterator();
    assertEquals("a", it.next());
    GatewayException e = assertThrows(GatewayException.class, it::hasNext);
    assertEquals(Status.Code.INVALID_ARGUMENT, e.code());
    assertEquals("bad token bad", e.description());
  }

  @Test
  void listingThatDoesNotAdvanceFails() {
    Pager<String> pager = new Pager<>(pages(Map.of("", page("t1", "a"), "t1", page("t1", "b"))),
        null, null, sleeps::add);
    Iterator<String> it = pager.iterator();
    assertEquals("a", it.next());
    GatewayException e = assertThrows(GatewayException.class, it::next);
    assertEquals(Status.Code.INTERNAL, e.code());
    assertEquals(List.of("", "t1"), requestedTokens);
  }

  @Test
  void interruptedPollIsCancelled() {
    Pager<String> pager = new Pager<>(token -> page("5"), null, Duration.ofSeconds(1), d -> {
      throw new InterruptedException();
    });
    GatewayException e = assertThrows(GatewayException.class, () -> pager.iterator().hasNext());
    assertEquals(Status.Code.CANCELLED, e.code());
    assertEquals(true, Thread.interrupted(), "interrupt flag restored");
  }
}
