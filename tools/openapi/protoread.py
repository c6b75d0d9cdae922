"""Reads what the checked-in .proto files declare, for the coverage report and the tests.

    api = read_dir(ROOT / "proto" / "pulumi" / "service" / "v1")
    api.rpcs["StacksService.GetStack"].http   # {"get": "/api/stacks/...", "response_body": "stack"}
    api.messages["GetStackRequest"].fields[0] # ReadField(name, number, type, label, options)

A small tokenizer and parser for proto3 files: services with their method options, messages with
their fields (oneofs included), enums skipped over. Options are read as plain values or message
literals (dicts; a repeated key gives a list).
"""

import dataclasses
import pathlib
import re

TOKEN = re.compile(r'''
    (?P<space>\s+) | (?P<comment>//[^\n]*|/\*.*?\*/) |
    (?P<string>"(?:[^"\\]|\\.)*") | (?P<number>-?\d+(?:\.\d+)?) |
    (?P<ident>[A-Za-z_][A-Za-z0-9_.]*) | (?P<punct>[{}\[\]()<>;=,:])
''', re.VERBOSE | re.DOTALL)


@dataclasses.dataclass
class ReadField:
    name: str
    number: int
    type: str
    label: str
    options: dict


@dataclasses.dataclass
class ReadMessage:
    name: str
    file: str
    fields: list


@dataclasses.dataclass
class ReadRpc:
    service: str
    name: str
    request: str
    response: str
    server_streaming: bool
    file: str
    options: dict  # option name (e.g. "google.api.http") -> value

    @property
    def http(self):
        return self.options.get("google.api.http")


@dataclasses.dataclass
class ReadApi:
    rpcs: dict
    messages: dict


def tokenize(text):
    tokens = []
    for match in TOKEN.finditer(text):
        kind = match.lastgroup
        if kind in ("space", "comment"):
            continue
        value = match.group()
        if kind == "string":
            value = ("str", bytes(value[1:-1], "utf-8").decode("unicode_escape"))
            if tokens and isinstance(tokens[-1], tuple):  # adjacent literals concatenate
                tokens[-1] = ("str", tokens[-1][1] + value[1])
                continue
        tokens.append(value)
    return tokens


class _Parser:

    def __init__(self, tokens, file):
        self.tokens = tokens
        self.pos = 0
        self.file = file

    def peek(self):
        return self.tokens[self.pos] if self.pos < len(self.tokens) else None

    def take(self, expected=None):
        token = self.peek()
        if expected is not None and token != expected:
            raise ValueError(f"{self.file}: expected {expected!r}, got {token!r}")
        self.pos += 1
        return token

    def skip_statement(self):
        while self.take() != ";":
            pass

    def skip_block(self):
        depth = 0
        while True:
            token = self.take()
            if token == "{":
                depth += 1
            elif token == "}":
                depth -= 1
                if depth == 0:
                    return

    def value(self):
        token = self.take()
        if token == "{":
            out = {}
            while self.peek() != "}":
                key = self.take()
                if self.peek() == ":":
                    self.take()
                val = self.value()
                if key in out:
                    out[key] = (out[key] if isinstance(out[key], list) else [out[key]]) + [val]
                else:
                    out[key] = val
                if self.peek() in (",", ";"):
                    self.take()
            self.take("}")
            return out
        if token == "[":
            items = []
            while self.peek() != "]":
                items.append(self.value())
                if self.peek() == ",":
                    self.take()
            self.take("]")
            return items
        if isinstance(token, tuple):
            return token[1]
        return token

    def option_name(self):
        if self.peek() == "(":
            self.take()
            name = self.take()
            self.take(")")
            return name
        return self.take()

    def service(self, api):
        name = self.take()
        self.take("{")
        while self.peek() != "}":
            if self.peek() != "rpc":
                self.skip_statement()
                continue
            self.take("rpc")
            rpc = self.take()
            self.take("(")
            request = self.take()
            self.take(")")
            self.take("returns")
            self.take("(")
            streaming = self.peek() == "stream"
            if streaming:
                self.take()
            response = self.take()
            self.take(")")
            options = {}
            if self.peek() == "{":
                self.take()
                while self.peek() != "}":
                    self.take("option")
                    key = self.option_name()
                    self.take("=")
                    options[key] = self.value()
                    self.take(";")
                self.take("}")
            else:
                self.take(";")
            api.rpcs[f"{name}.{rpc}"] = ReadRpc(name, rpc, request, response, streaming,
                                               self.file, options)
        self.take("}")

    def message(self, api):
        name = self.take()
        self.take("{")
        fields = []
        self._fields(fields)
        api.messages[name] = ReadMessage(name, self.file, fields)

    def _fields(self, fields):
        while self.peek() != "}":
            token = self.peek()
            if token in ("reserved", "option"):
                self.skip_statement()
            elif token in ("message", "enum"):
                self.take()
                self.take()
                self.skip_block()
            elif token == "oneof":
                self.take()
                self.take()
                self.take("{")
                self._fields(fields)
            else:
                fields.append(self.field())
        self.take("}")

    def field(self):
        label = ""
        if self.peek() in ("optional", "repeated"):
            label = self.take()
        if self.peek() == "map":
            self.take()
            self.take("<")
            key = self.take()
            self.take(",")
            value = self.take()
            self.take(">")
            type_text = f"map<{key}, {value}>"
        else:
            type_text = self.take()
        name = self.take()
        self.take("=")
        number = int(self.take())
        options = {}
        if self.peek() == "[":
            self.take()
            while True:
                key = self.option_name()
                self.take("=")
                value = self.value()
                if key in options:
                    options[key] = (options[key] if isinstance(options[key], list)
                                    else [options[key]]) + [value]
                else:
                    options[key] = value
                if self.take() == "]":
                    break
        self.take(";")
        return ReadField(name, number, type_text, label, options)


def read_text(text, file, api=None):
    api = api or ReadApi({}, {})
    parser = _Parser(tokenize(text), file)
    while parser.peek() is not None:
        token = parser.take()
        if token == "service":
            parser.service(api)
        elif token == "message":
            parser.message(api)
        elif token == "enum":
            parser.take()
            parser.skip_block()
        elif token in ("syntax", "package", "import", "option"):
            parser.skip_statement()
    return api


def read_dir(path):
    api = ReadApi({}, {})
    for file in sorted(pathlib.Path(path).glob("*.proto")):
        read_text(file.read_text(encoding="utf-8"), file.name, api)
    return api


def allowed_values(field):
    values = field.options.get("pulumi.gateway.v1.allowed_values", [])
    return values if isinstance(values, list) else [values]


def verb_and_path(http):
    """("GET", "/api/...") of a google.api.http rule dict; HEAD comes from `custom`."""
    for verb in ("get", "put", "post", "delete", "patch"):
        if verb in http:
            return verb.upper(), http[verb]
    custom = http.get("custom", {})
    return custom.get("kind", ""), custom.get("path", "")
