#!/usr/bin/env python3
"""Checks the Dockerfile: its structure, and its runtime package list against the built binary.

    dockerfile_check.py policy   Dockerfile           # stages, user, ports, entrypoint, no build tools
    dockerfile_check.py rejects  FIXTURE              # `policy` fails FIXTURE with its "# expect:" lines
    dockerfile_check.py packages Dockerfile BINARY    # runtime packages == what `ldd BINARY` needs
    dockerfile_check.py selftest Dockerfile BINARY    # `packages` fails on a missing or extra package

The runtime package list is the `apt-get install` between the `# runtime-packages:begin` and
`# runtime-packages:end` comments. `packages` resolves each library with `dpkg -S` on this machine
(Debian 12, the same archive the image installs from) and requires:
  1. every library the binary needs directly (ELF NEEDED) comes from a listed package;
  2. every library `ldd` loads (direct and transitive) comes from a listed package or from one that
     a listed package depends on, so `apt-get install` of the list brings it;
  3. every listed package provides at least one library `ldd` loads, except the allowed data
     packages (ca-certificates, tzdata).
libc6 (libc, libm, the dynamic loader) is in every Debian base image and is exempt. So are the
sanitizer runtimes (libasan, libubsan, ...) of an instrumented build, which the image never ships
(scripts/test's ASan run rebuilds bazel-bin's copy of the binary that way).
Exits 0 when every check passes, 1 with one line per problem otherwise.
"""

import os
import re
import shlex
import subprocess
import sys
import tempfile

BEGIN_MARKER = "# runtime-packages:begin"
END_MARKER = "# runtime-packages:end"
BASE_IMAGE_PACKAGES = {"libc6"}
DATA_PACKAGES = {"ca-certificates", "tzdata"}
# Packages that must never reach the runtime image (build tools); any "-dev" package too.
BUILD_TOOLS = {
    "bazel-bootstrap", "build-essential", "clang", "cmake", "cpp", "g++", "gcc", "git", "golang",
    "golang-go", "make", "nodejs", "npm", "protobuf-compiler", "protobuf-compiler-grpc",
}
BINARY_IN_IMAGE = "/usr/local/bin/pulumi_gateway"
SANITIZER_RUNTIME = re.compile(r"^lib(asan|hwasan|lsan|tsan|ubsan)\.so")


class Stage:
    def __init__(self, base, name):
        self.base = base
        self.name = name
        self.instructions = []  # (KEYWORD, arguments)


def logical_lines(text):
    """Dockerfile lines with continuations joined and comments dropped (as Docker reads them)."""
    lines, current = [], ""
    for raw in text.splitlines():
        stripped = raw.strip()
        if stripped.startswith("#") or (not stripped and current):
            continue
        if stripped.endswith("\\"):
            current += stripped[:-1] + " "
            continue
        current += stripped
        if current.strip():
            lines.append(current.strip())
        current = ""
    if current.strip():
        lines.append(current.strip())
    return lines


def parse_stages(text):
    stages = []
    for line in logical_lines(text):
        keyword, _, args = line.partition(" ")
        keyword = keyword.upper()
        if keyword == "FROM":
            words = args.split()
            name = words[2] if len(words) >= 3 and words[1].upper() == "AS" else None
            stages.append(Stage(words[0], name))
        elif stages:
            stages[-1].instructions.append((keyword, args.strip()))
    return stages


def runtime_packages(text):
    """The packages of the marked `apt-get install`; raises ValueError when it is malformed."""
    if text.count(BEGIN_MARKER) != 1 or text.count(END_MARKER) != 1:
        raise ValueError(f"expected exactly one '{BEGIN_MARKER}' ... '{END_MARKER}' block")
    block = text.split(BEGIN_MARKER, 1)[1].split(END_MARKER, 1)[0]
    runs = [a for k, a in (line.partition(" ")[::2] for line in logical_lines(block))
            if k.upper() == "RUN"]
    if len(runs) != 1:
        raise ValueError(f"the runtime-packages block must hold one RUN, found {len(runs)}")
    packages = []
    for command in re.split(r"&&|;", runs[0]):
        words = shlex.split(command)
        if words[:2] == ["apt-get", "install"]:
            packages += [w for w in words[2:] if not w.startswith("-")]
    if not packages:
        raise ValueError("the runtime-packages block installs no package")
    return packages


def check_policy(dockerfile):
    text = open(dockerfile, encoding="utf-8").read()
    problems = []
    stages = parse_stages(text)
    if len(stages) < 2:
        return [f"expected a multi-stage build, found {len(stages)} stage(s)"]
    runtime = stages[-1]
    builders = [s for s in stages if s.base == "debian:12" and s.name]
    if runtime.base != "debian:12-slim":
        problems.append(f"runtime stage is FROM {runtime.base}, expected debian:12-slim")
    if not builders:
        problems.append("no named build stage FROM debian:12")
    for stage in builders:
        runs = " ".join(a for k, a in stage.instructions if k == "RUN")
        if "scripts/setup" not in runs:
            problems.append(f"build stage '{stage.name}' does not run scripts/setup")
        if not re.search(r"bazel build -c opt //gateway:pulumi_gateway", runs):
            problems.append(f"build stage '{stage.name}' does not run "
                            "'bazel build -c opt //gateway:pulumi_gateway'")

    def runtime_args(keyword):
        return [a for k, a in runtime.instructions if k == keyword]

    users = runtime_args("USER")
    if not users:
        problems.append("runtime stage sets no USER (it would run as root)")
    elif not re.fullmatch(r"[1-9][0-9]*(:[0-9]+)?", users[-1]):
        problems.append(f"runtime USER '{users[-1]}' must be a numeric non-zero uid[:gid] "
                        "(runAsNonRoot cannot verify a name)")
    exposed = {p.split("/")[0] for a in runtime_args("EXPOSE") for p in a.split()}
    for port in ("50051", "9090"):
        if port not in exposed:
            problems.append(f"runtime stage does not EXPOSE {port}")
    entrypoints = runtime_args("ENTRYPOINT")
    if not entrypoints or not entrypoints[-1].startswith(f'["{BINARY_IN_IMAGE}"'):
        problems.append(f'ENTRYPOINT must be the exec form ["{BINARY_IN_IMAGE}", ...]')
    cmds = runtime_args("CMD")
    if not cmds or not cmds[-1].startswith("["):
        problems.append("CMD must hold the default flags in exec (JSON array) form")
    if not any(k == "COPY" and "--from=" in a and BINARY_IN_IMAGE in a
               for k, a in runtime.instructions):
        problems.append(f"runtime stage does not COPY --from the build stage to {BINARY_IN_IMAGE}")

    installs = [a for k, a in runtime.instructions if k == "RUN" and "apt-get install" in a]
    if len(installs) != 1:
        problems.append(f"runtime stage must install packages once (the marked block), "
                        f"found {len(installs)} apt-get install(s)")
    for run in installs:
        if "--no-install-recommends" not in run:
            problems.append("runtime apt-get install lacks --no-install-recommends")
        if "rm -rf /var/lib/apt/lists/*" not in run:
            problems.append("runtime apt-get install does not remove /var/lib/apt/lists/*")
    try:
        for package in runtime_packages(text):
            if package in BUILD_TOOLS or package.endswith("-dev"):
                problems.append(f"runtime stage installs the build tool/package '{package}'")
    except ValueError as e:
        problems.append(str(e))
    return problems


def run(argv):
    return subprocess.run(argv, check=True, capture_output=True, text=True).stdout


def ldd_libraries(binary):
    """{soname: path} of every library the dynamic loader maps; raises on 'not found'."""
    libs, missing = {}, []
    for line in run(["ldd", binary]).splitlines():
        line = line.strip()
        m = re.match(r"(\S+) => not found", line)
        if m:
            missing.append(m.group(1))
            continue
        m = re.match(r"(\S+) => (/\S+) \(0x", line) or re.match(r"(/\S+) \(0x", line)
        if m:
            soname = os.path.basename(m.group(1))
            libs[soname] = m.group(2) if m.lastindex == 2 else m.group(1)
    sanitizers = sorted(s for s in libs if SANITIZER_RUNTIME.match(s))
    if sanitizers:
        print(f"note: {binary} is a sanitizer build; ignoring {', '.join(sanitizers)}")
        libs = {s: p for s, p in libs.items() if s not in sanitizers}
    if missing:
        raise RuntimeError(f"ldd cannot find {', '.join(missing)} on this machine "
                           "(run scripts/setup)")
    return libs


def needed_libraries(binary):
    needed = re.findall(r"\(NEEDED\)\s+Shared library: \[([^\]]+)\]", run(["readelf", "-d", binary]))
    return [n for n in needed if not SANITIZER_RUNTIME.match(n)]


def path_variants(path):
    """Debian 12 merges /lib into /usr/lib; dpkg knows each file under one of the two spellings."""
    candidates = []
    for p in (path, os.path.realpath(path)):
        candidates.append(p)
        candidates.append(p[4:] if p.startswith("/usr/") else "/usr" + p)
    return list(dict.fromkeys(candidates))


def owning_packages(paths):
    """{path: package} via one `dpkg-query -S` over every spelling of every path."""
    queries = sorted({v for p in paths for v in path_variants(p)})
    result = subprocess.run(["dpkg-query", "-S"] + queries, capture_output=True, text=True)
    owner_of = {}
    for line in result.stdout.splitlines():
        if line.startswith("diversion "):
            continue
        packages, _, path = line.partition(": ")
        owner_of[path.strip()] = packages.split(",")[0].split(":")[0].strip()
    return {p: next((owner_of[v] for v in path_variants(p) if v in owner_of), None) for p in paths}


def installed_dependencies():
    """{package: [first alternative of each Depends/Pre-Depends]} of the installed packages."""
    out = run(["dpkg-query", "-W", "-f", "${Package}\t${Depends}, ${Pre-Depends}\n"])
    deps = {}
    for line in out.splitlines():
        name, _, fields = line.partition("\t")
        firsts = []
        for clause in fields.split(","):
            first = clause.split("|")[0].strip()
            first = re.sub(r"\s*\(.*?\)", "", first).split(":")[0].strip()
            if first:
                firsts.append(first)
        deps[name] = firsts
    return deps


def closure(packages, deps):
    seen, todo = set(), list(packages)
    while todo:
        p = todo.pop()
        if p not in seen:
            seen.add(p)
            todo += deps.get(p, [])
    return seen


def check_packages(text, binary, deps=None):
    """The problems with the runtime list; `deps` replaces the installed packages' dependencies."""
    try:
        listed = runtime_packages(text)
    except ValueError as e:
        return [str(e)]
    problems = []
    duplicates = sorted({p for p in listed if listed.count(p) > 1})
    if duplicates:
        problems.append(f"packages listed twice: {', '.join(duplicates)}")
    libs = ldd_libraries(binary)
    needed = set(needed_libraries(binary))
    owners = owning_packages(list(libs.values()))
    listed_set = set(listed)
    installed_by_list = closure(listed_set, installed_dependencies() if deps is None else deps)
    provided_by = {}
    for soname, path in sorted(libs.items()):
        package = owners[path]
        if package is None:
            problems.append(f"{soname} ({path}) belongs to no Debian package: the image cannot "
                            "install it")
            continue
        provided_by.setdefault(package, []).append(soname)
        if package in BASE_IMAGE_PACKAGES:
            continue
        if soname in needed and package not in listed_set:
            problems.append(f"missing package: {package} (provides {soname}, which the binary "
                            "needs directly)")
        elif package not in installed_by_list:
            problems.append(f"missing package: {package} (provides {soname}, loaded by ldd, and "
                            "no listed package depends on it)")
    for package in listed:
        if package not in provided_by and package not in DATA_PACKAGES:
            problems.append(f"extra package: {package} provides none of the libraries the binary "
                            "loads (remove it, or allow it as a data package)")
    return problems


def selftest(text, binary):
    """`packages` must pass on the real list and fail when a package is removed or added, or when
    a transitive library's package is not among the list's dependencies."""
    problems = check_packages(text, binary)
    if problems:
        return ["the real Dockerfile does not pass: " + p for p in problems]
    listed = runtime_packages(text)
    block = text.split(BEGIN_MARKER, 1)[1].split(END_MARKER, 1)[0]
    victim = next(p for p in listed if p not in DATA_PACKAGES)
    without = text.replace(block, re.sub(rf"^\s*{re.escape(victim)} \\\n", "", block,
                                         flags=re.M))
    with_extra = text.replace(block, block.replace(f" {victim} \\\n",
                                                   f" {victim} \\\n      libyaml-0-2 \\\n"))
    failures = []
    for label, mutated, deps, expect in (
            (f"without {victim}", without, None, f"missing package: {victim}"),
            ("with libyaml-0-2 added", with_extra, None, "extra package: libyaml-0-2"),
            ("whose packages pull in no dependencies", text, {}, "no listed package depends")):
        if mutated == text and deps is None:
            failures.append(f"selftest could not build the Dockerfile {label}")
            continue
        got = check_packages(mutated, binary, deps)
        if not any(expect in p for p in got):
            failures.append(f"the check passed a Dockerfile {label} (expected '{expect}', "
                            f"got {got})")
        else:
            print(f"ok: a Dockerfile {label} fails: {next(p for p in got if expect in p)}")
    return failures


def rejects(fixture):
    """0 when `policy` finds every problem the fixture's "# expect: TEXT" lines name."""
    expected = re.findall(r"^# expect: (.+)$", open(fixture, encoding="utf-8").read(), re.M)
    problems = check_policy(fixture)
    missing = [e for e in expected if not any(e in p for p in problems)]
    if not expected or missing:
        print(f"{fixture}: expected problems not reported: {missing or 'none listed'}; got:")
        for p in problems:
            print(f"  {p}")
        return 1
    print(f"ok: {fixture} rejected ({len(expected)} expected problems among {len(problems)})")
    return 0


def main(argv):
    if len(argv) < 3 or argv[1] not in ("policy", "rejects", "packages", "selftest") or \
            (argv[1] in ("packages", "selftest") and len(argv) != 4):
        print(__doc__, file=sys.stderr)
        return 2
    mode, dockerfile = argv[1], argv[2]
    if mode == "rejects":
        return rejects(dockerfile)
    if mode == "policy":
        problems = check_policy(dockerfile)
    else:
        text = open(dockerfile, encoding="utf-8").read()
        try:
            problems = (check_packages if mode == "packages" else selftest)(text, argv[3])
        except (RuntimeError, subprocess.CalledProcessError) as e:
            problems = [str(e)]
        if mode == "packages" and not problems:
            print(f"ok: {len(runtime_packages(text))} runtime packages cover every library "
                  f"`ldd {argv[3]}` lists")
    for p in problems:
        print(f"{dockerfile}: {p}", file=sys.stderr)
    if mode == "policy" and not problems:
        print(f"ok: {dockerfile} structure")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
