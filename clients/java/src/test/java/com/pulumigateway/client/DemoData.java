package com.pulumigateway.client;

/** Facts of the emulator's bundled demo seed (emulator/README.md) that the tests rely on. */
final class DemoData {
  static final String JDOE_TOKEN = "pul-demo-jdoe-7f3a9c2e41b85d60f1e2a3b4c5d6e7f8";
  static final String EVE_TOKEN = "pul-demo-eve-4f5e6d7c8b9a0f1e2d3c4b5a69788796";

  static final int ALL_STACKS_OF_JDOE = 14;
  static final int ACME_STACKS = 12;
  static final int ACME_MEMBERS = 7;
  static final int ACME_AUDIT_EVENTS = 14;

  static final String PROD_UPDATE_ID = "3b9e4f1a-6c2d-4e8f-a0b1-c2d3e4f5a6b7";
  static final long PROD_VERSION = 42;

  private DemoData() {}
}
