"""SPARQL 1.1 Protocol logic, free of any web framework.

* `kgraph.sparql_syntax.analyze` tells a request's form (SELECT, ASK,
  CONSTRUCT, DESCRIBE or an update) and whether it calls SERVICE.
* `negotiate` picks a result format from an Accept header (or ?format=).
* `Endpoint.handle` answers one protocol request: 414 for an over-long GET,
  403 for any update or SERVICE call (kgraph.sparql_guard: on the tokens here,
  on the parsed query in the worker), 400 with the parser's message for a
  malformed query, 406, 503 when the query timed out or ran out of its memory
  (the worker process running it is killed, so the query really stops), or no
  worker is free for it now (with Retry-After).
* An answer is kept per build (kgraph.sparql_cache): the same query again is answered from
  memory without a worker, and concurrent requests of one query run it once.
* Queries run through an executor of `kgraph.sparql_pool`: a pool of worker
  processes, each with its own copy of the store, scheduled so that no client
  starves the rest, or the calling thread for remote stores and stores built in
  memory by the caller.
"""

from __future__ import annotations

import functools
import itertools
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import parse_qsl

import pyoxigraph as ox

from kgraph import queries, settings, sparql_guard
from kgraph.errors import KgraphError
from kgraph.results import GRAPH_FORMATS, SOLUTION_FORMATS, Format, Result, format_named
from kgraph.sparql_cache import ResultCache
from kgraph.sparql_pool import Busy, Cancelled, QueryTimeout, executor_for
from kgraph.sparql_syntax import analyze
from kgraph.sparql_workers import DEFAULT_FORMAT, Job, message_body
from kgraph.store import default_prefixes

# --- configuration ---------------------------------------------------------------------


@dataclass(frozen=True)
class Limits:
    """Per-query limits of the endpoint; `from_env` reads the KGRAPH_* variables (kgraph.settings)."""

    timeout: float = settings.DEFAULTS.query_timeout  # seconds a query may run
    max_rows: int = settings.DEFAULTS.max_rows  # solutions (or triples) returned at most
    max_get: int = settings.DEFAULTS.max_get  # bytes of a GET request's query string
    workers: int = settings.DEFAULTS.query_workers  # worker processes
    memory_mb: float = settings.DEFAULTS.query_memory_mb  # memory a query may add to its worker (MB; 0: none)
    per_client: int = settings.DEFAULTS.client_queries  # queries one client may have running or waiting
    queue: int = settings.DEFAULTS.query_queue  # queries that may wait for a worker
    preempt: float = settings.DEFAULTS.query_preempt  # seconds before a query may yield to a lighter client's
    cache_mb: float = settings.DEFAULTS.query_cache_mb  # answers kept per build (MB; 0: none)

    @classmethod
    def from_env(
        cls,
        timeout: float | None = None,
        max_rows: int | None = None,
        max_get: int | None = None,
        workers: int | None = None,
    ) -> Limits:
        env = settings.current()
        return cls(
            timeout=timeout if timeout is not None else env.query_timeout,
            max_rows=max_rows if max_rows is not None else env.max_rows,
            max_get=max_get if max_get is not None else env.max_get,
            workers=workers if workers is not None else env.query_workers,
            memory_mb=env.query_memory_mb,
            per_client=env.client_queries,
            queue=env.query_queue,
            preempt=env.query_preempt,
            cache_mb=env.query_cache_mb,
        )


# --- content negotiation ---------------------------------------------------------------

# Media types a client may ask for -> format name, per result kind.
_SOLUTION_TYPES = {
    "application/sparql-results+json": "json",
    "application/json": "json",
    "text/javascript": "json",
    "application/javascript": "json",
    "application/sparql-results+xml": "xml",
    "application/xml": "xml",
    "text/xml": "xml",
    "text/csv": "csv",
    "text/tab-separated-values": "tsv",
}
_GRAPH_TYPES = {
    "text/turtle": "turtle",
    "application/turtle": "turtle",
    "application/x-turtle": "turtle",
    "text/n3": "turtle",
    "text/rdf+n3": "turtle",
    "application/n3": "turtle",
    "application/n-triples": "ntriples",
    "text/plain": "ntriples",
    "application/ld+json": "jsonld",
    "application/x-json+ld": "jsonld",
    "application/json": "jsonld",
    "application/rdf+xml": "rdfxml",
    "application/xml": "rdfxml",
    "text/xml": "rdfxml",
}


class NotAcceptable(KgraphError):
    pass


def _accept_entries(accept: str) -> list[tuple[float, int, str]]:
    out = []
    for i, part in enumerate(accept.split(",")):
        pieces = [p.strip() for p in part.split(";")]
        media = pieces[0].lower()
        if not media:
            continue
        q = 1.0
        for p in pieces[1:]:
            if p.lower().startswith("q="):
                try:
                    q = float(p[2:])
                except ValueError:
                    q = 0.0
        out.append((q, i, media))
    out.sort(key=lambda e: (-e[0], e[1]))
    return out


@functools.lru_cache(maxsize=256)
def negotiate(kind: str, accept: str | None, requested: str | None = None) -> Format:
    """The result format for a query kind from ?format= (if it names one) or the Accept header."""
    if requested:
        f = format_named(kind, requested)
        if f is not None:
            return f
    formats = GRAPH_FORMATS if kind == "graph" else SOLUTION_FORMATS
    table = _GRAPH_TYPES if kind == "graph" else _SOLUTION_TYPES
    if not accept:
        return formats[DEFAULT_FORMAT[kind]]
    for q, _, media in _accept_entries(accept):
        if q <= 0:
            continue
        if media in table:
            return formats[table[media]]
        if media in {"*/*", "*"} or (
            media.endswith("/*") and formats[DEFAULT_FORMAT[kind]].media_type.startswith(media[:-1])
        ):
            return formats[DEFAULT_FORMAT[kind]]
    offered = ", ".join(f.media_type for f in formats.values())
    raise NotAcceptable(f"no media type in the Accept header fits; this result is available as {offered}")


# --- the protocol -----------------------------------------------------------------------


@dataclass(frozen=True)
class Request:
    """What the protocol needs from an HTTP request."""

    method: str  # GET or POST
    params: tuple[tuple[str, str], ...] = ()  # URL query parameters, in order
    raw_query_string: str = ""  # the URL's query string as sent (for the GET length limit)
    content_type: str = ""
    body: bytes = b""
    accept: str = ""
    endpoint_url: str = ""  # this endpoint's own URL, for the service description
    client: str = ""  # who asks (the peer address): per-client limits and fair scheduling


@dataclass(frozen=True)
class Response:
    status: int
    body: bytes
    media_type: str = "text/plain; charset=utf-8"
    headers: tuple[tuple[str, str], ...] = ()


SD = "http://www.w3.org/ns/sparql-service-description#"
FORMATS_NS = "http://www.w3.org/ns/formats/"


class Endpoint:
    """A read-only SPARQL 1.1 Protocol endpoint over a store."""

    def __init__(self, store, limits: Limits | None = None, executor=None):
        self.store = store
        self.limits = limits or Limits.from_env()
        self.executor = executor or executor_for(store, self.limits)
        # Answers are kept only over a store that cannot change while it is served (kgraph.sparql_cache).
        self.cache = ResultCache(
            self.limits.cache_mb if getattr(self.executor, "immutable", False) else 0, self.limits.per_client
        )

    def close(self) -> None:
        self.executor.close()

    # One request -> one response. Never raises for a client's mistake.
    def handle(self, req: Request, cancel=None) -> Response:
        """Answer a request; `cancel` (a threading.Event) set while it runs stops its query."""
        try:
            return self._handle(req, cancel)
        except NotAcceptable as exc:
            return _error(406, str(exc))
        except QueryTimeout as exc:
            return _error(503, str(exc))
        except Busy as exc:
            return _error(503, str(exc), (("Retry-After", str(exc.retry_after)),))
        except Cancelled as exc:
            return _error(499, str(exc))

    def _handle(self, req: Request, cancel=None) -> Response:
        params = list(req.params)
        ctype = req.content_type.split(";")[0].strip().lower()
        if req.method == "POST":
            if ctype == "application/x-www-form-urlencoded":
                params += parse_qsl(req.body.decode("utf-8", "replace"), keep_blank_values=True)
            elif ctype == "application/sparql-update":
                return _refuse_update()
            elif ctype == "application/sparql-query":
                params.append(("query", req.body.decode("utf-8", "replace")))
            else:
                return _error(
                    415, "unsupported Content-Type; send application/sparql-query or application/x-www-form-urlencoded"
                )
        elif req.method == "GET" and len(req.raw_query_string.encode("utf-8")) > self.limits.max_get:
            return _error(
                414,
                f"the query string is longer than {self.limits.max_get} bytes: "
                "send the query by POST (application/sparql-query or a form)",
            )
        if any(k in {"update", "using-graph-uri", "using-named-graph-uri"} for k, _ in params):
            return _refuse_update()
        queries = [v for k, v in params if k == "query"]
        if not queries:
            return self.service_description(req)
        if len(queries) > 1:
            return _error(400, "more than one 'query' parameter")
        text = queries[0]
        refusal = sparql_guard.lexical_refusal(text)
        if refusal:
            return _error(403, refusal)
        info = analyze(text)
        requested = next((v for k, v in params if k in {"format", "output"}), None)
        fmt = negotiate(info.kind, req.accept, requested)
        job = Job(
            text,
            fmt.name,
            self.limits.max_rows,
            tuple(v for k, v in params if k == "default-graph-uri"),
            tuple(v for k, v in params if k == "named-graph-uri"),
        )
        out, kept = self.cache.run(
            self.cache.key(job),
            lambda: self.executor.run(job, self.limits.timeout, client=req.client, cancel=cancel),
            cancel,
            self.limits.timeout,
            req.client,
        )
        headers = [("Vary", "Accept")]
        if self.cache.enabled:
            headers.append(("X-Kgraph-Cache", "hit" if kept else "miss"))
        if out.truncated:
            headers += [("X-SPARQL-MaxRows", str(self.limits.max_rows)), ("X-Kgraph-Truncated", "true")]
        return Response(out.status, out.body, out.media_type, tuple(headers))

    def service_description(self, req: Request) -> Response:
        """SPARQL 1.1 Service Description of this endpoint, as RDF (Turtle unless asked otherwise)."""
        fmt = negotiate("graph", req.accept, next((v for k, v in req.params if k == "format"), None))
        sd = lambda t: ox.NamedNode(SD + t)
        rdf_type = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
        service = ox.BlankNode("service")
        dataset = ox.BlankNode("dataset")
        default_graph = ox.BlankNode("default")
        triples = [
            ox.Triple(service, rdf_type, sd("Service")),
            ox.Triple(service, sd("supportedLanguage"), sd("SPARQL11Query")),
            ox.Triple(service, sd("feature"), sd("UnionDefaultGraph")),
            ox.Triple(service, sd("defaultDataset"), dataset),
            ox.Triple(dataset, rdf_type, sd("Dataset")),
            ox.Triple(dataset, sd("defaultGraph"), default_graph),
            ox.Triple(default_graph, rdf_type, sd("Graph")),
            ox.Triple(
                service,
                ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#comment"),
                ox.Literal(
                    f"Read-only SPARQL 1.1 Query endpoint of kgraph. The default graph is the union of the "
                    f"named graphs (one per source document). Updates and SERVICE are refused (403); a query "
                    f"runs at most {self.limits.timeout:g} s and returns at most {self.limits.max_rows} rows; "
                    f"GET query strings up to {self.limits.max_get} bytes, POST for longer queries."
                ),
            ),
        ]
        if req.endpoint_url:
            triples.append(ox.Triple(service, sd("endpoint"), ox.NamedNode(req.endpoint_url)))
        for f in itertools.chain(SOLUTION_FORMATS.values(), GRAPH_FORMATS.values()):
            triples.append(ox.Triple(service, sd("resultFormat"), ox.NamedNode(FORMATS_NS + _W3C_FORMAT[f.name])))
        for i, g in enumerate(self._graph_names()):
            node = ox.BlankNode(f"g{i}")
            triples += [
                ox.Triple(dataset, sd("namedGraph"), node),
                ox.Triple(node, rdf_type, sd("NamedGraph")),
                ox.Triple(node, sd("name"), ox.NamedNode(g)),
            ]
        prefixes = {"sd": SD, "formats": FORMATS_NS, **default_prefixes()}
        body = Result(triples, "graph").serialize(fmt, prefixes=prefixes).body
        return Response(
            200,
            body,
            fmt.media_type + ("; charset=utf-8" if fmt.media_type.startswith("text/") else ""),
            (("Vary", "Accept"),),
        )

    def _graph_names(self) -> list[str]:
        out = self.executor.run(Job(queries.internal("graph_names").sparql, "tsv", 10_000), self.limits.timeout)
        if out.status != 200:
            return []
        return [line.strip()[1:-1] for line in out.body.decode("utf-8").splitlines()[1:] if line.startswith("<")]


_W3C_FORMAT = {
    "json": "SPARQL_Results_JSON",
    "xml": "SPARQL_Results_XML",
    "csv": "SPARQL_Results_CSV",
    "tsv": "SPARQL_Results_TSV",
    "turtle": "Turtle",
    "ntriples": "N-Triples",
    "jsonld": "JSON-LD",
    "rdfxml": "RDF_XML",
}


def _error(status: int, message: str, headers: Iterable[tuple[str, str]] = ()) -> Response:
    return Response(status, message_body(message), headers=tuple(headers))


def _refuse_update() -> Response:
    return _error(403, sparql_guard.UPDATE_MESSAGE)
