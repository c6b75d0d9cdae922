"""A fuzz target that is a corpus-replay test in ordinary builds and a libFuzzer binary with
--config=fuzz (clang; see .bazelrc and scripts/fuzz)."""

load("@rules_cc//cc:defs.bzl", "cc_test")

def fuzz_target(name, srcs, deps, corpus):
    """`corpus` names the seed folder under corpus/."""
    corpus_dir = "%s/corpus/%s" % (native.package_name(), corpus)
    cc_test(
        name = name,
        srcs = srcs,
        args = select({
            ":fuzzing": ["-max_total_time=15", "-timeout=10", corpus_dir],
            "//conditions:default": [corpus_dir],
        }),
        data = native.glob(["corpus/%s/*" % corpus]),
        linkopts = select({
            ":fuzzing": ["-fsanitize=fuzzer"],
            "//conditions:default": [],
        }),
        deps = deps + select({
            ":fuzzing": [],
            "//conditions:default": [":replay_main"],
        }),
    )
