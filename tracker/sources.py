"""Reading articles from files: .jsonl, .json and .txt, from paths or folders.

`read_articles(paths)` yields `(where, data)` pairs, `where` naming the file
(and line) for messages, `data` the raw mapping for `parse_article`.
A .txt file takes its metadata from a sidecar (`NAME.json` beside it) or from
a metadata index in its folder: a .json list of objects with a `file` key
and no `text`, like seeds/articles.json.
"""
import json
import os

ARTICLE_SUFFIXES = (".jsonl", ".json", ".txt")


class UnreadableSource(ValueError):
    pass


def is_metadata_index(data):
    return isinstance(data, list) and bool(data) and all(
        isinstance(item, dict) and "file" in item and "text" not in item for item in data
    )


def expand_paths(paths):
    for path in paths:
        if os.path.isdir(path):
            for root, dirs, files in os.walk(path):
                dirs.sort()
                for name in sorted(files):
                    if name.endswith(ARTICLE_SUFFIXES):
                        yield os.path.join(root, name)
        else:
            yield path


def read_json(path):
    try:
        with open(path, encoding="utf-8") as f:
            return json.load(f)
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise UnreadableSource(f"not valid JSON ({error})") from None


def folder_metadata(folder, cache):
    """Metadata for the .txt files of a folder, from its metadata index files."""
    if folder not in cache:
        metadata = {}
        for name in sorted(os.listdir(folder or ".")):
            if name.endswith(".json"):
                try:
                    data = read_json(os.path.join(folder, name))
                except UnreadableSource:
                    continue
                if is_metadata_index(data):
                    metadata.update({item["file"]: item for item in data})
        cache[folder] = metadata
    return cache[folder]


def text_article(path, cache):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    sidecar = os.path.splitext(path)[0] + ".json"
    if os.path.exists(sidecar):
        metadata = read_json(sidecar)
    else:
        metadata = folder_metadata(os.path.dirname(path), cache).get(os.path.basename(path), {})
    if not isinstance(metadata, dict):
        raise UnreadableSource(f"its metadata in {sidecar} must be a JSON object")
    return {**{k: v for k, v in metadata.items() if k != "file"}, "text": text}


def read_file(path, cache):
    if path.endswith(".jsonl"):
        with open(path, encoding="utf-8", errors="replace") as f:
            for number, line in enumerate(f, 1):
                if line.strip():
                    try:
                        yield f"{path}:{number}", json.loads(line)
                    except (json.JSONDecodeError, RecursionError) as error:
                        yield f"{path}:{number}", UnreadableSource(f"not valid JSON ({error})")
    elif path.endswith(".json"):
        data = read_json(path)
        if is_metadata_index(data) or os.path.exists(os.path.splitext(path)[0] + ".txt"):
            return
        if not isinstance(data, list):
            yield path, data
        else:
            for number, item in enumerate(data, 1):
                yield f"{path}[{number}]", item
    elif path.endswith(".txt"):
        yield path, text_article(path, cache)
    else:
        raise UnreadableSource("not a .jsonl, .json or .txt file")


def read_articles(paths):
    """Yields `(where, data)`; `data` is an `UnreadableSource` error for what could not be read,
    so that one bad file costs only its own articles."""
    cache = {}
    for path in expand_paths(paths):
        try:
            yield from read_file(path, cache)
        except (UnreadableSource, UnicodeDecodeError, OSError) as error:
            yield path, UnreadableSource(str(error))
