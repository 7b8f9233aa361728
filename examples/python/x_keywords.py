"""A reference implementation of the wa-interactive ``x-`` keywords for python-jsonschema.

Plain JSON Schema validators already enforce every standard rule of the schemas. The ``x-``
keywords (totals across sections, uniqueness across a message, whitespace, emoji, ...) are rules
JSON Schema cannot state; their exact semantics are in the schema set's README. ``extend`` adds
them to a python-jsonschema validator class, so Python gets the whole WhatsApp rule set:

    Validator = x_keywords.extend(Draft202012Validator, x_keywords.load_pictographic(path))

``x-noEmoji`` and ``x-emoji`` need the Unicode Extended_Pictographic property, which Python's
standard library lacks; the package ships its code-point ranges as
``schemas/extended-pictographic.json``.
"""

import json
import re
from collections import namedtuple

from jsonschema import ValidationError
from jsonschema.validators import extend as extend_validator

# The Unicode White_Space property, as the schema README lists it.
WHITESPACE = frozenset(
    [*range(0x09, 0x0E), 0x20, 0x85, 0xA0, 0x1680, *range(0x2000, 0x200B), 0x2028, 0x2029, 0x202F, 0x205F, 0x3000]
)

# Regional indicators (the halves of a flag) and the keycap mark are emoji parts without the
# Extended_Pictographic property; x-noEmoji forbids them too.
REGIONAL_INDICATOR = "\\U0001F1E6-\\U0001F1FF"
KEYCAP = "\\u20E3"

MISSING = object()


def load_pictographic(path):
    """The Extended_Pictographic ranges as a regex character-class body."""
    with open(path, encoding="utf-8") as f:
        ranges = json.load(f)["ranges"]
    return "".join(f"\\U{first:08X}-\\U{last:08X}" for first, last in ranges)


def _is_object(v):
    return isinstance(v, dict)


def _reach(value, pattern, path=()):
    """Every (value, path) a path pattern such as ``sections/*/rows/*`` reaches from ``value``."""
    if not pattern:
        yield value, path
        return
    segment, rest = pattern[0], pattern[1:]
    if segment == "*":
        if isinstance(value, list):
            for i, item in enumerate(value):
                yield from _reach(item, rest, path + (i,))
        elif _is_object(value):
            for key, item in value.items():
                yield from _reach(item, rest, path + (key,))
    elif _is_object(value) and segment in value:
        yield from _reach(value[segment], rest, path + (segment,))
    elif isinstance(value, list) and segment.isdigit() and int(segment) < len(value):
        yield from _reach(value[int(segment)], rest, path + (int(segment),))


def _split(pattern):
    return pattern.split("/")


def _single(value, pattern):
    """The one value a pattern without ``*`` reaches, or MISSING."""
    return next((found for found, _path in _reach(value, _split(pattern))), MISSING)


def _same_key(v):
    """What makes two reached values equal: JavaScript's ``===`` on JSON values, so two objects or
    arrays are never equal, ``1 == 1.0`` but ``True != 1``."""
    if isinstance(v, bool):
        return ("bool", v)
    if isinstance(v, (int, float)):
        return ("number", float(v))
    if isinstance(v, str):
        return ("string", v)
    if v is None:
        return ("null", None)
    return ("object", id(v))


def _pointer(path):
    return "/" + "/".join(str(p).replace("~", "~0").replace("/", "~1") for p in path) if path else ""


def _resolved(validator, schema):
    """``schema`` with its ``$ref``s followed, as ``validator`` (at its place in the schema) sees them.

    python-jsonschema 4.18 and later resolve references with the ``referencing`` library: the
    validator carries a resolver for the place it has reached. Their deprecated ``resolver``
    attribute resolves against the current subschema instead of the document, so ``#/$defs/...``
    fails there. Older versions (4.10 in Debian 12) have only that ``RefResolver``, which tracks
    the document itself."""
    resolver = getattr(validator, "_resolver", None)
    while isinstance(schema, dict) and "$ref" in schema:
        if resolver is not None:
            resolved = resolver.lookup(schema["$ref"])
            resolver, schema = resolved.resolver, resolved.contents
        else:
            _url, schema = validator.resolver.resolve(schema["$ref"])
    return schema


def _x_discriminator(validator, value, instance, schema):
    """Only an annotation for the verdict (it equals the oneOf beside it), but it names the
    problem precisely: a discriminating value that selects no branch."""
    if not _is_object(instance):
        return
    if value not in instance:
        # Every branch requires it, so this is the one thing to say (the TypeScript rule too).
        yield ValidationError(f"{value!r} is a required property", validator="required")
        return
    allowed = [_resolved(validator, branch)["properties"][value]["const"] for branch in schema.get("oneOf", [])]
    if instance[value] not in allowed:
        yield ValidationError(f"{instance[value]!r} is not one of {allowed}", path=(value,))


def _x_max_total(validator, value, instance, schema):
    if not _is_object(instance):
        return
    for rule in value if isinstance(value, list) else [value]:
        found = sum(1 for _ in _reach(instance, _split(rule["path"])))
        if found > rule["maximum"]:
            yield ValidationError(f"{rule['path']} reaches {found} values; at most {rule['maximum']} allowed in total")


def _x_unique_values(validator, value, instance, schema):
    if not _is_object(instance):
        return
    for pattern in value:
        first = {}
        for found, path in _reach(instance, _split(pattern)):
            key = _same_key(found)
            if key in first:
                yield ValidationError(f"{found!r} is used more than once (first at {'/'.join(map(str, first[key]))})", path=path)
            else:
                first[key] = path


def _x_required_if_multiple(validator, value, instance, schema):
    if not isinstance(instance, list) or len(instance) < 2:
        return
    for i, item in enumerate(instance):
        if _is_object(item):
            for name in value:
                if name not in item:
                    yield ValidationError(f"{name!r} is required when there are {len(instance)} items", path=(i,))


def _length(value, pattern):
    found = _single(value, pattern)
    return len(found) if isinstance(found, list) else -1


def _x_uniform_items(validator, value, instance, schema):
    if not isinstance(instance, list) or not instance:
        return
    first = instance[0]
    for i in range(1, len(instance)):
        item = instance[i]
        for pattern in value.get("values", []):
            a, b = _single(item, pattern), _single(first, pattern)
            if not (a is MISSING and b is MISSING) and (a is MISSING or b is MISSING or _same_key(a) != _same_key(b)):
                yield ValidationError(f"item {i} differs from the first in {pattern}", path=(i,))
                break
        else:
            for pattern in value.get("lengths", []):
                if _length(item, pattern) != _length(first, pattern):
                    yield ValidationError(f"item {i} differs from the first in the number of {pattern}", path=(i,))
                    break


def _x_trimmed(validator, value, instance, schema):
    if value and isinstance(instance, str) and instance and (ord(instance[0]) in WHITESPACE or ord(instance[-1]) in WHITESPACE):
        yield ValidationError(f"{instance!r} starts or ends with whitespace")


def _x_not_blank(validator, value, instance, schema):
    if value and isinstance(instance, str) and instance and all(ord(c) in WHITESPACE for c in instance):
        yield ValidationError(f"{instance!r} is only whitespace")


def extend(base, pictographic):
    """``base`` (a python-jsonschema validator class) plus the x- keywords; ``pictographic`` is
    what ``load_pictographic`` returns."""
    any_emoji = re.compile(f"[{pictographic}{REGIONAL_INDICATOR}{KEYCAP}]")
    element = f"[{pictographic}][\\U0001F3FB-\\U0001F3FF\\uFE0F]?"
    one_emoji = re.compile(
        f"[{REGIONAL_INDICATOR}]{{2}}"
        f"|[0-9#*]\\uFE0F?\\u20E3"
        f"|{element}(?:\\u200D{element})*(?:[\\U000E0020-\\U000E007E]+\\U000E007F)?"
    )

    def x_no_emoji(validator, value, instance, schema):
        if value and isinstance(instance, str) and any_emoji.search(instance):
            yield ValidationError(f"{instance!r} contains an emoji")

    def x_emoji(validator, value, instance, schema):
        if value and isinstance(instance, str) and instance and not one_emoji.fullmatch(instance):
            yield ValidationError(f"{instance!r} is not exactly one emoji")

    return extend_validator(
        base,
        {
            "x-discriminator": _x_discriminator,
            "x-maxTotal": _x_max_total,
            "x-uniqueValues": _x_unique_values,
            "x-requiredIfMultiple": _x_required_if_multiple,
            "x-uniformItems": _x_uniform_items,
            "x-trimmed": _x_trimmed,
            "x-notBlank": _x_not_blank,
            "x-noEmoji": x_no_emoji,
            "x-emoji": x_emoji,
        },
    )


def pointer(error):
    """An error's instance location as an RFC 6901 JSON Pointer."""
    return _pointer(tuple(error.absolute_path))


def _meant_branch(validator, error):
    """The index of the oneOf / anyOf branch the instance evidently meant, or None: the branch its
    x-discriminator value selects, else the only branch whose required properties are all present."""
    instance, branches = error.instance, [_resolved(validator, b) for b in error.validator_value]
    if not _is_object(instance):
        return None
    discriminator = error.schema.get("x-discriminator")
    if discriminator is not None:
        chosen = [i for i, b in enumerate(branches) if b.get("properties", {}).get(discriminator, {}).get("const", MISSING) == instance.get(discriminator, MISSING)]
    else:
        chosen = [i for i, b in enumerate(branches) if all(k in instance for k in b.get("required", []))]
    return chosen[0] if len(chosen) == 1 else None


Issue = namedtuple("Issue", "path rule message")


def _key(error, key):
    return f"{pointer(error)}/{key.replace('~', '~0').replace('/', '~1')}"


def issues(validator, instance):
    """Every broken rule as an ``Issue(path, rule, message)``, located as the schema README and the
    TypeScript validators locate them: a failed union gives the errors of the branch the instance
    meant (``maxLength`` at ``/action/buttons/0/reply/title`` rather than "not valid under any of
    the given schemas" at the root), and an unknown or ill-named key is reported at the key."""

    def precise(errors):
        for error in errors:
            branch = _meant_branch(validator, error) if error.validator in ("oneOf", "anyOf") else None
            inside = [e for e in error.context if e.relative_schema_path[0] == branch] if branch is not None else []
            if inside:
                yield from precise(inside)
            elif error.validator == "additionalProperties" and _is_object(error.instance):
                known = error.schema.get("properties", {})
                for key in error.instance:
                    if key not in known:
                        yield Issue(_key(error, key), "additionalProperties", f"unknown property {key!r}")
            elif "propertyNames" in error.relative_schema_path:
                yield Issue(_key(error, error.instance), "propertyNames", error.message)
            else:
                yield Issue(pointer(error), error.validator, error.message)

    return list(precise(validator.iter_errors(instance)))
