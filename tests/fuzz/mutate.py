"""Seeded mutations of what users hand Oila: YAML and Markdown sources, and .docx packages.

Each mutation is chosen by a `random.Random` and described in one line, so that a finding names what was
done and the same seed does it again. Mutations keep to what an unlucky or hostile author, translator or
disk could produce: broken syntax, wrong types, repeated or missing items, odd characters, damaged bytes,
reshuffled XML and packages with parts missing, added or renamed.
"""

from __future__ import annotations

import copy
import random
from dataclasses import dataclass

import yaml
from lxml import etree

from tests.hostile import packed, parts_of

TEXT_TOKENS = (
    "\x00", "\x07", "\ufeff", "\u202e", "\u200b", "\ue000", "\ud7ff", "\r", "\x85", "\u2028", "\t",
    "{", "}", "{{", "}}", "{%", "%}", "{#", "#}", "{{ steps_table }}", "{{ steps_table.__class__ }}",
    "{{ terms('x') }}", "{% for x in roles_table %}", "{step:", "{step:nowhere}", "{form:F-99}",
    "{timeframe:x|y}", "{term:gatekeeping|plural}", "{code:", "[link](", "](../../etc/passwd)",
    "</title><script>alert(1)</script>", "&amp;", "&#0;", "<!--", "`", "'", '"', "ʻ", "ʼ",
    "- ", ": ", "? ", "|", ">", "&anchor ", "*anchor", "!!python/object/apply:os.system ['true']",
    "!!binary", "%YAML 1.1\n", "---\n", "...\n", "<<: *x", "~", "null", "yes", "0o17", ".inf", "1e999",
    "\n#", "\n  ", "\n- ", "[" * 40, "{" * 40, "a" * 5000, "\U0001f600", "\u0301" * 50,
)  # fmt: skip
"""Characters and fragments that mean something to YAML, Markdown, Jinja, Oila's references or a browser."""

YAML_VALUES: tuple[object, ...] = (
    None, "", " ", 0, -1, 2**70, 3.5, float("nan"), True, [], {}, ["x"], {"en": "x"}, {"x": None},
    "x" * 30_000, "{{ x }}", "{step:x}", "F-99", "ʻ" * 100, [[[[[]]]]], {"en": {"en": "x"}},
    "2026-13-45", "0", "en",
)  # fmt: skip
"""Values a structural mutation puts in place of another: every type, and strings with meaning."""

XML_TOKENS = (
    "<", ">", "&", "&amp;", "&#0;", "&#xFFFE;", "&xxe;", "]]>", "<![CDATA[x]]>", "<?xml version='1.0'?>",
    "<!DOCTYPE d [<!ENTITY xxe SYSTEM 'file:///etc/passwd'>]>", "<!ENTITY a 'aaaa'>", "\x00", "\ufeff",
    '"', "'", "xmlns:w='urn:x'", "<w:sdt>", "</w:sdt>", "<w:tag w:val='x'/>", "<a>" * 3000,
)  # fmt: skip
"""Fragments that break or abuse an XML parser."""

PART_NAMES = (
    "../evil.xml", "/absolute.xml", "word/document.xml", "word/DOCUMENT.xml", "customXml/item9.xml",
    "word/" + "x" * 300 + ".xml", "word/settings.xml", "[Content_Types].xml", "docProps/custom.xml", "word/",
)  # fmt: skip
"""Names a package mutation gives to a part: traversal, case tricks, repeats, a very long name and a folder."""


@dataclass(frozen=True)
class Mutated:
    content: bytes
    description: str


def mutate_text(rng: random.Random, content: bytes) -> Mutated:
    """One textual change of a source file, as a careless editor or a broken disk makes it."""
    text = content.decode("utf-8", errors="surrogatepass")
    at = rng.randrange(len(text) + 1)
    choice = rng.randrange(7)
    if choice == 0:
        token = rng.choice(TEXT_TOKENS)
        return _text(text[:at] + token + text[at:], f"inserted {token[:40]!r} at character {at}")
    if choice == 1:
        end = min(len(text), at + rng.randrange(1, 400))
        return _text(text[:at] + text[end:], f"deleted characters {at} to {end}")
    if choice == 2:
        end = min(len(text), at + rng.randrange(1, 400))
        return _text(text[:end] + text[at:end] + text[end:], f"repeated characters {at} to {end}")
    if choice == 3:
        return _text(text[:at], f"cut after character {at}")
    if choice == 4:
        lines = text.splitlines(keepends=True)
        line = rng.randrange(len(lines)) if lines else 0
        indent = rng.choice(("", " ", "   ", "\t", "        "))
        lines[line:line] = [indent + (lines[line] if line < len(lines) else "\n").lstrip(" ")]
        return _text("".join(lines), f"line {line + 1} repeated with indent {indent!r}")
    if choice == 5:
        raw = bytearray(content)
        count = rng.randrange(1, 9)
        for _ in range(count):
            if raw:
                raw[rng.randrange(len(raw))] = rng.randrange(256)
        return Mutated(bytes(raw), f"{count} random bytes")
    depth = rng.choice((50, 1000, 100_000))
    nested = "[" * depth + "]" * depth
    return _text(text[:at] + nested + text[at:], f"{depth} nested brackets at character {at}")


def mutate_yaml(rng: random.Random, content: bytes) -> Mutated:
    """One change of a YAML file's structure, written back as valid YAML: a value replaced by one of another
    kind, an item removed, repeated or moved, a key renamed."""
    try:
        tree = yaml.safe_load(content)
    except yaml.YAMLError:
        return mutate_text(rng, content)
    places = list(_places(tree, ()))
    if not places:
        return mutate_text(rng, content)
    parent, key, path = rng.choice(places)
    choice = rng.randrange(5)
    if choice == 0:
        value = rng.choice(YAML_VALUES)
        parent[key] = copy.deepcopy(value)
        what = f"set to {_short(value)}"
    elif choice == 1:
        del parent[key]
        what = "removed"
    elif choice == 2 and isinstance(parent, list):
        parent.insert(key, copy.deepcopy(parent[key]))
        what = "repeated"
    elif choice == 3 and isinstance(parent, list) and len(parent) > 1:
        parent.insert(rng.randrange(len(parent)), parent.pop(key))
        what = "moved"
    elif isinstance(parent, dict):
        parent[f"{key}{rng.choice(('_', 'x', ' ', 'ʻ'))}"] = parent.pop(key)
        what = "key renamed"
    else:
        parent[key] = copy.deepcopy(rng.choice(places)[0])
        what = "replaced by another part of the file"
    text = yaml.safe_dump(tree, allow_unicode=True, sort_keys=False, width=10_000)
    return Mutated(text.encode("utf-8"), f"{'/'.join(map(str, path)) or 'the whole file'} {what}")


def mutate_xml(rng: random.Random, content: bytes) -> Mutated:
    """One change of an XML part: an element removed, repeated, moved, renamed or nested deep, an attribute or
    text changed, or a fragment that breaks or abuses the parser put anywhere."""
    try:
        root = etree.fromstring(content)
    except etree.XMLSyntaxError:
        root = None
    elements = [element for element in root.iter() if element is not root] if root is not None else []
    if not elements or rng.random() < 0.25:
        token = rng.choice(XML_TOKENS)
        at = rng.randrange(len(content) + 1)
        return Mutated(content[:at] + token.encode() + content[at:], f"inserted {token[:40]!r} at byte {at}")
    assert root is not None
    element = rng.choice(elements)
    parent = element.getparent()
    assert parent is not None
    choice = rng.randrange(7)
    if choice == 0:
        parent.remove(element)
        what = "removed"
    elif choice == 1:
        element.addnext(copy.deepcopy(element))
        what = "repeated"
    elif choice == 2:
        target = rng.choice(elements)
        if element in target.iterancestors() or target is element:
            return mutate_xml(rng, content)
        target.append(element)
        what = "moved"
    elif choice == 3:
        element.tag = rng.choice(elements).tag
        what = f"renamed {etree.QName(element).localname}"
    elif choice == 4:
        name = rng.choice([*element.attrib, *rng.choice(elements).attrib] or ["val"])
        element.set(name, rng.choice(("", "x", "-1", "99999999999", "F-01@9", "1", "0", "☒", "{{ x }}")))
        what = f"attribute {name} changed"
    elif choice == 5:
        element.text = rng.choice(("", "=1+1", "\t\r", "☒", "x" * 100_000, "</w:t>", "ʻʼ«»"))
        what = "text changed"
    else:
        for _ in range(rng.choice((10, 500, 5000))):
            wrapper = etree.Element(element.tag)
            element.addprevious(wrapper)
            wrapper.append(element)
        what = "nested deep"
    where = etree.QName(element).localname
    return Mutated(etree.tostring(root, xml_declaration=True, encoding="UTF-8"), f"<{where}> {what}")


def mutate_package(rng: random.Random, package: bytes) -> Mutated:
    """One change of a .docx: its zip bytes damaged, one XML part changed, or parts removed, added or renamed."""
    choice = rng.randrange(10)
    if choice == 0:
        damaged = bytearray(package)
        count = rng.randrange(1, 17)
        for _ in range(count):
            damaged[rng.randrange(len(damaged))] ^= 1 << rng.randrange(8)
        return Mutated(bytes(damaged), f"{count} bits flipped in the package")
    if choice == 1:
        at = rng.randrange(len(package))
        return Mutated(package[:at], f"package cut after byte {at}")
    parts = parts_of(package)
    names = sorted(parts)
    if choice == 2:
        name = rng.choice(names)
        del parts[name]
        return Mutated(packed(parts), f"part {name} removed")
    if choice == 3:
        name, new = rng.choice(names), rng.choice(PART_NAMES)
        parts[new] = parts.pop(name)
        return Mutated(packed(parts), f"part {name} renamed {new!r}")
    if choice == 4:
        new = rng.choice(PART_NAMES)
        parts[new] = rng.choice((b"", b"<x/>", b"\0" * 4096, parts[rng.choice(names)]))
        return Mutated(packed(parts), f"part {new!r} added")
    weighted = [name for name in names if name.endswith((".xml", ".rels"))]
    name = rng.choice(["word/document.xml"] * len(weighted) + weighted)
    mutated = mutate_xml(rng, parts[name])
    parts[name] = mutated.content
    return Mutated(packed(parts), f"{name}: {mutated.description}")


def _text(text: str, description: str) -> Mutated:
    return Mutated(text.encode("utf-8", errors="surrogatepass"), description)


Place = tuple[list[object] | dict[object, object], object, tuple[object, ...]]


def _places(node: object, path: tuple[object, ...]) -> list[Place]:
    """Every (container, key or index, path) of a parsed YAML tree."""
    found: list[Place] = []
    if isinstance(node, dict):
        for key, value in node.items():
            found.append((node, key, (*path, key)))
            found.extend(_places(value, (*path, key)))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found.append((node, index, (*path, index)))
            found.extend(_places(value, (*path, index)))
    return found


def _short(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 40 else f"{text[:37]}..."
