"""Command-line interface. Domain errors become one-line messages here."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console
from rich.progress import Progress, SpinnerColumn, TextColumn, BarColumn
from rich.table import Table

from kgraph.errors import KgraphError

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="kgraph: knowledge graph of Kazakhstan's state institutions and their mandates.")
console = Console()
err = Console(stderr=True)

BuildDir = typer.Option(Path("build"), "--build", "-b", envvar="KGRAPH_BUILD", help="Build directory.")


def _fail(exc: Exception) -> None:
    err.print(f"[red]error:[/red] {exc}", highlight=False, soft_wrap=True)
    raise typer.Exit(1)


@app.command()
def build(
    catalog: Path = typer.Option(None, help="Catalog file (default: data/catalog.yaml)."),
    out: Path = typer.Option(Path("build"), "--out", "-o", envvar="KGRAPH_BUILD", help="Output directory."),
    strict: bool = typer.Option(False, help="Fail on any SHACL violation."),
    shacl: bool = typer.Option(True, help="Validate with SHACL."),
) -> None:
    """Build the graph from the catalogued sources (atomic: a failed build keeps the old graph)."""
    from kgraph import build as build_mod

    try:
        cat = catalog or build_mod.DEFAULT_CATALOG
        n = len(__import__("kgraph.catalog", fromlist=["load"]).load(cat))
        with Progress(SpinnerColumn(), TextColumn("{task.description}"), BarColumn(),
                      TextColumn("{task.completed}/{task.total}"), console=err, transient=True) as bar:
            task = bar.add_task("building", total=n + 2)

            def step(what: str) -> None:
                bar.update(task, description=what, advance=1)

            report = build_mod.run(cat, out, strict=strict, progress=step, shacl=shacl)
    except KgraphError as exc:
        _fail(exc)
    _print_report(report.to_json(), out)


def _print_report(report: dict, out: Path) -> None:
    t = Table(title="Documents")
    for col in ("document", "lang", "kinds", "triples", "records", "resolved", "unresolved"):
        t.add_column(col, justify="right" if col in {"triples", "resolved", "unresolved"} else "left")
    for d in report["documents"]:
        recs = ", ".join(f"{k} {v}" for k, v in sorted(d["records"].items()))
        t.add_row(d["id"], d["language"], ",".join(d["kinds"]), str(d["triples"]), recs,
                  str(d["resolved"]), str(d["unresolved"]))
    console.print(t)
    c = Table(title="Entities by class")
    c.add_column("class")
    c.add_column("count", justify="right")
    for cls, n in list(report["classes"].items())[:40]:
        c.add_row(cls, str(n))
    console.print(c)
    v = report.get("violations", [])
    console.print(f"{report['triples']} triples in {report['seconds']:.2f} s -> {out}; "
                  f"SHACL: {'0 violations' if not v else f'{len(v)} violation(s)'}")
    for line in v[:20]:
        console.print(f"  [yellow]{line}[/yellow]", highlight=False)


@app.command()
def stats(build_dir: Path = BuildDir) -> None:
    """Summarise the built graph: documents, triples, entities by class, unresolved mentions."""
    report_file = build_dir / "report.json"
    if not report_file.is_file():
        _fail(KgraphError(f"{build_dir}: no build here; run `kgraph build` first"))
    _print_report(json.loads(report_file.read_text(encoding="utf-8")), build_dir)
    from kgraph.store import open_store
    from kgraph.results import rows

    try:
        store = open_store(build_dir)
        _, unresolved = rows(store.query(
            "SELECT ?text ?quote ?doc WHERE { ?m a kg:UnresolvedMention ; kg:mentionText ?text ; "
            "kg:sourceSpan/kg:inSource/dcterms:identifier ?doc } ORDER BY ?doc ?text"))
    except KgraphError as exc:
        _fail(exc)
    if unresolved:
        t = Table(title=f"Unresolved mentions ({len(unresolved)})")
        t.add_column("document")
        t.add_column("mention")
        for r in unresolved:
            t.add_row(r["doc"], r["text"])
        console.print(t)


@app.command()
def validate(build_dir: Path = BuildDir) -> None:
    """Validate the built graph against ontology/shapes.ttl (pySHACL); exit 1 on violations."""
    from rdflib import Dataset

    from kgraph.build import GRAPH_FILE, validate as shacl

    nq = build_dir / GRAPH_FILE
    if not nq.is_file():
        _fail(KgraphError(f"{build_dir}: no build here; run `kgraph build` first"))
    ds = Dataset()
    ds.parse(nq, format="nquads")
    violations = shacl(ds)
    for line in violations:
        console.print(line, highlight=False)
    console.print(f"{len(violations)} violation(s)")
    raise typer.Exit(1 if violations else 0)


EXPORT_FORMATS = {"ttl": "turtle", "nq": "nquads", "jsonld": "json-ld", "trig": "trig"}


@app.command()
def export(
    format: str = typer.Option("ttl", "--format", "-f", help="ttl | nq | jsonld | trig"),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="File to write (default: stdout)."),
    build_dir: Path = BuildDir,
) -> None:
    """Export the built graph (Turtle merges the named graphs; N-Quads/TriG/JSON-LD keep them)."""
    import pyoxigraph as ox

    from kgraph.build import GRAPH_FILE

    if format not in EXPORT_FORMATS:
        _fail(KgraphError(f"unknown format {format!r}; choose one of {', '.join(EXPORT_FORMATS)}"))
    nq = build_dir / GRAPH_FILE
    if not nq.is_file():
        _fail(KgraphError(f"{build_dir}: no build here; run `kgraph build` first"))
    if format == "nq":
        data = nq.read_bytes()
    else:
        from kgraph.vocab import PREFIXES

        quads = ox.parse(path=str(nq), format=ox.RdfFormat.N_QUADS)
        if format == "ttl":
            triples = [ox.Triple(q.subject, q.predicate, q.object) for q in quads]
            data = ox.serialize(triples, format=ox.RdfFormat.TURTLE, prefixes=PREFIXES)
        elif format == "trig":
            data = ox.serialize(quads, format=ox.RdfFormat.TRIG, prefixes=PREFIXES)
        else:
            data = ox.serialize(quads, format=ox.RdfFormat.JSON_LD)
    if output:
        output.write_bytes(data)
        err.print(f"wrote {output}")
    else:
        sys.stdout.buffer.write(data)


@app.command()
def query(
    name: str = typer.Argument(..., help="Named query (file stem in queries/) or a .rq file."),
    format: str = typer.Option("table", "--format", "-f", help="table | csv | tsv | json | xml"),
    param: list[str] = typer.Option([], "--param", "-p", help="Parameter k=v (bound as a typed value)."),
    store: Optional[str] = typer.Option(None, "--store", envvar="KGRAPH_STORE", help="Build dir, store dir or 'memory'."),
    build_dir: Path = BuildDir,
) -> None:
    """Run a named query or a .rq file on the built graph."""
    from kgraph import queries
    from kgraph.results import rows, serialize
    from kgraph.store import open_store

    try:
        q = queries.find(name)
        bindings = dict(q.params)
        for p in param:
            if "=" not in p:
                raise KgraphError(f"--param expects k=v, got {p!r}")
            k, v = p.split("=", 1)
            if k not in q.params:
                raise KgraphError(f"query {q.name!r} has no parameter {k!r}; it takes: {', '.join(q.params) or 'none'}")
            bindings[k] = v
        bindings = {k: v for k, v in bindings.items() if v != ""}
        st = open_store(store or build_dir)
        result = st.query(q.sparql, bindings)
        if format == "table":
            names, data = rows(result)
            t = Table(title=q.title or q.name)
            for n in names:
                t.add_column(n, overflow="fold")
            for r in data:
                t.add_row(*(r[n] for n in names))
            console.print(t)
            console.print(f"{len(data)} row(s)")
        elif format in {"csv", "tsv", "json", "xml"}:
            sys.stdout.buffer.write(serialize(result, format))
        else:
            raise KgraphError(f"unknown format {format!r}; choose table, csv, tsv, json or xml")
    except KgraphError as exc:
        _fail(exc)


@app.command("eval")
def evaluate_cmd(
    source: Optional[str] = typer.Argument(None, help="Source id (default: every source with a golden file)."),
    show_misses: bool = typer.Option(False, "--misses", help="List missed and extra records."),
) -> None:
    """Score extraction against the hand-checked golden files: precision/recall/F1 per kind and field."""
    from kgraph import evaluate

    ids = [source] if source else evaluate.golden_sources()
    for sid in ids:
        try:
            scores = evaluate.score(evaluate.load_golden(sid), evaluate.extract(sid))
        except (KeyError, KgraphError) as exc:
            _fail(exc)
        t = Table(title=sid)
        for col in ("kind", "expected", "extracted", "precision", "recall", "F1", "fields (accuracy on matched)"):
            t.add_column(col)
        for kind, s in scores.items():
            fields = ", ".join(f"{f} {s.field_accuracy(f):.2f}" for f in s.fields)
            t.add_row(kind, str(s.expected), str(s.extracted), f"{s.precision:.3f}", f"{s.recall:.3f}",
                      f"{s.f1:.3f}", fields)
        console.print(t)
        if show_misses:
            for kind, s in scores.items():
                for m in s.misses[:30]:
                    console.print(f"  [red]miss[/red] {kind} {m}", highlight=False)
                for m in s.extras[:30]:
                    console.print(f"  [yellow]extra[/yellow] {kind} {m}", highlight=False)


@app.command()
def serve(
    host: str = typer.Option("127.0.0.1", help="Interface to bind."),
    port: int = typer.Option(8000, help="Port."),
    build_dir: Path = BuildDir,
) -> None:
    """Serve the web explorer and the SPARQL endpoint over the built graph."""
    import uvicorn

    from kgraph.web.app import create_app

    try:
        application = create_app(build_dir)
    except KgraphError as exc:
        _fail(exc)
    uvicorn.run(application, host=host, port=port, log_level="info")


def main() -> None:  # pragma: no cover
    app()


if __name__ == "__main__":  # pragma: no cover
    main()
