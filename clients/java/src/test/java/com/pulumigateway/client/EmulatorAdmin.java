package com.pulumigateway.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The emulator's {@code /_emulator} admin API (faults, request log, live updates, reset), which
 * tests call directly: the gateway never forwards to it. Each request uses its own connection
 * ({@code Connection: close}): an idle keep-alive connection would hold up the emulator's
 * shutdown.
 */
final class EmulatorAdmin {
  private static final int TIMEOUT_MS = 10_000;
  private static final Pattern COUNT = Pattern.compile("\"count\"\\s*:\\s*(\\d+)");

  private final String base;

  EmulatorAdmin(String emulatorAddress) {
    this.base = "http://" + emulatorAddress + "/_emulator";
  }

  /** POSTs a JSON body; returns the response body. Fails on a non-2xx answer. */
  String post(String path, String json) {
    return send("POST", path, json);
  }

  String get(String path) {
    return send("GET", path, null);
  }

  void delete(String path) {
    send("DELETE", path, null);
  }

  /** Adds a fault rule (see the emulator README), e.g. {@code {"kind":"latency",...}}. */
  String addFault(String ruleJson) {
    return post("/faults", ruleJson);
  }

  /** Back to the demo seed; clears faults and the request log. */
  void reset() {
    post("/reset", "");
  }

  /** How many requests matching a method and path glob the emulator has seen. */
  int requestCount(String method, String pathGlob) {
    String body = get("/requests?method=" + method + "&path="
        + URLEncoder.encode(pathGlob, StandardCharsets.UTF_8));
    Matcher m = COUNT.matcher(body);
    if (!m.find()) {
      throw new IllegalStateException("no count in " + body);
    }
    return Integer.parseInt(m.group(1));
  }

  private String send(String method, String path, String body) {
    HttpURLConnection c = null;
    try {
      c = (HttpURLConnection) URI.create(base + path).toURL().openConnection();
      c.setRequestMethod(method);
      c.setConnectTimeout(TIMEOUT_MS);
      c.setReadTimeout(TIMEOUT_MS);
      c.setRequestProperty("Connection", "close");
      if (body != null) {
        c.setDoOutput(true);
        c.setRequestProperty("Content-Type", "application/json");
        try (OutputStream out = c.getOutputStream()) {
          out.write(body.getBytes(StandardCharsets.UTF_8));
        }
      }
      int status = c.getResponseCode();
      InputStream in = status / 100 == 2 ? c.getInputStream() : c.getErrorStream();
      String text = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
      if (status / 100 != 2) {
        throw new IllegalStateException(
            "emulator admin " + method + " " + path + " answered " + status + ": " + text);
      }
      return text;
    } catch (IOException e) {
      throw new IllegalStateException("emulator admin " + method + " " + path + " failed: " + e,
          e);
    } finally {
      if (c != null) {
        c.disconnect();
      }
    }
  }
}
