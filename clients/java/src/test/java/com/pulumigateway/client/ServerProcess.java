package com.pulumigateway.client;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A child server process (emulator or gateway) that announces {@code listening on HOST:PORT} on
 * stderr. Its stderr is drained for its whole life (the last lines are kept for failure
 * messages); {@link #close()} sends SIGTERM and waits, then kills.
 */
final class ServerProcess implements AutoCloseable {
  private static final Pattern LISTENING = Pattern.compile("^listening on (\\S+:\\d+)\\s*$");
  private static final int KEPT_LINES = 40;

  private final String name;
  private final Process process;
  private final Deque<String> lastLines = new ArrayDeque<>();
  private final String address;

  private ServerProcess(String name, Process process, Duration startTimeout) {
    this.name = name;
    this.process = process;
    CompletableFuture<String> listening = new CompletableFuture<>();
    Thread drain = new Thread(() -> drain(listening), name + "-stderr");
    drain.setDaemon(true);
    drain.start();
    try {
      this.address = listening.get(startTimeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException | ExecutionException e) {
      close();
      throw new IllegalStateException(
          name + " did not print 'listening on HOST:PORT' within " + startTimeout
              + "; stderr:\n" + recentStderr(), e);
    } catch (InterruptedException e) {
      close();
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while starting " + name, e);
    }
  }

  /** Starts {@code command} and waits until it prints its address. */
  static ServerProcess start(String name, List<String> command, Duration startTimeout) {
    ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD);
    try {
      return new ServerProcess(name, pb.start(), startTimeout);
    } catch (IOException e) {
      throw new IllegalStateException("cannot start " + name + ": " + command, e);
    }
  }

  /** The {@code HOST:PORT} the server listens on. */
  String address() {
    return address;
  }

  /** The last lines the process wrote to stderr, for failure messages. */
  String recentStderr() {
    synchronized (lastLines) {
      return String.join("\n", new ArrayList<>(lastLines));
    }
  }

  private void drain(CompletableFuture<String> listening) {
    try (BufferedReader r = new BufferedReader(
        new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        synchronized (lastLines) {
          lastLines.addLast(line);
          if (lastLines.size() > KEPT_LINES) {
            lastLines.removeFirst();
          }
        }
        Matcher m = LISTENING.matcher(line);
        if (!listening.isDone() && m.matches()) {
          listening.complete(m.group(1));
        }
      }
    } catch (IOException e) {
      // The stream closes when the process dies; nothing else to read.
    }
    listening.completeExceptionally(
        new IllegalStateException(name + " exited before listening"));
  }

  /** Sends SIGTERM without waiting, so several servers can stop in parallel. */
  void signalStop() {
    if (process.isAlive()) {
      process.destroy(); // SIGTERM
    }
  }

  /** SIGTERM, then waits up to 15 s for a clean exit before killing. */
  @Override
  public void close() {
    if (!process.isAlive()) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(15, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
