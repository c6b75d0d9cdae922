"""C++ code generation for .proto files with the system protoc and gRPC plugin.

One macro, `cc_proto_grpc_library`, turns a set of .proto files into a cc_library. It must be
declared in the package that is the proto import root (for example `//proto`, whose files import
each other as "pulumi/service/v1/common.proto"), so generated headers are included by import path:

    load("//third_party:protoc.bzl", "cc_proto_grpc_library")

    cc_proto_grpc_library(
        name = "service_v1",
        srcs = glob(["pulumi/service/v1/*.proto"]),
        deps = ["@googleapis_protos//:api"],
    )

    // C++: #include "pulumi/service/v1/stacks.grpc.pb.h"

The rule also writes `<name>_descriptor_set.pb` (all sources plus their imports), which tools such
as ghz and grpcurl can read instead of server reflection.
"""

_PROTOC = "/usr/bin/protoc"
_GRPC_CPP_PLUGIN = "/usr/bin/grpc_cpp_plugin"

ProtoSourcesInfo = provider(
    doc = "The .proto files of a library and of everything it imports, with their import roots.",
    fields = {
        "sources": "depset of .proto Files, transitive",
        "import_dirs": "depset of -I directories, transitive",
    },
)

def _import_dir(ctx):
    parts = [p for p in [ctx.label.workspace_root, ctx.label.package] if p]
    return "/".join(parts) if parts else "."

def _protoc_gen_impl(ctx):
    import_dir = _import_dir(ctx)
    prefix = "" if import_dir == "." else import_dir + "/"

    sources = depset(ctx.files.srcs, transitive = [d[ProtoSourcesInfo].sources for d in ctx.attr.deps])
    import_dirs = depset([import_dir], transitive = [d[ProtoSourcesInfo].import_dirs for d in ctx.attr.deps])

    outputs = []
    relative_srcs = []
    for src in ctx.files.srcs:
        if not src.path.startswith(prefix):
            fail("%s is not under the import root %s" % (src.path, import_dir))
        rel = src.path[len(prefix):]
        relative_srcs.append(rel)
        stem = rel[:-len(".proto")]
        outputs.append(ctx.actions.declare_file(stem + ".pb.h"))
        outputs.append(ctx.actions.declare_file(stem + ".pb.cc"))
        if ctx.attr.grpc:
            outputs.append(ctx.actions.declare_file(stem + ".grpc.pb.h"))
            outputs.append(ctx.actions.declare_file(stem + ".grpc.pb.cc"))
    descriptor_set = ctx.actions.declare_file(ctx.attr.name + "_descriptor_set.pb")

    out_dir = "/".join([p for p in [ctx.bin_dir.path, ctx.label.workspace_root, ctx.label.package] if p])
    args = ctx.actions.args()
    args.add_all(import_dirs, format_each = "-I%s")
    args.add("-I/usr/include")
    args.add("--cpp_out=" + out_dir)
    if ctx.attr.grpc:
        args.add("--grpc_out=" + out_dir)
        args.add("--plugin=protoc-gen-grpc=" + _GRPC_CPP_PLUGIN)
    args.add("--include_imports")
    args.add("--include_source_info")
    args.add("--descriptor_set_out=" + descriptor_set.path)
    args.add_all(relative_srcs)

    ctx.actions.run(
        executable = _PROTOC,
        arguments = [args],
        inputs = sources,
        outputs = outputs + [descriptor_set],
        mnemonic = "Protoc",
        progress_message = "Generating C++ for %s" % ctx.label,
        use_default_shell_env = True,
    )
    return [
        DefaultInfo(files = depset(outputs + [descriptor_set])),
        ProtoSourcesInfo(sources = sources, import_dirs = import_dirs),
        OutputGroupInfo(
            headers = depset([f for f in outputs if f.path.endswith(".h")]),
            sources = depset([f for f in outputs if f.path.endswith(".cc")]),
            descriptor_set = depset([descriptor_set]),
        ),
    ]

_protoc_gen = rule(
    implementation = _protoc_gen_impl,
    attrs = {
        "srcs": attr.label_list(allow_files = [".proto"]),
        "deps": attr.label_list(providers = [ProtoSourcesInfo]),
        "grpc": attr.bool(default = True),
    },
)

def cc_proto_grpc_library(name, srcs, deps = [], grpc = True, visibility = None, **kwargs):
    """Generates C++ (and gRPC stubs when `grpc`) for `srcs` and wraps it in a cc_library.

    Args:
      name: the cc_library's name; `<name>_gen` is the generator, `<name>_descriptor_set`
        the FileDescriptorSet of the sources and all their imports.
      srcs: .proto files in this package's tree, imported relative to this package.
      deps: other cc_proto_grpc_library targets whose .proto files `srcs` import.
      grpc: also run the gRPC plugin (needed only for files with services).
      visibility: visibility of all three targets.
      **kwargs: passed to the cc_library.
    """
    gen = name + "_gen"
    _protoc_gen(name = gen, srcs = srcs, deps = [d + "_gen" for d in deps], grpc = grpc, visibility = visibility)
    native.filegroup(name = name + "_hdrs", srcs = [gen], output_group = "headers")
    native.filegroup(name = name + "_srcs", srcs = [gen], output_group = "sources")
    native.filegroup(name = name + "_descriptor_set", srcs = [gen], output_group = "descriptor_set", visibility = visibility)
    package = native.package_name()
    native.cc_library(
        name = name,
        srcs = [name + "_srcs"],
        hdrs = [name + "_hdrs"],
        strip_include_prefix = ("/" + package) if package else None,
        deps = deps + ["@//third_party:protobuf"] + (["@//third_party:grpc"] if grpc else []),
        # Descriptors register themselves at start-up; reflection and the route table need every
        # file linked in even when no symbol of it is referenced.
        alwayslink = True,
        visibility = visibility,
        **kwargs
    )
