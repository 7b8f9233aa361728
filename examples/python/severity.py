"""Errors and warnings in Python, as the TypeScript validators tell them apart.

Every rule of the schemas names its source in ``x-source`` on the schema node that holds it, and
``sources.json`` (shipped next to the bundle) says what kind of source each is. A rule Meta, a
provider or wa-interactive's own contract documents is an **error**; one only observed (libraries,
users, BSP pages) or inferred is a **warning**: WhatsApp may well accept the value.

    sources = severity.load_sources(schemas + "sources.json")
    for issue in x_keywords.issues(validator, payload):
        print(severity.of(issue, sources), issue.path, issue.rule, issue.message)

An issue of structure (a wrong ``type``, a union none of whose forms fits) has no source of its
own and is an error.
"""

import json

WARNING_KINDS = frozenset(["observed", "inferred"])


def load_sources(path):
    """The ``sources.json`` registry: source id -> its entry (``kind``, ``title``, ...)."""
    with open(path, encoding="utf-8") as f:
        return {k: v for k, v in json.load(f).items() if not k.startswith("$")}


def citation(issue):
    """The source id the issue's rule cites, or None for an issue of structure."""
    entry = ((issue.schema or {}).get("x-source") or {}).get(issue.rule)
    # A keyword with parts (x-uniqueValues, x-maxTotal, required) may cite each part apart.
    if isinstance(entry, dict) and "source" not in entry:
        entry = entry.get(issue.part) if isinstance(issue.part, str) else None
    if isinstance(entry, dict):
        entry = entry.get("source")
    return entry if isinstance(entry, str) else None


def of(issue, sources):
    """``"error"`` or ``"warning"``: what the kind of the rule's source makes it."""
    source = sources.get(citation(issue))
    return "warning" if source is not None and source.get("kind") in WARNING_KINDS else "error"


def classify(issues, sources):
    """``(errors, warnings)``. A warning at the place and of the rule of an error says nothing the
    error does not (a row id used twice in one section is an error, across sections a warning), so
    it is dropped, as the TypeScript validators drop it."""
    errors = [i for i in issues if of(i, sources) == "error"]
    said = {(e.path, e.rule) for e in errors}
    warnings = [i for i in issues if of(i, sources) == "warning" and (i.path, i.rule) not in said]
    return errors, warnings
