"""The field-number lock: every message the generator ever emitted, its file and its fields.

    lock = Lock.load(LOCK_PATH)
    entry = lock.message("Stack")          # None for a message never emitted
    entry.field_by_json("stackName")       # LockedField(name, number, json, type) or None
    lock.record(message_name, file, source, fields)   # what a run emitted
    text = lock.render()                   # canonical JSON, one field per line

A locked field keeps its name, number, JSON key and type for ever, so regenerating from a newer
API description never moves or retypes a field a client already uses; a new key gets the next
free number. Messages keep their file (moving one breaks generated code). The 0.2.0 messages were
derived from the protos of that release and are marked `"released": "0.2.0"`.
"""

import dataclasses
import json
import pathlib

LOCK_PATH = pathlib.Path(__file__).resolve().parent / "proto_lock.json"

ABOUT = [
    "Written by tools/openapi/generate.py; do not edit by hand except to accept a breaking change.",
    "Every message the generator emitted: its file, where it comes from in the API description,",
    "and its fields as [name, number, JSON key, type]. Locked fields keep their number and type.",
]


@dataclasses.dataclass
class LockedField:
    name: str
    number: int
    json: str
    type: str  # "string", "optional int64", "repeated Stack", "map<string, string>"
    oneof: str = ""

    def to_json(self):
        out = [self.name, self.number, self.json, self.type]
        if self.oneof:
            out.append({"oneof": self.oneof})
        return out


@dataclasses.dataclass
class LockedMessage:
    name: str
    file: str
    source: str = ""
    released: str = ""
    fields: list = dataclasses.field(default_factory=list)

    def field_by_json(self, key):
        return next((f for f in self.fields if f.json == key), None)

    def field_by_name(self, name):
        return next((f for f in self.fields if f.name == name), None)

    def next_number(self):
        return max((f.number for f in self.fields), default=0) + 1


class Lock:

    def __init__(self, messages=None):
        self.messages = dict(messages or {})

    @classmethod
    def load(cls, path=LOCK_PATH):
        path = pathlib.Path(path)
        if not path.exists():
            return cls()
        raw = json.loads(path.read_text(encoding="utf-8"))
        messages = {}
        for name, entry in raw.get("messages", {}).items():
            fields = [LockedField(f[0], f[1], f[2], f[3], (f[4] if len(f) > 4 else {}).get(
                "oneof", "")) for f in entry.get("fields", [])]
            messages[name] = LockedMessage(name, entry["file"], entry.get("source", ""),
                                           entry.get("released", ""), fields)
        return cls(messages)

    def message(self, name):
        return self.messages.get(name)

    def name_for_source(self, source):
        for entry in self.messages.values():
            if entry.source == source:
                return entry.name
        return None

    def record(self, name, file, source, fields):
        """Remembers an emitted message; earlier entries (and their `released` mark) are kept."""
        old = self.messages.get(name)
        released = old.released if old else ""
        self.messages[name] = LockedMessage(name, file, source or (old.source if old else ""),
                                            released, sorted(fields, key=lambda f: f.number))

    def render(self):
        out = ['{', '  "_about": ' + json.dumps(ABOUT, ensure_ascii=False) + ',',
               '  "messages": {']
        names = sorted(self.messages)
        for i, name in enumerate(names):
            entry = self.messages[name]
            head = {"file": entry.file}
            if entry.released:
                head["released"] = entry.released
            if entry.source:
                head["source"] = entry.source
            out.append(f'    {json.dumps(name)}: {{')
            for key, value in head.items():
                out.append(f'      {json.dumps(key)}: {json.dumps(value)},')
            if entry.fields:
                out.append('      "fields": [')
                for j, field in enumerate(entry.fields):
                    comma = "," if j + 1 < len(entry.fields) else ""
                    out.append("        " + json.dumps(field.to_json(), ensure_ascii=False) + comma)
                out.append('      ]')
            else:
                out.append('      "fields": []')
            out.append('    }' + ("," if i + 1 < len(names) else ""))
        out.extend(['  }', '}'])
        return "\n".join(out) + "\n"
