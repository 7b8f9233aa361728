"""Validates the wa-interactive example corpus from Python, with python-jsonschema and only the
single-file schema bundle (no reference resolution between files needed).

Every example is checked twice: with the standard keywords alone (any Draft 2020-12 validator),
and with the x- keywords of ``x_keywords.py`` added (the whole WhatsApp rule set), each issue
classified by ``severity.py`` as an error or a warning. The second verdict must match the folder
the example lives in: ``valid/`` (no issue at all), ``warning/`` (warnings only, among them every
issue the example names) or ``invalid/`` (errors, among them every issue the example names).

    python3 validate_corpus.py [--schemas DIR] [--examples DIR] [--json]

``--schemas`` is the folder holding ``bundle.schema.json`` and ``extended-pictographic.json``
and ``sources.json`` (``node_modules/wa-interactive/schemas`` in a project that installed the package). ``--json``
prints every verdict for machines. Exit status: 0 when every example gets its expected verdict,
1 otherwise.
"""

import argparse
import json
import re
import sys
from pathlib import Path

from jsonschema import Draft202012Validator

import severity
import x_keywords

REPO = Path(__file__).resolve().parents[2]


def type_name(schema_file, schema_path):
    """The bundle's ``$defs`` key of a schema file: its ``x-ts-name``, else the file name in PascalCase."""
    schema = json.loads(schema_file.read_text(encoding="utf-8"))
    if isinstance(schema.get("x-ts-name"), str):
        return schema["x-ts-name"]
    stem = schema_path.rsplit("/", 1)[-1].removesuffix(".schema.json")
    return "".join(word[:1].upper() + word[1:] for word in re.split(r"[^A-Za-z0-9]+", stem) if word)


def load_examples(examples_dir):
    """(name, schema path, folder, instance, expected issues) for every example file; the folder is
    ``valid``, ``warning`` or ``invalid``."""
    for file in sorted(examples_dir.rglob("*.json")):
        name = file.relative_to(examples_dir).as_posix()
        match = re.fullmatch(r"(.*)/(valid|warning|invalid)/[^/]+\.json", name)
        if not match:
            raise SystemExit(f"{name}: examples live in <schema>/valid/, <schema>/warning/ or <schema>/invalid/")
        data = json.loads(file.read_text(encoding="utf-8"))
        folder = match.group(2)
        yield name, f"{match.group(1)}.schema.json", folder, data if folder == "valid" else data["instance"], [] if folder == "valid" else data["expect"]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--schemas", type=Path, default=REPO / "generated" / "schemas")
    parser.add_argument("--examples", type=Path, default=REPO / "schemas" / "examples")
    parser.add_argument("--json", action="store_true", help="print every verdict as JSON")
    args = parser.parse_args()

    bundle = json.loads((args.schemas / "bundle.schema.json").read_text(encoding="utf-8"))
    Full = x_keywords.extend(Draft202012Validator, x_keywords.load_pictographic(args.schemas / "extended-pictographic.json"))
    sources = severity.load_sources(args.schemas / "sources.json")
    validators = {}

    def validators_for(schema_path):
        if schema_path not in validators:
            schema_file = args.schemas / schema_path
            if not schema_file.is_file():
                raise SystemExit(f"no schema {schema_path} in {args.schemas}")
            # The bundle with a root that points at one of its definitions.
            root = {**bundle, "$ref": f"#/$defs/{type_name(schema_file, schema_path)}"}
            validators[schema_path] = (Draft202012Validator(root), Full(root))
        return validators[schema_path]

    results, wrong = [], []
    for name, schema_path, folder, instance, expect in load_examples(args.examples):
        standard, full = validators_for(schema_path)
        errors, warnings = severity.classify(x_keywords.issues(full, instance), sources)
        issues = [(e, "error") for e in errors] + [(w, "warning") for w in warnings]
        # An invalid example names errors, a warning example warnings.
        wanted = "warning" if folder == "warning" else "error"
        found = {(e.path, e.rule) for e, s in issues if s == wanted}
        missed = [e for e in expect if (e["path"], e["rule"]) not in found]
        result = {
            "name": name,
            "schema": schema_path,
            "expected": folder,
            "standard": standard.is_valid(instance),
            # The error verdict: no issue of error strength (warnings alone leave a value valid).
            "full": all(s == "warning" for _e, s in issues),
            "clean": not issues,
            "issues": [{"path": e.path, "rule": e.rule, "message": e.message, "severity": s} for e, s in issues],
            "missed": missed,
        }
        results.append(result)
        verdict = "valid" if result["clean"] else "warning" if result["full"] else "invalid"
        if verdict != folder or missed:
            wrong.append(result)

    if args.json:
        json.dump(results, sys.stdout, indent=2, ensure_ascii=False)
        print()
    else:
        for r in wrong:
            verdict = "accepted" if r["clean"] else "accepted with warnings" if r["full"] else "rejected"
            print(f"WRONG  {r['name']}: {verdict}, expected {r['expected']}")
            for issue in r["issues"]:
                print(f"         {issue['path'] or '/'} [{issue['rule']}, {issue['severity']}] {issue['message']}")
            for e in r["missed"]:
                print(f"         missed {e['path'] or '/'} [{e['rule']}]")
        x_only = sum(1 for r in results if r["standard"] and not r["full"])
        print(
            f"{len(results)} examples, {len(results) - len(wrong)} with the expected verdict and every expected issue; "
            f"{x_only} invalid only by an x- keyword (a standard-only validator accepts them)"
        )
    return 1 if wrong else 0


if __name__ == "__main__":
    sys.exit(main())
