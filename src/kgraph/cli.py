"""Command-line interface. Domain errors become one-line messages here."""

from __future__ import annotations

import dataclasses
import json
import sys
import time
from pathlib import Path

import pyoxigraph as ox
import typer
from rich.console import Console
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from kgraph import catalog, coverage, evaluate, iri, queries, settings
from kgraph.errors import KgraphError
from kgraph.results import rows
from kgraph.store import open_store

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="kgraph: knowledge graph of Kazakhstan's state institutions and their mandates.",
)
console = Console()
err = Console(stderr=True)

BuildDir = typer.Option(settings.DEFAULTS.build, "--build", "-b", envvar=settings.env("build"), help="Build directory.")
StoreOption = typer.Option(None, "--store", envvar=settings.env("store"), help="Build dir, store dir or 'memory'.")


def _fail(exc: Exception) -> None:
    err.print(f"[red]error:[/red] {exc}", highlight=False, soft_wrap=True)
    raise typer.Exit(1)


@app.command()
def build(
    catalog_file: Path = typer.Option(
        settings.DEFAULT_CATALOG,
        "--catalog",
        help="Catalog file; its sources/ and registry.yaml are read from beside it.",
    ),
    out: Path = typer.Option(
        settings.DEFAULTS.build, "--out", "-o", envvar=settings.env("build"), help="Output directory."
    ),
    strict: bool = typer.Option(False, help="Fail on any SHACL violation."),
    shacl: bool = typer.Option(True, help="Validate with SHACL."),
    keep_going: bool = typer.Option(
        False, "--keep-going", help="Build the documents that can be read; list the others and exit 1."
    ),
    jobs: int = typer.Option(
        None, "--jobs", "-j", help="Worker processes for the per-document stages (default: the number of cores)."
    ),
    scheduler: str = typer.Option(
        None, "--scheduler", help="Run the per-document stages on a Dask distributed cluster (tcp://host:port)."
    ),
    cache: Path = typer.Option(
        None, "--cache", help="Build cache directory (default: KGRAPH_CACHE, else <out>.cache beside the build)."
    ),
    no_cache: bool = typer.Option(False, "--no-cache", help="Redo every document; keep nothing for the next build."),
) -> None:
    """Build the graph from the catalogued sources (atomic: a failed build keeps the old graph)."""
    from kgraph import build as build_mod  # heavy (1.4 s: rdflib, scikit-learn): only this command needs it

    try:
        with Progress(
            SpinnerColumn(),
            TextColumn("{task.description}"),
            BarColumn(),
            TextColumn("{task.completed}/{task.total}"),
            TimeElapsedColumn(),
            console=err,
            transient=True,
        ) as bar:
            tasks: dict[str, object] = {}

            def step(stage: str, item: str | None, done: int, total: int) -> None:
                label = BUILD_STAGES.get(stage, stage)
                if stage not in tasks:
                    for other in tasks.values():
                        bar.update(other, visible=False)
                    tasks[stage] = bar.add_task(label, total=total or None, completed=done)
                bar.update(tasks[stage], completed=done, description=f"{label}: {item}" if item else label)

            report = build_mod.run(
                catalog_file,
                out,
                strict=strict,
                progress=step,
                shacl=shacl,
                keep_going=keep_going,
                jobs=jobs,
                scheduler=scheduler,
                cache=False if no_cache else (cache or True),
            )
    except KgraphError as exc:
        _fail(exc)
    _print_report(report.to_json(), out)
    if report.failed:
        for f in report.failed:
            err.print(f"[red]failed:[/red] {f['error']}", highlight=False, soft_wrap=True)
        err.print(f"{len(report.failed)} document(s) not built; the rest is in {out}")
        raise typer.Exit(1)


BUILD_STAGES = {
    "read": "reading and extracting",
    "write": "writing RDF, validating",
    "corpus": "links, overlap findings, cross-document SHACL",
    "writing": "writing store and indexes",
}


def _print_stages(report: dict) -> None:
    """Per-stage wall times, what the workers spent, and the cache's hits."""
    stages = report.get("stages") or {}
    if not stages:
        return
    cached = report.get("cache") or {}
    parts = []
    for name, seconds in stages.items():
        c = cached.get(name)
        parts.append(f"{name} {seconds:.2f} s" + (f" ({c['hits']}/{c['hits'] + c['misses']} cached)" if c else ""))
    console.print(f"stages ({report.get('jobs', 'serial')}): " + ", ".join(parts), highlight=False)


def _print_report(report: dict, out: Path) -> None:
    t = Table(title="Documents")
    for col in ("document", "lang", "records", "triples", "resolved", "unresolved"):
        t.add_column(col, justify="left" if col in {"document", "lang"} else "right", no_wrap=col != "document")
    for d in report["documents"]:
        t.add_row(
            d["id"],
            d["language"],
            str(sum(d["records"].values())),
            str(d["triples"]),
            str(d["resolved"]),
            str(d["unresolved"]),
        )
    console.print(t)
    _print_coverage(report)
    c = Table(title="Entities by class")
    c.add_column("class")
    c.add_column("count", justify="right")
    for cls, n in list(report["classes"].items())[:40]:
        c.add_row(cls, str(n))
    console.print(c)
    v = report.get("violations", [])
    _print_stages(report)
    for w in report.get("warnings", []):
        err.print(f"[yellow]warning:[/yellow] {w}", highlight=False, soft_wrap=True)
    console.print(
        f"{report['triples']} triples in {report['seconds']:.2f} s -> {out}; "
        f"SHACL: {'0 violations' if not v else f'{len(v)} violation(s)'}"
    )
    for line in v[:20]:
        console.print(f"  [yellow]{line}[/yellow]", highlight=False)


def _print_coverage(report: dict) -> None:
    """The coverage report (kgraph.coverage.page): what was read of each document."""
    data = coverage.page(report)
    t = Table(title="Coverage")
    for col in ("document", "kind", "lang", "date", "number", "title", *coverage.COUNTS, "outside", "warnings"):
        t.add_column(col, overflow="fold", justify="right" if col in coverage.COUNTS or col == "outside" else "left")
    for r in data["documents"]:
        t.add_row(
            r["id"],
            r["kind"],
            r["language"] or "",
            r["date"] or "—",
            r["number"] or "—",
            (r["title"] or "—")[:60],
            *(str(r[k]) for k in coverage.COUNTS),
            f"{r['outside']:.0%}",
            "; ".join(r["warnings"]),
        )
    for f in data["failed"]:
        t.add_row(f["id"], "FAILED", "", "", "", "", *("" for _ in coverage.COUNTS), "", f["error"])
    console.print(t)
    totals = data["totals"]
    console.print(
        f"coverage: {totals['documents']} document(s) read, {totals['failed']} failed, "
        f"{totals['warned']} with warnings, {totals['undated']} without date and number",
        highlight=False,
    )
    for a in data["alignment"]:
        only = ", ".join(f"{doc}: {n}" for doc, n in a["only_in"].items()) or "none"
        console.print(
            f"alignment {a['act']} ({a['redaction']}): {a['parts']} parts; in one text only: {only}; "
            f"disagreements: {a['conflicts']}",
            highlight=False,
        )


@app.command()
def add(
    paths: list[Path] = typer.Argument(..., help="Files (txt, md, html, docx, pdf) or corpus folders (meta.yaml)."),
    language: str | None = typer.Option(None, "--language", help="ru | kk (default: told from the text)."),
    doc_id: str | None = typer.Option(None, "--id", help="Catalog id (default: from the file name)."),
    kind: str | None = typer.Option(None, "--kind", help="Document kind whose extractor runs (default: detected)."),
    dry_run: bool = typer.Option(False, "--dry-run", help="Decide and print; copy and write nothing."),
    catalog_file: Path = typer.Option(settings.DEFAULT_CATALOG, "--catalog", help="Catalog to add to."),
) -> None:
    """Copy documents into the sources and catalog them; print what was decided and why."""
    from kgraph import adding  # heavy (ruamel.yaml, the readers): only this command needs it

    if language not in (None, "ru", "kk"):
        _fail(KgraphError(f"--language must be ru or kk, not {language!r}"))
    try:
        added = adding.add(paths, catalog_file, language=language, doc_id=doc_id, kind=kind, dry_run=dry_run)
    except KgraphError as exc:
        _fail(exc)
    for a in added:
        for doc, what, value, evidence in a.decisions:
            console.print(f"{doc}: {what} = {value}  ← {evidence}", highlight=False, soft_wrap=True, markup=False)
        verb = "would add" if dry_run else "added"
        console.print(f"{verb} {a.id} -> {a.source} ({catalog_file})", highlight=False, soft_wrap=True, markup=False)


@app.command()
def stats(build_dir: Path = BuildDir) -> None:
    """Summarise the built graph: documents, triples, entities by class, unresolved mentions."""
    report_file = build_dir / settings.REPORT_FILE
    if not report_file.is_file():
        _fail(KgraphError(f"{build_dir}: no build here; run `kgraph build` first"))
    _print_report(json.loads(report_file.read_text(encoding="utf-8")), build_dir)
    try:
        store = open_store(build_dir)
        _, found = rows(queries.run(queries.named("unresolved_mentions"), store))
    except KgraphError as exc:
        _fail(exc)
    mentions = {r["mention"]: r for r in found if r["text"]}  # one row per mention (it may name several tasks)
    unresolved = sorted(mentions.values(), key=lambda r: (r["document"], r["text"]))
    if unresolved:
        t = Table(title=f"Unresolved mentions ({len(unresolved)})")
        t.add_column("document")
        t.add_column("mention")
        for r in unresolved:
            t.add_row(r["document"], r["text"])
        console.print(t)


@app.command()
def validate(build_dir: Path = BuildDir) -> None:
    """Validate the built graph against ontology/shapes.ttl (pySHACL); exit 1 on violations."""
    # heavy (1.4 s: rdflib, pySHACL, the extractors): only this command needs them
    from rdflib import Dataset

    from kgraph.build import validate as shacl

    nq = build_dir / settings.GRAPH_FILE
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
    output: Path | None = typer.Option(None, "--output", "-o", help="File to write (default: stdout)."),
    build_dir: Path = BuildDir,
) -> None:
    """Export the built graph (Turtle merges the named graphs; N-Quads/TriG/JSON-LD keep them)."""
    if format not in EXPORT_FORMATS:
        _fail(KgraphError(f"unknown format {format!r}; choose one of {', '.join(EXPORT_FORMATS)}"))
    nq = build_dir / settings.GRAPH_FILE
    if not nq.is_file():
        _fail(KgraphError(f"{build_dir}: no build here; run `kgraph build` first"))
    if format == "nq":
        data = nq.read_bytes()
    else:
        quads = ox.parse(path=str(nq), format=ox.RdfFormat.N_QUADS)
        if format == "ttl":
            triples = [ox.Triple(q.subject, q.predicate, q.object) for q in quads]
            data = ox.serialize(triples, format=ox.RdfFormat.TURTLE, prefixes=iri.PREFIXES)
        elif format == "trig":
            data = ox.serialize(quads, format=ox.RdfFormat.TRIG, prefixes=iri.PREFIXES)
        else:
            data = ox.serialize(quads, format=ox.RdfFormat.JSON_LD)
    if output:
        output.write_bytes(data)
        err.print(f"wrote {output}")
    else:
        sys.stdout.buffer.write(data)


# A terminal table of thousands of rows is slow to draw and useless to read: show the
# first rows and the total; --limit raises the cap, --format csv gives every row. Cells
# are shortened the same way: our IRIs relative to the base, long texts cut.
TABLE_ROWS = 200
TABLE_TEXT = 120  # characters of a literal shown in a table cell


@app.command()
def query(
    name: str = typer.Argument(..., help="Named query (file stem in queries/), a .rq file, or - for stdin."),
    format: str = typer.Option(
        "table", "--format", "-f", help="table | csv | tsv | json | xml (CONSTRUCT: ttl | nt | jsonld | xml)"
    ),
    param: list[str] = typer.Option([], "--param", "-p", help="Parameter k=v (bound as a typed value)."),
    store: str | None = typer.Option(
        None, "--store", envvar=settings.env("store"), help="SPARQL endpoint URL, build dir, store dir or 'memory'."
    ),
    limit: int | None = typer.Option(
        None, "--limit", "-n", min=1, help=f"At most this many rows (default: all; a table shows {TABLE_ROWS})."
    ),
    page: int = typer.Option(
        1, "--page", min=1, help="Which page of a query read in pages (its header's `page:`, e.g. responsibilities)."
    ),
    all_rows: bool = typer.Option(False, "--all", help="The whole result of a query read in pages."),
    build_dir: Path = BuildDir,
) -> None:
    """Run a named query or a .rq file on the built graph (or on a SPARQL endpoint with --store URL).
    A query whose header gives a page size (`# page: 1000`) answers one page at a time: --page N, or --all."""
    try:
        q = queries.parse_text(sys.stdin.read(), "stdin") if name == "-" else queries.find(name)
        values = {}
        for p in param:
            if "=" not in p:
                raise KgraphError(f"--param expects k=v, got {p!r}")
            k, v = p.split("=", 1)
            values[k.strip()] = v.strip()
        paged = q.page is not None and not all_rows and limit is None
        if paged:
            result = queries.run(q, open_store(store or build_dir), values, q.page, (page - 1) * q.page)
            err.print(f"page {page} ({q.page} rows a page): --page {page + 1} for the next, --all for every row")
        else:
            result = queries.run(q, open_store(store or build_dir), values)
        if format == "table":
            _print_result_table(result, q.title or q.name, limit or TABLE_ROWS)
        else:
            out = result.serialize(format, max_rows=limit)
            sys.stdout.buffer.write(out.body)
            if out.truncated:
                err.print(f"cut at {limit} rows (--limit)")
    except (KgraphError, ValueError) as exc:
        _fail(exc)


def _table_cell(term) -> str:
    if term is None:
        return ""
    value = term.value
    if isinstance(term, ox.NamedNode) and value.startswith(iri.BASE):
        return value[len(iri.BASE) :]
    return value if len(value) <= TABLE_TEXT else value[: TABLE_TEXT - 1] + "…"


def _print_result_table(result, title: str, max_rows: int = TABLE_ROWS) -> None:
    if result.kind == "ask":
        console.print("yes" if result else "no")
        return
    names = ["subject", "predicate", "object"] if result.kind == "graph" else result.variables
    t = Table(title=title)
    for n in names:
        t.add_column(n, overflow="fold")
    count = 0
    for row in result:
        count += 1
        if count > max_rows:
            continue  # counted, not drawn
        cells = (
            (row.subject, row.predicate, row.object) if result.kind == "graph" else (row[i] for i in range(len(names)))
        )
        t.add_row(*(_table_cell(c) for c in cells))
    t.caption = f"IRIs relative to {iri.BASE}, texts cut at {TABLE_TEXT} characters (--format csv: full values)"
    console.print(t)
    if count > max_rows:
        console.print(f"showing {max_rows} of {count} rows: --limit N for more, --format csv for all")
    else:
        console.print(f"{count} row(s)")


@app.command("queries")
def list_queries() -> None:
    """List the named queries in queries/ with their titles and parameters."""
    try:
        lib = queries.library()
    except KgraphError as exc:
        _fail(exc)
    t = Table(title=f"Named queries ({len(lib)}) — run with `kgraph query NAME [--param k=v]`")
    t.add_column("name", no_wrap=True)
    t.add_column("title")
    t.add_column("parameters (default)", overflow="fold")
    for q in lib.values():
        params = "\n".join(f"{p.name}: {p.type} = {p.default or '—'}" for p in q.parameters)
        t.add_row(q.name, q.title, params)
    console.print(t)


@app.command("eval")
def evaluate_cmd(
    source: str | None = typer.Argument(None, help="Source id (default: every catalogued source with a golden file)."),
    show_misses: bool = typer.Option(False, "--misses", help="List missed and extra records."),
    golden: Path = typer.Option(
        settings.GOLDEN_DIR, "--golden", help="Directory of the golden files; with --file, the golden file."
    ),
    catalog_file: Path = typer.Option(
        settings.DEFAULT_CATALOG, "--catalog", help="Catalog of the sources (its registry resolves roles)."
    ),
    file: Path | None = typer.Option(
        None, "--file", help="Score this file (.txt, or a mirror's .md) against --golden FILE."
    ),
    language: str | None = typer.Option(
        None, "--language", help="ru or kk (default: from the file name or its letters)."
    ),
    kind: str | None = typer.Option(None, "--kind", help="Document kind to extract (default: the golden's, else law)."),
) -> None:
    """Score extraction against the hand-checked golden files: precision/recall/F1 per kind and field."""
    if file is not None:
        if golden.is_dir():
            _fail(KgraphError(f"{golden}: with --file, --golden names a golden file, not a directory"))
        if language not in (None, "ru", "kk"):
            _fail(KgraphError(f"--language must be ru or kk, not {language!r}"))
        try:
            scores = evaluate.evaluate_file(file, golden, language, kind, catalog_file)
        except (KeyError, KgraphError) as exc:
            _fail(exc)
        _print_scores(str(file), scores, show_misses)
        return
    ids = [source] if source else evaluate.golden_sources(golden)
    if not ids:
        _fail(KgraphError(f"{golden}: no golden files here; give their directory with --golden"))
    if not source:
        listed = {e.id for e in catalog.load(catalog_file)}
        for sid in [i for i in ids if i not in listed]:
            err.print(f"{sid}: golden file but no catalog entry in {catalog_file}: not scored", highlight=False)
        ids = [i for i in ids if i in listed]
    for sid in ids:
        try:
            scores = evaluate.evaluate_source(sid, golden, catalog_file)
        except (KeyError, KgraphError) as exc:
            _fail(exc)
        _print_scores(sid, scores, show_misses)


def _print_scores(title: str, scores: dict, show_misses: bool) -> None:
    t = Table(title=title)
    for col in ("kind", "expected", "extracted", "precision", "recall", "F1", "fields (accuracy on matched)"):
        t.add_column(col)
    for kind, s in scores.items():
        fields = ", ".join(f"{f} {s.field_accuracy(f):.2f}" for f in s.fields)
        t.add_row(
            kind, str(s.expected), str(s.extracted), f"{s.precision:.3f}", f"{s.recall:.3f}", f"{s.f1:.3f}", fields
        )
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
    query_timeout: float | None = typer.Option(
        None, help="SPARQL endpoint: seconds before a query is stopped (default KGRAPH_QUERY_TIMEOUT or 10)."
    ),
    max_rows: int | None = typer.Option(
        None, help="SPARQL endpoint: most result rows returned (default KGRAPH_MAX_ROWS or 10000)."
    ),
    store: str | None = typer.Option(
        None,
        "--store",
        envvar=settings.env("store"),
        help="Serve this store instead of the build's: a SPARQL endpoint URL or a store dir.",
    ),
    build_dir: Path = BuildDir,
) -> None:
    """Serve the web explorer and the SPARQL endpoint over the built graph (or over --store)."""
    # heavy (1 s: uvicorn, fastapi, rdflib, scikit-learn): only this command needs them
    import uvicorn

    from kgraph.web.app import create_app

    try:
        application = create_app(build_dir, query_timeout=query_timeout, max_rows=max_rows, store=store)
    except KgraphError as exc:
        _fail(exc)
    # X-Forwarded-For names the client (per-client query limits) only behind a proxy the
    # operator declares; otherwise any client could claim any address.
    proxies = settings.trusted_proxies()
    uvicorn.run(
        application,
        host=host,
        port=port,
        log_level="info",
        proxy_headers=proxies is not None,
        forwarded_allow_ips=proxies,
    )


# --- analysis: networks and mandate overlaps (kgraph.analysis) --------------------------

# Which metrics to rank parties by in each network, and which node kinds count as "bodies".
_NETWORK_TOPS = {
    "body-task": (("lead", "degree", "betweenness"), ("body",)),
    "coassignment": (("weighted_degree", "degree", "betweenness"), ("body",)),
    "competence": (("degree", "betweenness"), ("role", "body")),
    "succession": (("degree", "betweenness"), ("body",)),
}


@app.command()
def analyze(
    out: Path | None = typer.Option(None, "--out", "-o", help="Write CSV, GraphML and GEXF files here."),
    top: int = typer.Option(10, "--top", help="Bodies per metric."),
    store: str | None = StoreOption,
    build_dir: Path = BuildDir,
) -> None:
    """Networks of bodies, tasks and competences: top bodies per metric (and files for Gephi with --out)."""
    from kgraph.analysis import networks  # heavy (networkx): only this command needs it

    try:
        nets = networks.networks(open_store(store or build_dir))
    except KgraphError as exc:
        _fail(exc)
    written = 0
    for name, g in nets.items():
        values = networks.metrics(g)
        s = networks.summary(g)
        cols, kinds = _NETWORK_TOPS[name]
        t = Table(
            title=f"{name}: {s['nodes']} nodes, {s['edges']} edges, "
            f"{s['components']} components, {s['communities']} communities"
        )
        t.add_column("#", justify="right")
        for c in cols:
            t.add_column(c.replace("_", " "), overflow="fold")
        ranked = {c: networks.top(g, values[c], top, kinds) for c in cols}
        for i in range(max((len(r) for r in ranked.values()), default=0)):
            t.add_row(
                str(i + 1), *(f"{ranked[c][i][1]} ({ranked[c][i][2]:.3g})" if i < len(ranked[c]) else "" for c in cols)
            )
        console.print(t)
        if out:
            written += len(networks.export(g, out, name, values))
    if out:
        console.print(f"wrote {written} files (CSV, GraphML, GEXF) to {out}")


overlaps_app = typer.Typer(
    no_args_is_help=True,
    help="Mandate overlaps: the drafter check and detection. Findings are for review, never verdicts.",
)
app.add_typer(overlaps_app, name="overlaps")


@overlaps_app.command("check")
def overlaps_check(
    text: str = typer.Argument(
        None, help="The drafted competence, or a whole article with numbered items; - reads stdin."
    ),
    file: Path | None = typer.Option(None, "--file", help="Read the draft from this file."),
    lang: str | None = typer.Option(None, "--lang", help="ru | kk (default: detected per item)."),
    body: str | None = typer.Option(None, "--body", help="Registry id or IRI: only this body's items."),
    top: int = typer.Option(10, "--top", help="Matches per item."),
    format: str = typer.Option("table", "--format", "-f", help="table | json | csv | html"),
    out: Path | None = typer.Option(None, "--out", "-o", help="Write the report here (csv, html, json)."),
    store: str | None = StoreOption,
    build_dir: Path = BuildDir,
) -> None:
    """Existing powers a draft duplicates or overlaps, in bands (same power, overlapping, complementary
    levels of one function, related), item by item for a whole article, with body, legal basis and quote."""
    from kgraph.analysis import article  # heavy (1 s: scikit-learn): only the overlaps commands need it

    if lang not in (None, "ru", "kk"):
        _fail(KgraphError(f"--lang must be ru or kk, not {lang!r}"))
    if format not in ("table", "json", "csv", "html"):
        _fail(KgraphError(f"--format must be table, json, csv or html, not {format!r}"))
    if file is not None:
        try:
            text = file.read_text(encoding="utf-8")
        except OSError as exc:
            _fail(KgraphError(f"{file}: {exc.strerror or exc}"))
    elif text == "-":
        text = sys.stdin.read()
    try:
        start = time.perf_counter()
        report = article.check_article(text or "", lang=lang, body=body, store=open_store(store or build_dir), top=top)
        seconds = time.perf_counter() - start
    except KgraphError as exc:
        _fail(exc)
    if format == "table":
        _print_overlap_report(report, seconds)
        return
    if format == "json":
        data = json.dumps(report.as_dict(), ensure_ascii=False, indent=2) + "\n"
    elif format == "csv":
        data = article.to_csv(report)
    else:
        from kgraph.web.overlaps import report_html  # heavy (jinja2 templates): only this format needs it

        data = report_html(report)
    if out is None:
        sys.stdout.write(data)
    else:
        out.write_text(data, encoding="utf-8")
        console.print(f"wrote {out}")


def _print_overlap_report(report, seconds: float) -> None:
    for item in report.items:
        v = item.verdict
        title = f"{item.number + ') ' if item.number else ''}{item.text[:90]}"
        if not v.matches:
            console.print(f"[bold]{title}[/bold]\n  {v.summary}")
            continue
        t = Table(title=f"{title}\n{v.summary}", title_justify="left")
        for col in ("band", "score", "body", "legal basis", "existing text"):
            t.add_column(col, overflow="fold", justify="right" if col == "score" else "left")
        for m in v.matches:
            band = m.band_title + (f" ({m.levels})" if m.levels else "")
            holders = f" (now: {', '.join(m.holders)})" if m.holders else ""
            basis = " ".join(x for x in (m.source, m.ref) if x)
            t.add_row(band, f"{m.score:.2f}", m.body_label + holders, basis, (m.text or m.quote)[:300])
        console.print(t)
    s = report.summary
    console.print(
        f"{s['items']} item(s): {s['overlapping_items']} overlap an existing power, "
        f"{s['by_band']['complementary-levels']} complementary, {s['nothing']} with nothing shown "
        f"({seconds:.2f} s); a pointer for review, not a legal finding"
    )


@overlaps_app.command("evaluate")
def overlaps_evaluate(
    labelled: Path = typer.Option(settings.GOLDEN_DIR / "overlap_calibration.json", "--set", help="Labelled pairs."),
    golden: Path = typer.Option(settings.GOLDEN_DIR, "--golden", help="Golden files searched (the corpus)."),
    half: str = typer.Option("held", "--half", help="held | fit | all"),
    calibrate: bool = typer.Option(False, "--calibrate", help="Fit the bands on the fit half first."),
    write: bool = typer.Option(False, "--write", help="With --calibrate: store the fitted bands in the package."),
) -> None:
    """Score the drafter check on labelled (draft, existing power) pairs: band precision, "nothing overlaps"
    for unrelated drafts, paraphrase in the top 3, kk-ru recall, levels."""
    from kgraph.analysis import bands, calibration  # heavy (1 s: scikit-learn): only the overlaps commands need it
    from kgraph.analysis.index import Analyzer

    try:
        pairs = calibration.load_pairs(labelled)
        an = Analyzer(calibration.golden_corpus(calibration.golden_files(golden)))
        t = calibration.fit([p for p in pairs if p["half"] == "fit"], an)[0] if calibrate else bands.shipped()
        numbers = calibration.report(pairs, an, t)
    except (OSError, KeyError, ValueError) as exc:
        _fail(KgraphError(f"{labelled}: {exc}"))
    if write:
        calibration.write_bands(t, bands.bands_path(), labelled, numbers)
    shown = numbers if half == "all" else {half: numbers[half]}
    sys.stdout.write(json.dumps({"thresholds": t.as_dict(), **shown}, ensure_ascii=False, indent=2) + "\n")


@overlaps_app.command("detect")
def overlaps_detect(
    kind: list[str] = typer.Option([], "--kind", "-k", help="Finding kind(s) to show (default: all)."),
    limit: int = typer.Option(20, "--limit", help="Findings per kind in the table."),
    format: str = typer.Option("table", "--format", "-f", help="table | json"),
    store: str | None = StoreOption,
    build_dir: Path = BuildDir,
) -> None:
    """Overlap findings over the whole graph: duplicates, co-assignments, law vs plan (to review)."""
    from kgraph.analysis import overlaps as ov  # heavy (1 s: scikit-learn): only the overlaps commands need it

    known = ov.ALL_KINDS
    unknown = [k for k in kind if k not in known]
    if unknown:
        _fail(KgraphError(f"unknown finding kind {unknown[0]!r}; choose from {', '.join(known)}"))
    try:
        findings = ov.detect(open_store(store or build_dir), kinds=tuple(kind) or None)
    except KgraphError as exc:
        _fail(exc)
    if format == "json":
        sys.stdout.write(json.dumps([dataclasses.asdict(f) for f in findings], ensure_ascii=False, indent=2) + "\n")
        return
    for k in known:
        these = [f for f in findings if f.kind == k]
        if not these:
            continue
        t = Table(title=f"{k}: {len(these)} to review")
        paired = any(f.b_text for f in these)
        cols = (
            ("score", "first: legal basis and text", "second: legal basis and text", "reason")
            if paired
            else ("score", "reason")
        )
        for col in cols:
            t.add_column(col, overflow="fold", justify="right" if col == "score" else "left")
        for f in these[:limit]:
            score = f"{f.score:.2f}" + (f"\n{f.band}" if f.band else "")
            if paired:
                t.add_row(score, f"{f.a_basis}\n«{f.a_text[:300]}»", f"{f.b_basis}\n«{f.b_text[:300]}»", f.reason)
            else:
                t.add_row(score, f.reason)
        console.print(t)
    hidden = (
        "" if kind else "; competence-without-task is not computed unless asked for (--kind competence-without-task)"
    )
    console.print(f"{len(findings)} finding(s); each is a pointer for review, not a verdict{hidden}")


def main() -> None:  # pragma: no cover
    app()


if __name__ == "__main__":  # pragma: no cover
    main()
