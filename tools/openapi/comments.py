"""The generated comments: facts of the API description said in the project's own words.

    wrap(["Query parameter `page`.", "One of: `a`, `b`."])   # lines of at most 97 characters
    rpc_lines(info)                                           # verb, path, statuses, pages, preview

Nothing here copies the description's prose (it has none left): every sentence is built from
verbs, paths, status codes, parameter names, JSON keys, formats and enum values.
"""

WIDTH = 93  # comment text: behind "    // " (a field in a oneof) a line stays within 100 columns


def wrap(sentences, width=WIDTH):
    """Joins sentences into lines of at most `width` characters (a word longer stays whole)."""
    lines = []
    for paragraph in _paragraphs(sentences):
        if paragraph is None:
            lines.append("")
            continue
        current = ""
        for word in _words(paragraph, width):
            if current and len(current) + 1 + len(word) > width:
                lines.append(current)
                current = word
            else:
                current = f"{current} {word}" if current else word
        if current:
            lines.append(current)
    while lines and lines[-1] == "":
        lines.pop()
    return lines


def _words(paragraph, width):
    """The paragraph's words; one longer than a line (a long path) is cut after a '/'."""
    for word in paragraph.split(" "):
        while len(word) > width and "/" in word[1:width]:
            cut = word.rindex("/", 1, width)
            yield word[:cut]
            word = word[cut:]
        if word:
            yield word


def _paragraphs(sentences):
    """Consecutive sentences form one paragraph; "" starts a new one (None marks the gap)."""
    current = []
    for sentence in sentences:
        if sentence == "":
            if current:
                yield " ".join(current)
            current = []
            yield None
        else:
            current.append(sentence)
    if current:
        yield " ".join(current)


def code_list(values, limit=None):
    shown = [f"`{v}`" for v in values]
    if limit and len(shown) > limit:
        return ", ".join(shown[:limit]) + f" and {len(shown) - limit} more"
    return ", ".join(shown)


def one_of(values):
    if not values:
        return ""
    return "One of: " + code_list(values) + "."


def statuses(codes):
    return ", ".join(codes)


def pagination_sentence(kind):
    return {
        "token": "Pagination: pass the answer's `continuation_token` back for the next page; an empty "
                 "token means the last page.",
        "pages": "Pagination: numbered pages (`page`, `page_size`); the answer counts the items in "
                 "`total`.",
        "cursor": "Pagination: a `cursor` from the previous answer continues a search.",
        "": "Not paginated.",
    }[kind]


def visibility_sentence(preview):
    return ("Preview API: it may change without notice." if preview
            else "Public API.")


def success_sentence(status, shape, field="", content_type=""):
    """What a 2xx answer carries and where it lands in the response."""
    if shape == "empty":
        return f"Success: {status}, no body."
    if shape == "head":
        return f"Success: {status}; the status is the answer (no body)."
    if shape == "flatten":
        return f"Success: {status} with a JSON object whose keys are the response's fields."
    if shape == "wrap":
        return f"Success: {status} with a JSON object, returned in `{field}`."
    if shape == "items":
        return f"Success: {status} with a JSON array, returned in `{field}`."
    if shape == "entries":
        return f"Success: {status} with a JSON object of named values, returned in `{field}`."
    if shape == "value":
        return f"Success: {status} with a single JSON value, returned in `{field}`."
    if shape == "httpbody":
        return (f"Success: {status} with a body of type `{content_type}`, returned as "
                "google.api.HttpBody (its content type and bytes).")
    if shape == "raw":
        return (f"Success: {status} with a body of type `{content_type}`, returned in `{field}` (its "
                "content type in `content_type`).")
    raise ValueError(shape)


def errors_sentence(codes, already_exists):
    if not codes:
        text = "The description lists no error status."
    else:
        text = f"Error statuses described: {statuses(codes)}."
    if already_exists:
        text += " A 409 becomes ALREADY_EXISTS."
    return text
