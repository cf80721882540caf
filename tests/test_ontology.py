"""Tests for ontology/kgraph.ttl (OWL 2 DL) and ontology/shapes.ttl (SHACL).

* the ontology parses, defines every term the code relies on, and labels and
  defines every kg: term in en/ru/kk;
* it is self-contained (every external term it uses is declared), in the
  OWL 2 DL profile, and HermiT (through owlready2) finds it and a realistic
  sample of data consistent, while catching data that breaks its axioms;
* the shapes are valid SHACL, accept the sample data and reject each kind of
  broken data with the expected message.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from rdflib import OWL, RDF, RDFS, SKOS, Graph, Literal, Namespace, URIRef

ROOT = Path(__file__).resolve().parents[1]
ONTOLOGY = ROOT / "ontology" / "kgraph.ttl"
SHAPES = ROOT / "ontology" / "shapes.ttl"

KG = Namespace("https://kgraph.kz/ontology#")
ORG = Namespace("http://www.w3.org/ns/org#")
ELI = Namespace("http://data.europa.eu/eli/ontology#")
SH = Namespace("http://www.w3.org/ns/shacl#")
DCTERMS = Namespace("http://purl.org/dc/terms/")
ONTOLOGY_IRI = URIRef("https://kgraph.kz/ontology")

PREFIXES = """
@prefix kg:      <https://kgraph.kz/ontology#> .
@prefix ex:      <https://kgraph.kz/id/> .
@prefix owl:     <http://www.w3.org/2002/07/owl#> .
@prefix rdf:     <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix rdfs:    <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd:     <http://www.w3.org/2001/XMLSchema#> .
@prefix skos:    <http://www.w3.org/2004/02/skos/core#> .
@prefix org:     <http://www.w3.org/ns/org#> .
@prefix eli:     <http://data.europa.eu/eli/ontology#> .
@prefix prov:    <http://www.w3.org/ns/prov#> .
@prefix time:    <http://www.w3.org/2006/time#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
"""
INIT_NS = {
    "kg": KG,
    "ex": Namespace("https://kgraph.kz/id/"),
    "org": ORG,
    "eli": ELI,
    "skos": SKOS,
    "xsd": Namespace("http://www.w3.org/2001/XMLSchema#"),
    "time": Namespace("http://www.w3.org/2006/time#"),
    "rdf": RDF,
}


def turtle(text: str) -> Graph:
    return Graph().parse(data=PREFIXES + text, format="turtle")


@pytest.fixture(scope="module")
def onto() -> Graph:
    return Graph().parse(ONTOLOGY, format="turtle")


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return Graph().parse(SHAPES, format="turtle")


# ---------------------------------------------------------------------------
# The terms the code uses through the closed KG namespace
# ---------------------------------------------------------------------------

REQUIRED = {
    OWL.Class: """
        StateBody Government Ministry Agency Committee LocalExecutiveBody
        PresidentialBody NationalBank Parliament NationalHolding NationalCompany
        JointStockCompany DevelopmentInstitution Council University
        ResearchOrganization Fund OtherOrganization CollectiveGroup
        LegalRole RoleTenure
        Law Code GovernmentDecree PresidentialDecree PresidentialAddress Order
        Concept Plan Strategy NationalPlan OtherAct
        Chapter Article Paragraph Item Section Annex Direction
        Mandate Competence Task Instruction MandateStatement Assignment
        Deadline Indicator IndicatorValue Initiative ScienceTerritory SupportMeasure
        Glossary GlossaryEntry DefinedTerm TermScheme
        SourceDocument SourceSpan UnresolvedMention OverlapFinding
    """,
    OWL.ObjectProperty: """
        member roleOf holder definedBy changeKind hasAssignment assignee
        assignmentRole recurrence instructionKind measureKind deadline inPlan
        inDirection hasIndicator hasValue grantedTo grantedBy providedBy
        rulesApprovedBy establishedBy approvedBy recipient mentions definedIn
        denotes inGlossary sourceSpan inSource sourceOf side baseOrganization
    """,
    OWL.DatatypeProperty: """
        abbreviation position byAgreement residual completionForm originalText
        fundingAmount fundingSource fundingText unit year value valueText
        baseline schedule startOffset endOffset quote mentionText score
        findingKind method reason validFrom validUntil expansion confidence
        resolutionMethod
    """,
    SKOS.ConceptScheme: "AssignmentRoles Recurrences InstructionKinds MeasureKinds ChangeKinds",
    SKOS.Concept: """
        LeadExecutor CoExecutor Annual SemiAnnual Quarterly Monthly Biennial
        Execute Report Control Approve OtherInstruction
        FinancialMeasure NonFinancialMeasure ServiceMeasure
        Renaming Merger Split Transfer Establishment Abolition
    """,
}
REQUIRED_TERMS = [(kind, name) for kind, names in REQUIRED.items() for name in names.split()]

# scheme -> {concept: notation}
CODE_LISTS = {
    "AssignmentRoles": {"LeadExecutor": "lead", "CoExecutor": "co-executor"},
    "Recurrences": {
        "Annual": "annual",
        "SemiAnnual": "semiannual",
        "Quarterly": "quarterly",
        "Monthly": "monthly",
        "Biennial": "biennial",
    },
    "InstructionKinds": {
        "Execute": "execute",
        "Report": "report",
        "Control": "control",
        "Approve": "approve",
        "OtherInstruction": "other",
    },
    "MeasureKinds": {
        "FinancialMeasure": "financial",
        "NonFinancialMeasure": "non-financial",
        "ServiceMeasure": "service",
    },
    "ChangeKinds": {
        "Renaming": None,
        "Merger": None,
        "Split": None,
        "Transfer": None,
        "Establishment": None,
        "Abolition": None,
    },
}

# (subclass, superclass) pairs the brief fixes, checked through rdfs:subClassOf*.
SUBCLASS_OF = [
    (KG.StateBody, ORG.FormalOrganization),
    (KG.Committee, KG.StateBody),
    (KG.Committee, ORG.OrganizationalUnit),
    (KG.NationalHolding, ORG.FormalOrganization),
    (KG.University, ORG.FormalOrganization),
    (KG.CollectiveGroup, URIRef("http://www.w3.org/ns/prov#Agent")),
    (KG.Ministry, URIRef("http://www.w3.org/ns/prov#Agent")),
    (KG.LegalRole, ORG.Post),
    (KG.UnresolvedMention, URIRef("http://www.w3.org/ns/prov#Agent")),
    (KG.PresidentialDecree, ELI.LegalResource),
    (KG.Plan, ELI.LegalResource),
    (KG.Item, ELI.LegalResourceSubdivision),
    (KG.Direction, ELI.LegalResourceSubdivision),
    (KG.Task, KG.Mandate),
    (KG.Deadline, URIRef("http://www.w3.org/2006/time#ProperInterval")),
    (KG.Glossary, SKOS.ConceptScheme),
    (KG.GlossaryEntry, SKOS.Concept),
    (KG.SourceSpan, URIRef("http://www.w3.org/ns/prov#Entity")),
]


def kg_terms(g: Graph) -> set[URIRef]:
    """Every kg: IRI declared in g as a class, property or named individual."""
    kinds = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty, OWL.NamedIndividual)
    return {s for k in kinds for s in g.subjects(RDF.type, k) if isinstance(s, URIRef) and s.startswith(str(KG))}


@pytest.mark.parametrize("kind,name", REQUIRED_TERMS, ids=[n for _, n in REQUIRED_TERMS])
def test_required_term_is_defined(onto, kind, name):
    assert (KG[name], RDF.type, kind) in onto


def test_ontology_header(onto):
    assert (ONTOLOGY_IRI, RDF.type, OWL.Ontology) in onto
    assert onto.value(ONTOLOGY_IRI, OWL.versionInfo) is not None
    titles = {t.language for t in onto.objects(ONTOLOGY_IRI, DCTERMS.title)}
    assert "en" in titles
    assert not list(onto.objects(ONTOLOGY_IRI, OWL.imports)), "no remote imports"


def test_every_kg_term_is_labelled_in_three_languages_and_defined_in_english(onto):
    terms = kg_terms(onto)
    assert len(terms) >= len(REQUIRED_TERMS)
    problems = []
    for t in sorted(terms):
        langs = [lbl.language for lbl in onto.objects(t, RDFS.label)]
        for lang in ("en", "ru", "kk"):
            if langs.count(lang) != 1:
                problems.append(f"{t.fragment}: {langs.count(lang)} rdfs:label@{lang}")
        defs = [
            d
            for d in onto.objects(t, SKOS.definition)
            if isinstance(d, Literal) and d.language == "en" and str(d).strip()
        ]
        if len(defs) != 1:
            problems.append(f"{t.fragment}: {len(defs)} English skos:definition")
    assert not problems, "\n".join(problems)


def test_every_kg_iri_used_is_declared(onto):
    """A typo such as rdfs:domain kg:Mandat would otherwise pass silently."""
    declared = kg_terms(onto)
    used = {n for triple in onto for n in triple if isinstance(n, URIRef) and n.startswith(str(KG))}
    assert used - declared == set()


def test_external_terms_used_in_axioms_are_declared(onto):
    """The ontology is self-contained: owlready2 and pySHACL see no unknown term."""
    builtin = (
        "http://www.w3.org/2002/07/owl#",
        "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
        "http://www.w3.org/2000/01/rdf-schema#",
        "http://www.w3.org/2001/XMLSchema#",
    )
    declared = {
        s
        for s, _, o in onto.triples((None, RDF.type, None))
        if o in (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty, OWL.NamedIndividual)
    }
    declared |= set(onto.subjects(RDF.type, SKOS.Concept))
    declared |= set(onto.subjects(RDF.type, SKOS.ConceptScheme))
    missing = set()
    for s, p, o in onto:
        for node in (s, p, o):
            if (
                isinstance(node, URIRef)
                and not str(node).startswith(builtin)
                and node != ONTOLOGY_IRI
                and node not in declared
            ):
                missing.add(node)
    assert missing == set()


@pytest.mark.parametrize("sub,sup", SUBCLASS_OF, ids=[f"{a.fragment}<{b.fragment}" for a, b in SUBCLASS_OF])
def test_reuses_standard_classes(onto, sub, sup):
    assert sup in set(onto.transitive_objects(sub, RDFS.subClassOf))


def test_inglossary_and_sourcespan_specialise_standard_properties(onto):
    assert (KG.inGlossary, RDFS.subPropertyOf, SKOS.inScheme) in onto
    assert (KG.sourceSpan, RDFS.subPropertyOf, URIRef("http://www.w3.org/ns/prov#wasDerivedFrom")) in onto


@pytest.mark.parametrize("scheme", CODE_LISTS)
def test_code_lists(onto, scheme):
    concepts = CODE_LISTS[scheme]
    assert (KG[scheme], RDF.type, SKOS.ConceptScheme) in onto
    in_scheme = set(onto.subjects(SKOS.inScheme, KG[scheme]))
    assert in_scheme == {KG[c] for c in concepts}
    for concept, notation in concepts.items():
        assert (KG[concept], RDF.type, SKOS.Concept) in onto
        if notation is not None:
            assert [str(n) for n in onto.objects(KG[concept], SKOS.notation)] == [notation]


# ---------------------------------------------------------------------------
# Sample data: conforms to the shapes and is consistent with the ontology
# ---------------------------------------------------------------------------

VALID_DATA = """
ex:mint a kg:Ministry ;
    skos:prefLabel "Ministry of Industry and New Technologies"@en ,
        "Министерство индустрии и новых технологий"@ru ;
    skos:altLabel "МИНТ"@ru ;
    kg:abbreviation "МИНТ"@ru .
ex:mir a kg:Ministry ; skos:prefLabel "Ministry for Investments and Development"@en .
ex:science-committee a kg:Committee ; skos:prefLabel "Science Committee"@en ;
    org:unitOf ex:mir .
ex:ap a kg:PresidentialBody ; skos:prefLabel "Administration of the President"@en .
ex:nb a kg:NationalBank ; skos:prefLabel "National Bank"@en .
ex:alatau a kg:OtherOrganization ; skos:prefLabel "Alatau Innovation Technology Park"@en .
ex:state-bodies a kg:CollectiveGroup ; kg:member ex:mint , ex:mir .
ex:mention1 a kg:UnresolvedMention ; kg:mentionText "заинтересованные организации"@ru ;
    kg:reason "no registry entry" .

ex:role-auth a kg:LegalRole ; kg:definedBy ex:law-art1 ; org:heldBy ex:mir .
ex:tenure1 a kg:RoleTenure ; kg:roleOf ex:role-auth ; kg:holder ex:mint ;
    kg:validFrom "2012-01-09"^^xsd:date ; kg:validUntil "2014-08-06"^^xsd:date .
ex:tenure2 a kg:RoleTenure ; kg:roleOf ex:role-auth ; kg:holder ex:state-bodies .

ex:change1 a org:ChangeEvent ; kg:changeKind kg:Renaming ;
    org:originalOrganization ex:mint ; org:resultingOrganization ex:mir .
ex:change2 a org:ChangeEvent ; kg:changeKind kg:Establishment ;
    org:resultingOrganization ex:science-committee .

ex:law a kg:Law ; rdfs:label "Заң 2012-01-09 № 534-IV"@kk ; eli:number "534-IV" ;
    eli:date_document "2012-01-09"^^xsd:date ;
    eli:title "Индустриялық-инновациялық қызметті мемлекеттік қолдау туралы"@kk .
ex:law-art1 a kg:Article ; eli:is_part_of ex:law ; eli:number "1" .
ex:law-art1-p1 a kg:Paragraph ; eli:is_part_of ex:law-art1 ; eli:number "1" .
ex:law-art1-p1-i1 a kg:Item ; eli:is_part_of ex:law-art1-p1 ; eli:number "1-1" .
ex:term1 a kg:DefinedTerm ; kg:definedIn ex:law-art1-p1-i1 ;
    skos:prefLabel "индустриялық-инновациялық қызмет"@kk .
ex:comp1 a kg:Competence ; kg:grantedTo ex:role-auth ; kg:grantedBy ex:law-art1-p1-i1 ;
    kg:residual false ; kg:sourceSpan ex:span2 .
ex:measure1 a kg:SupportMeasure ; kg:measureKind kg:FinancialMeasure ;
    kg:providedBy ex:role-auth ; kg:rulesApprovedBy ex:role-auth ;
    kg:establishedBy ex:law-art1 .

ex:decree a kg:GovernmentDecree ; rdfs:label "Постановление Правительства № 1331"@ru ; eli:number "1331" .
ex:plan a kg:Plan ; rdfs:label "План мероприятий"@ru ; kg:approvedBy ex:decree ; kg:hasIndicator ex:ind1 .
ex:plan-annex a kg:Annex ; eli:is_part_of ex:decree .
ex:plan-dir1 a kg:Direction ; eli:is_part_of ex:plan ; eli:number "1" .
ex:ind1 a kg:Indicator ; kg:unit "%" ; kg:baseline "5,2"@ru ; kg:hasValue ex:ind1-2015 .
ex:ind1-2015 a kg:IndicatorValue ; kg:year 2015 ; kg:value 10.5 ;
    kg:valueText "не менее 10,5"@ru .

ex:doc1 a kg:SourceDocument ; dcterms:language "ru" ; kg:sourceOf ex:decree , ex:plan .
ex:doc2 a kg:SourceDocument ; dcterms:language "kk" ; kg:sourceOf ex:law .
ex:span1 a kg:SourceSpan ; kg:inSource ex:doc1 ; kg:startOffset 100 ; kg:endOffset 180 ;
    kg:quote "Разработать предложения по ..."@ru .
ex:span2 a kg:SourceSpan ; kg:inSource ex:doc2 ; kg:startOffset 40 ; kg:endOffset 40 ;
    kg:quote "" .

ex:task1 a kg:Task ; eli:number "1" ; kg:inPlan ex:plan ; kg:inDirection ex:plan-dir1 ;
    kg:completionForm "Информация в АП"@ru ; kg:recipient ex:ap ;
    kg:deadline ex:task1-deadline ; kg:recurrence kg:Annual ;
    kg:fundingAmount 120.5 ; kg:fundingSource "РБ"@ru ; kg:fundingText "120,5 РБ"@ru ;
    kg:sourceSpan ex:span1 ; kg:mentions ex:mint ;
    kg:hasAssignment ex:task1-a0 , ex:task1-a1 , ex:task1-a2 , ex:task1-a3 .
ex:task1-a0 a kg:Assignment ; kg:assignee ex:mint ; kg:assignmentRole kg:LeadExecutor ;
    kg:position 0 ; kg:byAgreement false .
ex:task1-a1 a kg:Assignment ; kg:assignee ex:nb ; kg:assignmentRole kg:CoExecutor ;
    kg:position 1 ; kg:byAgreement true .
ex:task1-a2 a kg:Assignment ; kg:assignee ex:mention1 ; kg:assignmentRole kg:CoExecutor ;
    kg:position 2 ; kg:byAgreement false .
ex:task1-a3 a kg:Assignment ; kg:assignee ex:role-auth ; kg:assignmentRole kg:CoExecutor ;
    kg:position 3 ; kg:byAgreement false .
ex:task1-deadline a kg:Deadline ; kg:originalText "Ежегодно, март"@ru ;
    time:hasBeginning ex:task1-start ; time:hasEnd ex:task1-end .
ex:task1-start a time:Instant ; time:inXSDDate "2014-03-01"^^xsd:date .
ex:task1-end a time:Instant ; time:inXSDDate "2016-03-31"^^xsd:date .
ex:task2 a kg:Task ; eli:number "2" ; kg:inPlan ex:plan ; kg:sourceSpan ex:span1 .

ex:instr1 a kg:Instruction ; kg:instructionKind kg:Report ; kg:recipient ex:ap ;
    kg:schedule "ежегодно к 25 января"@ru ; kg:hasAssignment ex:instr1-a0 .
ex:instr1-a0 a kg:Assignment ; kg:assignee ex:state-bodies ;
    kg:assignmentRole kg:LeadExecutor ; kg:position 0 ; kg:byAgreement false .

ex:glossary1 a kg:Glossary .
ex:g-mint a kg:GlossaryEntry ; kg:inGlossary ex:glossary1 ; skos:prefLabel "МИНТ"@ru ;
    kg:abbreviation "МИНТ"@ru ;
    kg:expansion "Министерство индустрии и новых технологий"@ru ; kg:denotes ex:mint ;
    kg:confidence 1 ; kg:resolutionMethod "glossary" .

ex:territory1 a kg:ScienceTerritory ; kg:baseOrganization ex:alatau .
ex:finding1 a kg:OverlapFinding ; kg:side ex:comp1 , ex:task1 ; kg:score 0.82 ;
    kg:findingKind "duplicate" ; kg:method "tfidf" ; kg:reason "similar wording"@en .
"""


def validate(data: Graph, shapes: Graph, **kwargs):
    import pyshacl

    conforms, report, text = pyshacl.validate(data, shacl_graph=shapes, **kwargs)
    messages = {str(m) for m in report.objects(None, SH.resultMessage)}
    return conforms, messages, text


# ---------------------------------------------------------------------------
# Reasoning (owlready2 + HermiT)
# ---------------------------------------------------------------------------


def reason(tmp_path: Path, *graphs: Graph):
    """Load the graphs into a fresh owlready2 World and run HermiT on them.

    Returns the World (caller closes it). owlready2 reads N-Triples, so the
    Turtle is converted with rdflib first. xsd:date is outside the OWL 2
    datatype map, hence ignore_unsupported_datatypes.
    """
    import owlready2

    merged = Graph()
    for g in graphs:
        merged += g
    path = tmp_path / "kb.nt"
    merged.serialize(path, format="nt", encoding="utf-8")
    world = owlready2.World()
    try:
        world.get_ontology(path.as_uri()).load()
        owlready2.sync_reasoner(world, debug=0, ignore_unsupported_datatypes=True)
    except BaseException:
        world.close()
        raise
    return world


def unsatisfiable(world) -> list[str]:
    """IRIs of the named classes HermiT inferred equivalent to owl:Nothing."""
    return sorted(c.iri for c in world.inconsistent_classes() if c.iri != "http://www.w3.org/2002/07/owl#Nothing")


@pytest.fixture
def require_java():
    if shutil.which("java") is None:
        pytest.skip("Java not found: owlready2's reasoner needs a JVM")


@pytest.mark.timeout(60)
def test_hermit_finds_ontology_consistent(require_java, onto, tmp_path):
    world = reason(tmp_path, onto)
    try:
        assert unsatisfiable(world) == []
        # owlready2 really loaded the ontology (not an empty graph)
        assert world[str(KG.Ministry)] is not None
        assert len(list(world.classes())) >= len(REQUIRED[OWL.Class].split())
    finally:
        world.close()


@pytest.mark.timeout(60)
def test_hermit_finds_sample_data_consistent(require_java, onto, tmp_path):
    world = reason(tmp_path, onto, turtle(VALID_DATA))
    try:
        assert unsatisfiable(world) == []
    finally:
        world.close()


@pytest.mark.timeout(60)
def test_hermit_accepts_a_task_that_is_also_a_subdivision(require_java, onto, tmp_path):
    """Mandates are deliberately not disjoint with acts (a plan row may be both)."""
    world = reason(tmp_path, onto, turtle("ex:row a kg:Task , kg:Item ; eli:is_part_of ex:plan ."))
    try:
        assert unsatisfiable(world) == []
    finally:
        world.close()


@pytest.mark.timeout(60)
def test_hermit_reports_unsatisfiable_class(require_java, onto, tmp_path):
    """The consistency check is not vacuous: a class under two disjoint classes is caught."""
    extra = turtle("""
        ex:TaskingBody a owl:Class ; rdfs:subClassOf kg:Task , kg:Ministry .
    """)
    world = reason(tmp_path, onto, extra)
    try:
        assert unsatisfiable(world) == ["https://kgraph.kz/id/TaskingBody"]
    finally:
        world.close()


@pytest.mark.timeout(60)
@pytest.mark.parametrize(
    "data",
    [
        pytest.param("ex:x a kg:Task , kg:Ministry .", id="task-is-not-an-organization"),
        pytest.param("ex:x a kg:Task , kg:Competence .", id="task-is-not-a-competence"),
        pytest.param("ex:x a kg:Law , kg:Ministry .", id="act-is-not-an-organization"),
        pytest.param("ex:x a kg:SourceSpan , kg:Deadline .", id="span-is-not-a-deadline"),
        pytest.param('ex:x a kg:Task ; kg:fundingAmount "120.5"^^xsd:double .', id="float-funding"),
        pytest.param('ex:x a kg:Assignment ; kg:position "1" .', id="string-position"),
    ],
)
def test_hermit_rejects_data_that_breaks_the_axioms(require_java, onto, tmp_path, data):
    import owlready2

    with pytest.raises(owlready2.OwlReadyInconsistentOntologyError):
        reason(tmp_path, onto, turtle(data)).close()


PROFILE_CHECKER = """
import org.semanticweb.owlapi.apibinding.OWLManager;
import org.semanticweb.owlapi.model.*;
import org.semanticweb.owlapi.profiles.*;
import java.io.File;
public class DLProfile {
  public static void main(String[] args) throws Exception {
    OWLOntologyManager m = OWLManager.createOWLOntologyManager();
    OWLOntology o = m.loadOntologyFromOntologyDocument(new File(args[0]));
    OWLProfileReport r = new OWL2DLProfile().checkOntology(o);
    for (OWLProfileViolation v : r.getViolations()) System.out.println(v);
    System.exit(r.isInProfile() ? 0 : 3);
  }
}
"""


@pytest.mark.timeout(60)
def test_ontology_is_in_owl2_dl_profile(require_java, onto, tmp_path):
    """Uses the OWL API bundled in owlready2's HermiT.jar."""
    import owlready2

    jar = Path(owlready2.__file__).parent / "hermit" / "HermiT.jar"
    if shutil.which("javac") is None or not jar.exists():
        pytest.skip("javac or owlready2's HermiT.jar not found")
    (tmp_path / "DLProfile.java").write_text(PROFILE_CHECKER)
    subprocess.run(["javac", "-cp", str(jar), "DLProfile.java"], cwd=tmp_path, check=True, capture_output=True)
    owl_file = tmp_path / "kgraph.owl"
    onto.serialize(owl_file, format="xml")
    run = subprocess.run(
        ["java", "-cp", f"{jar}:{tmp_path}", "DLProfile", str(owl_file)], cwd=tmp_path, capture_output=True, text=True
    )
    assert run.returncode == 0, run.stdout + run.stderr


# ---------------------------------------------------------------------------
# SHACL shapes
# ---------------------------------------------------------------------------


def test_shapes_are_valid_shacl(shapes):
    conforms, _, text = validate(Graph(), shapes, meta_shacl=True)
    assert conforms, text


def test_meta_shacl_check_is_not_vacuous():
    import pyshacl
    from pyshacl.errors import ReportableRuntimeError

    broken = Graph().parse(
        data="""
        @prefix sh: <http://www.w3.org/ns/shacl#> .
        @prefix kg: <https://kgraph.kz/ontology#> .
        kg:BadShape a sh:NodeShape ; sh:targetClass kg:Task ;
            sh:property [ sh:path kg:deadline ; sh:maxCount "one" ] .
    """,
        format="turtle",
    )
    with pytest.raises(ReportableRuntimeError):
        pyshacl.validate(Graph(), shacl_graph=broken, meta_shacl=True)


def test_every_kg_term_in_shapes_is_defined_in_ontology(onto, shapes):
    used = {n for triple in shapes for n in triple if isinstance(n, URIRef) and n.startswith(str(KG))}
    assert used - kg_terms(onto) == set()


@pytest.mark.parametrize(
    "shape,root",
    [
        ("OrganizationShape", ORG.FormalOrganization),
        ("SubdivisionShape", ELI.LegalResourceSubdivision),
    ],
)
def test_shape_targets_list_every_subclass(onto, shapes, shape, root):
    """Shapes name subclasses explicitly so they work without RDFS inference."""
    targets = set(shapes.objects(URIRef("https://kgraph.kz/shapes#" + shape), SH.targetClass))
    subclasses = set(onto.transitive_subjects(RDFS.subClassOf, root))
    assert targets == subclasses


def test_act_shape_targets_every_act_class(onto, shapes):
    """Every class of acts (eli:LegalResource but not a subdivision) is a target of the act shape."""
    targets = set(shapes.objects(URIRef("https://kgraph.kz/shapes#ActShape"), SH.targetClass))
    acts = set(onto.transitive_subjects(RDFS.subClassOf, ELI.LegalResource))
    parts = set(onto.transitive_subjects(RDFS.subClassOf, ELI.LegalResourceSubdivision))
    assert targets == acts - parts - {ELI.LegalResource}


def test_sample_data_conforms(shapes):
    conforms, _messages, text = validate(turtle(VALID_DATA), shapes)
    assert conforms, text


@pytest.mark.timeout(60)
def test_sample_data_conforms_with_ontology_and_rdfs_inference(onto, shapes):
    """Domain/range inference must not turn correct data into violations.

    Also guards against a pySHACL pitfall: it deep-copies the ontology's named
    individuals when mixing the ontology in, and a cycle between them (e.g.
    skos:hasTopConcept next to skos:topConceptOf) made this take minutes.
    """
    conforms, _messages, text = validate(turtle(VALID_DATA), shapes, ont_graph=onto, inference="rdfs")
    assert conforms, text


def test_tiny_nonconforming_graph(shapes):
    data = turtle("""
        ex:a a kg:Assignment ; kg:assignmentRole kg:LeadExecutor ;
            kg:position 0 ; kg:byAgreement false .
        ex:s a kg:SourceSpan ; kg:inSource ex:doc ; kg:startOffset 20 ; kg:endOffset 10 ;
            kg:quote "x" .
    """)
    conforms, messages, _ = validate(data, shapes)
    assert not conforms
    assert messages == {
        "An assignment must have exactly one kg:assignee, an IRI.",
        "A source span's kg:startOffset must not be greater than its kg:endOffset.",
    }


# Each case edits the valid sample with SPARQL Update; the report must contain
# exactly the expected messages.
BROKEN = {
    "act-without-label": (
        "DELETE WHERE { ex:law rdfs:label ?l }",
        {"An act must have at least one rdfs:label (its title, or its kind, date and number)."},
    ),
    "assignment-without-assignee": (
        "DELETE WHERE { ex:task1-a1 kg:assignee ?x }",
        {"An assignment must have exactly one kg:assignee, an IRI."},
    ),
    "assignment-with-two-assignees": (
        "INSERT DATA { ex:task1-a1 kg:assignee ex:mir }",
        {"An assignment must have exactly one kg:assignee, an IRI."},
    ),
    "assignee-is-a-literal": (
        'DELETE WHERE { ex:task1-a1 kg:assignee ?x } ; INSERT DATA { ex:task1-a1 kg:assignee "НБ" }',
        {"An assignment must have exactly one kg:assignee, an IRI."},
    ),
    "assignment-role-outside-list": (
        "DELETE WHERE { ex:task1-a1 kg:assignmentRole ?r } ; INSERT DATA { ex:task1-a1 kg:assignmentRole kg:Annual }",
        {"An assignment must have exactly one kg:assignmentRole, either kg:LeadExecutor or kg:CoExecutor."},
    ),
    "two-lead-executors": (
        "DELETE WHERE { ex:task1-a1 kg:assignmentRole ?r } ; INSERT DATA { ex:task1-a1 kg:assignmentRole kg:LeadExecutor }",
        {"A plan task may have at most one lead executor (the first party listed)."},
    ),
    "negative-position": (
        "DELETE WHERE { ex:task1-a1 kg:position ?p } ; INSERT DATA { ex:task1-a1 kg:position -1 }",
        {"An assignment must have exactly one kg:position, an xsd:integer >= 0."},
    ),
    "position-as-string": (
        'DELETE WHERE { ex:task1-a1 kg:position ?p } ; INSERT DATA { ex:task1-a1 kg:position "1" }',
        {
            "An assignment must have exactly one kg:position, an xsd:integer >= 0.",
            "kg:position must be an xsd:integer.",
        },
    ),
    "by-agreement-as-string": (
        'DELETE WHERE { ex:task1-a1 kg:byAgreement ?b } ; INSERT DATA { ex:task1-a1 kg:byAgreement "true" }',
        {"An assignment must have exactly one kg:byAgreement, an xsd:boolean."},
    ),
    # a task printed without a number (the last row of decision 7-223) has none: no violation
    "task-with-two-numbers": (
        'INSERT DATA { ex:task1 eli:number "1.1" }',
        {
            "A plan task may have at most one eli:number (its printed row number; none when the row prints none), "
            "given as a literal."
        },
    ),
    "task-without-span": (
        "DELETE WHERE { ex:task2 kg:sourceSpan ?s }",
        {"A plan task must have at least one kg:sourceSpan, each a kg:SourceSpan."},
    ),
    "task-with-two-deadlines": (
        'INSERT DATA { ex:task1 kg:deadline ex:d2 . ex:d2 a kg:Deadline ; kg:originalText "2015" }',
        {"A plan task may have at most one kg:deadline, and it must be a kg:Deadline."},
    ),
    "untyped-deadline": (
        "DELETE WHERE { ex:task1-deadline a kg:Deadline }",
        {"A plan task may have at most one kg:deadline, and it must be a kg:Deadline."},
    ),
    "deadline-without-original-text": (
        "DELETE WHERE { ex:task1-deadline kg:originalText ?t }",
        {
            "A deadline must have a kg:originalText (the deadline as printed), at most one per language (the texts of one redaction share the deadline)."
        },
    ),
    "span-start-after-end": (
        "DELETE WHERE { ex:span1 kg:startOffset ?s } ; INSERT DATA { ex:span1 kg:startOffset 500 }",
        {"A source span's kg:startOffset must not be greater than its kg:endOffset."},
    ),
    "span-without-source": (
        "DELETE WHERE { ex:span1 kg:inSource ?d }",
        {"A source span must have exactly one kg:inSource, an IRI."},
    ),
    "span-without-quote": (
        "DELETE WHERE { ex:span1 kg:quote ?q }",
        {"A source span must have exactly one kg:quote (the text it covers)."},
    ),
    "span-offset-as-string": (
        'DELETE WHERE { ex:span2 kg:endOffset ?e } ; INSERT DATA { ex:span2 kg:endOffset "40" }',
        {
            "A source span must have exactly one kg:endOffset, an xsd:integer >= 0.",
            "A source span's kg:startOffset must not be greater than its kg:endOffset.",
            "kg:endOffset must be an xsd:integer.",
        },
    ),
    "organization-without-label": (
        "INSERT DATA { ex:new-ministry a kg:Ministry }",
        {"An organization must have at least one skos:prefLabel."},
    ),
    "committee-without-label": (
        "DELETE WHERE { ex:science-committee skos:prefLabel ?l }",
        {"An organization must have at least one skos:prefLabel."},
    ),
    "untagged-label": (
        'INSERT DATA { ex:mir skos:prefLabel "MIR" }',
        {"skos:prefLabel values must be language-tagged, with at most one per language."},
    ),
    "two-labels-in-one-language": (
        'INSERT DATA { ex:mir skos:prefLabel "Investment ministry"@en }',
        {"skos:prefLabel values must be language-tagged, with at most one per language."},
    ),
    "competence-without-granting-item": (
        "DELETE WHERE { ex:comp1 kg:grantedBy ?i }",
        {"A competence must have exactly one kg:grantedBy (the subdivision of the act that grants it), an IRI."},
    ),
    "competence-granted-to-two": (
        "INSERT DATA { ex:comp1 kg:grantedTo ex:mint }",
        {"A competence must have exactly one kg:grantedTo (the role or body it is granted to), an IRI."},
    ),
    "competence-without-span": (
        "DELETE WHERE { ex:comp1 kg:sourceSpan ?s }",
        {"A competence must have at least one kg:sourceSpan, each a kg:SourceSpan."},
    ),
    "indicator-value-without-year": (
        "DELETE WHERE { ex:ind1-2015 kg:year ?y }",
        {"An indicator value must have exactly one kg:year, an xsd:integer."},
    ),
    "renaming-without-result": (
        "DELETE WHERE { ex:change1 org:resultingOrganization ?o }",
        {"A change event must have at least one org:resultingOrganization (unless it is a kg:Abolition)."},
    ),
    "renaming-without-original": (
        "DELETE WHERE { ex:change1 org:originalOrganization ?o }",
        {"A change event must have at least one org:originalOrganization (unless it is a kg:Establishment)."},
    ),
    "establishment-without-result": (
        "DELETE WHERE { ex:change2 org:resultingOrganization ?o }",
        {"A change event must have at least one org:resultingOrganization (unless it is a kg:Abolition)."},
    ),
    "change-kind-outside-scheme": (
        "DELETE WHERE { ex:change1 kg:changeKind ?k } ; INSERT DATA { ex:change1 kg:changeKind kg:Annual }",
        {"The kg:changeKind of a change event must be a concept of kg:ChangeKinds."},
    ),
    "article-without-parent": (
        "DELETE WHERE { ex:law-art1 eli:is_part_of ?p }",
        {"A subdivision of an act must have exactly one eli:is_part_of, an IRI."},
    ),
    "direction-with-two-parents": (
        "INSERT DATA { ex:plan-dir1 eli:is_part_of ex:decree }",
        {"A subdivision of an act must have exactly one eli:is_part_of, an IRI."},
    ),
    "float-funding": (
        "DELETE WHERE { ex:task1 kg:fundingAmount ?a } ; INSERT DATA { ex:task1 kg:fundingAmount 120.5e0 }",
        {"kg:fundingAmount must be an xsd:decimal or xsd:integer (write Python Decimal, not float)."},
    ),
    "float-score": (
        "DELETE WHERE { ex:finding1 kg:score ?s } ; INSERT DATA { ex:finding1 kg:score 0.82e0 }",
        {"kg:score must be an xsd:decimal or xsd:integer (write Python Decimal, not float)."},
    ),
    "tenure-ends-before-it-starts": (
        'DELETE WHERE { ex:tenure1 kg:validFrom ?d } ; INSERT DATA { ex:tenure1 kg:validFrom "2015-01-01"^^xsd:date }',
        {"A role tenure may have at most one kg:validFrom, not later than its kg:validUntil."},
    ),
    "tenure-date-as-string": (
        'DELETE WHERE { ex:tenure1 kg:validUntil ?d } ; INSERT DATA { ex:tenure1 kg:validUntil "2014-08-06" }',
        {
            "A role tenure may have at most one kg:validFrom, not later than its kg:validUntil.",
            "kg:validUntil must be an xsd:date.",
        },
    ),
    "tenure-without-holder": (
        "DELETE WHERE { ex:tenure2 kg:holder ?h }",
        {"A role tenure must have exactly one kg:holder, an IRI."},
    ),
    "finding-with-one-side": (
        "DELETE WHERE { ex:finding1 kg:side ex:task1 }",
        {"An overlap finding must have exactly two kg:side values (the two mandates compared)."},
    ),
}


@pytest.mark.parametrize("case", BROKEN)
def test_broken_data_is_reported(shapes, case):
    update, expected = BROKEN[case]
    data = turtle(VALID_DATA)
    data.update(update, initNs=INIT_NS)
    assert set(data) != set(turtle(VALID_DATA)), "the update changed nothing"
    conforms, messages, text = validate(data, shapes)
    assert not conforms
    assert messages == expected, text


def test_every_external_term_declared_has_a_label_in_three_languages():
    """The explorer names classes and properties by their labels (ontology/labels.ttl for the
    external ones): none is shown in English in the ru or kk interface."""
    from kgraph.vocab import ontology_graph

    g = ontology_graph()
    kinds = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty)
    problems = []
    for k in kinds:
        for t in g.subjects(RDF.type, k):
            if isinstance(t, URIRef) and not t.startswith(str(KG)):
                langs = sorted(lbl.language for lbl in g.objects(t, RDFS.label))
                if langs != ["en", "kk", "ru"]:
                    problems.append(f"{t}: {langs}")
    assert not problems, "\n".join(problems)
