"""Validates the wa-interactive example corpus from Python, with python-jsonschema and only the
single-file schema bundle (no reference resolution between files needed).

Every example is checked twice: with the standard keywords alone (any Draft 2020-12 validator),
and with the x- keywords of ``x_keywords.py`` added (the whole WhatsApp rule set). The second
verdict must match the folder the example lives in (``valid/`` or ``invalid/``), and every issue
an invalid example names (path and rule) must be among those reported.

    python3 validate_corpus.py [--schemas DIR] [--examples DIR] [--json]

``--schemas`` is the folder holding ``bundle.schema.json`` and ``extended-pictographic.json``
(``node_modules/wa-interactive/schemas`` in a project that installed the package). ``--json``
prints every verdict for machines. Exit status: 0 when every example gets its expected verdict,
1 otherwise.
"""

import argparse
import json
import re
import sys
from pathlib import Path

from jsonschema import Draft202012Validator

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
    """(name, schema path, expected valid, instance, expected issues) for every example file."""
    for file in sorted(examples_dir.rglob("*.json")):
        name = file.relative_to(examples_dir).as_posix()
        match = re.fullmatch(r"(.*)/(valid|invalid)/[^/]+\.json", name)
        if not match:
            raise SystemExit(f"{name}: examples live in <schema>/valid/ or <schema>/invalid/")
        data = json.loads(file.read_text(encoding="utf-8"))
        valid = match.group(2) == "valid"
        yield name, f"{match.group(1)}.schema.json", valid, data if valid else data["instance"], [] if valid else data["expect"]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--schemas", type=Path, default=REPO / "generated" / "schemas")
    parser.add_argument("--examples", type=Path, default=REPO / "schemas" / "examples")
    parser.add_argument("--json", action="store_true", help="print every verdict as JSON")
    args = parser.parse_args()

    bundle = json.loads((args.schemas / "bundle.schema.json").read_text(encoding="utf-8"))
    Full = x_keywords.extend(Draft202012Validator, x_keywords.load_pictographic(args.schemas / "extended-pictographic.json"))
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
    for name, schema_path, valid, instance, expect in load_examples(args.examples):
        standard, full = validators_for(schema_path)
        errors = x_keywords.issues(full, instance)
        found = {(e.path, e.rule) for e in errors}
        missed = [e for e in expect if (e["path"], e["rule"]) not in found]
        result = {
            "name": name,
            "schema": schema_path,
            "expected": valid,
            "standard": standard.is_valid(instance),
            "full": full.is_valid(instance),
            "issues": [e._asdict() for e in errors],
            "missed": missed,
        }
        results.append(result)
        if result["full"] != valid or missed:
            wrong.append(result)

    if args.json:
        json.dump(results, sys.stdout, indent=2, ensure_ascii=False)
        print()
    else:
        for r in wrong:
            verdict = "accepted" if r["full"] else "rejected"
            print(f"WRONG  {r['name']}: {verdict}, expected {'valid' if r['expected'] else 'invalid'}")
            for issue in r["issues"]:
                print(f"         {issue['path'] or '/'} [{issue['rule']}] {issue['message']}")
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
