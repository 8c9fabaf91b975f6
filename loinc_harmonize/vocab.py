"""Vocabularies kept as data in ``playbook_data/``: modalities, the region hierarchy, lexicons.

Nothing here is a list of domain words in code: every word comes from a TSV file with an id.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from loinc_harmonize.exceptions import PlaybookFormatError, located


def data_dir() -> Path:
    """The folder holding the bundled data (installed package or source checkout)."""
    try:
        path = Path(str(resources.files("loinc_harmonize.playbook_data")))
        if (path / "regions.tsv").is_file():
            return path
    except ModuleNotFoundError:
        pass
    return Path(__file__).resolve().parent.parent / "playbook_data"


def read_tsv(path: Path, required: tuple[str, ...]) -> list[dict[str, str]]:
    """Read a TSV data file, checking its required columns; rows keep their file order."""
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle, delimiter="\t")
        missing = [c for c in required if c not in (reader.fieldnames or [])]
        if missing:
            raise PlaybookFormatError(located(path, f"missing columns {missing}", row=1))
        return [{k: (v or "").strip() for k, v in row.items() if k} for row in reader]


@dataclass(frozen=True)
class Vocabulary:
    """Modalities and the region hierarchy, read from ``playbook_data``."""

    modality_types: dict[str, str]
    modality_subtypes: dict[str, str]
    dicom_modalities: dict[str, tuple[str, ...]]
    region_parent: dict[str, str]
    region_order: dict[str, int]
    #: The foci that are all of a region's vessels (``Head vessels``), which an angiogram of the
    #: region images; its veins or arteries alone (``Head veins``) must be said.
    vessels: frozenset[str] = frozenset()
    dicom_subtypes: dict[str, str] = field(default_factory=dict)
    #: Types a DICOM Modality allows only when the text names them: a CR or DX tag may carry
    #: a fluoroscopic study's images ("FL UPPER GI" stored as CR).
    dicom_if_named: dict[str, tuple[str, ...]] = field(default_factory=dict)
    folder: Path = field(default_factory=data_dir)
    #: Focus names LOINC spells two ways (``Toes`` and ``Toe``), to the one compared.
    focus_same_as: dict[str, str] = field(default_factory=dict)
    #: Foci that are part of others their names do not show (``Aorta.abdominal`` is one of the
    #: ``Abdominal vessels``; the lumbar epidural space is of the lumbar spine and of the
    #: spine's epidural space).
    focus_within: dict[str, tuple[str, ...]] = field(default_factory=dict)
    #: Guided actions LOINC names two ways (``Change`` and ``Replacement`` of a catheter are
    #: its ``Exchange``), to the one compared.
    action_same_as: dict[str, str] = field(default_factory=dict)
    #: ``broader_foci`` of each focus asked about (a cache: every focus meets many codes).
    _broader: dict[str, frozenset[str]] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )

    def is_region(self, name: str) -> bool:
        """True for a top-level region (Chest, Lower extremity, Whole body, ...)."""
        return name in self.region_order

    def region_of(self, focus: str) -> str | None:
        """The top-level region that contains ``focus`` (``Spine.lumbar`` -> Abdomen)."""
        parent = self.region_parent.get(focus)
        if parent is None and "." in focus:
            parent = self.region_parent.get(focus.split(".")[0])
        return parent or None

    def broader_foci(self, focus: str) -> frozenset[str]:
        """The foci ``focus`` is part of: what its dotted name says (``Spine`` of
        ``Spine.lumbar``), what the region table says (``Abdominal vessels`` of
        ``Aorta.abdominal``), and theirs in turn."""
        known = self._broader.get(focus)
        if known is None:
            known = self._broader[focus] = frozenset(self._walk_broader(focus))
        return known

    def _walk_broader(self, focus: str) -> set[str]:
        broader: set[str] = set()
        todo = [focus]
        while todo:
            name = todo.pop()
            parents = [name.rsplit(".", 1)[0]] if "." in name else []
            parents += self.focus_within.get(name, ())
            todo += [p for p in parents if p not in broader]
            broader.update(parents)
        return broader

    def modality_alias(self, token: str) -> str | None:
        """Canonical modality type for a METHOD_TYP head (``MRI`` -> MR); None if unknown."""
        return self.modality_types.get(token) or self.modality_types.get(token.upper())

    def modality_subtype(self, token: str) -> str:
        """Canonical modality subtype (``angio`` -> Angio)."""
        return self.modality_subtypes.get(token.lower(), token[:1].upper() + token[1:])

    def compatible_types(self, dicom: str) -> tuple[str, ...]:
        """Playbook modality types compatible with one DICOM Modality value."""
        return self.dicom_modalities.get(dicom.upper(), ())


def load_vocabulary(folder: Path | None = None) -> Vocabulary:
    """Read the modality and region tables from ``folder`` (default: the bundled data)."""
    root = folder or data_dir()
    mod_rows = read_tsv(root / "modalities.tsv", ("id", "kind", "token", "value"))
    types = {r["token"]: r["value"] for r in mod_rows if r["kind"] == "type"}
    subtypes = {r["token"].lower(): r["value"] for r in mod_rows if r["kind"] == "subtype"}
    dicom = {r["token"]: tuple(r["value"].split()) for r in mod_rows if r["kind"] == "dicom"}
    region_rows = read_tsv(root / "regions.tsv", ("id", "name", "parent", "order", "vascular"))
    parent = {r["name"]: r["parent"] for r in region_rows if r["parent"]}
    order = {r["name"]: int(r["order"]) for r in region_rows if r["order"]}
    vessels = frozenset(r["name"] for r in region_rows if r["vascular"] == "yes")
    dicom_subtypes = {r["token"]: r["value"] for r in mod_rows if r["kind"] == "dicom_subtype"}
    if_named = {
        r["token"]: tuple(r["value"].split()) for r in mod_rows if r["kind"] == "dicom_if_named"
    }
    same_as = {r["name"]: r["same_as"] for r in region_rows if r.get("same_as")}
    within = {r["name"]: tuple(r["within"].split("|")) for r in region_rows if r.get("within")}
    action_rows = read_tsv(root / "guidance_actions.tsv", ("id", "name", "same_as"))
    actions = {r["name"]: r["same_as"] for r in action_rows}
    return Vocabulary(
        modality_types=types,
        modality_subtypes=subtypes,
        dicom_modalities=dicom,
        region_parent=parent,
        region_order=order,
        vessels=vessels,
        dicom_subtypes=dicom_subtypes,
        dicom_if_named=if_named,
        folder=root,
        focus_same_as=same_as,
        focus_within=within,
        action_same_as=actions,
    )
