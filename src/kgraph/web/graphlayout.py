"""Positions for the graph view, computed on the server: stable, and labels that do not overlap.

Each node is a box (its shape and its wrapped label, `box_size`, as vis-network draws them). The layout is
deterministic, so a view given by its URL is drawn the same way every time:

* `radial(center, parent, boxes)`: a radial tree around the centre: every node on the ring of
  its distance, inside the angular sector of its parent, sectors sized by the room their
  subtrees need; rings far enough apart that boxes of consecutive rings clear each other;
* `place_around(anchor, new, positions, boxes)`: nodes added by expanding `anchor` on an arc
  around it, facing away from the centre, every earlier node staying where it was;
* `separate(positions, boxes, fixed)`: each box, in order, at its wished place or the nearest
  free one outward (the fixed boxes first, where they are), so that none overlaps another.

Past `SEPARATE_MAX` nodes the overlap removal is skipped (its cost grows with the square of the
nodes): such views show labels on hover only.
"""

from __future__ import annotations

import math

import numpy as np

CHAR_W = 7.6  # width of a label character at 13 px, bold when selected (Cyrillic included)
FONT, FONT_BIG = 13.0, 16.0  # label font sizes (px); vis-network's line height is the font size
WRAP = 22  # characters per label line (vis-network's widthConstraint wraps at words)
MAX_LINES = 3
GAP = 14.0  # room kept between boxes
SIZE, SIZE_BIG = 10.0, 16.0  # radius of a shape drawn above its label (vis-network's `size`)
MARGIN = 5.0  # vis-network's margin around a label drawn inside its shape
INSIDE = {"box", "ellipse", "circle", "database", "text"}  # shapes that hold their label
SEPARATE_MAX = 400
RING = 230.0  # radius of the first ring (and the least step between rings)


def wrap(label: str, width: int = WRAP, lines: int = MAX_LINES) -> str:
    """The label cut to `lines` lines of about `width` characters (at word boundaries)."""
    words, out, line = label.split(), [], ""
    for w in words:
        if line and len(line) + 1 + len(w) > width:
            out.append(line)
            line = w
            if len(out) == lines:
                break
        else:
            line = f"{line} {w}".strip()
    else:
        if line:
            out.append(line)
        return "\n".join(out)
    out[-1] = out[-1][: max(1, width - 1)].rstrip() + "…"
    return "\n".join(out[:lines])


def _text(label: str, big: bool) -> tuple[float, float]:
    lines = label.split("\n") if label else []
    font = FONT_BIG if big else FONT
    width = max((len(x) for x in lines), default=0) * CHAR_W * font / FONT
    return width, len(lines) * font


def box_size(label: str, big: bool = False, shape: str = "dot") -> tuple[float, float]:
    """Width and height of a node as vis-network draws it: a label inside its shape (`INSIDE`:
    a box with margins, an ellipse as wide as the text plus its height and twice as tall, a
    database drum as tall as it is wide), or a shape of radius `SIZE` with the label under it."""
    tw, th = _text(label, big)
    if shape == "text":
        return tw, th
    if shape == "box":
        return tw + 2 * MARGIN, th + 2 * MARGIN
    if shape == "ellipse":
        return max(tw + th, 2 * th), 2 * th
    if shape in INSIDE:  # circle, database: as wide as tall
        side = max(tw, th) + 2 * MARGIN
        return side, side
    radius = SIZE_BIG if big else SIZE
    return max(2 * radius, tw), 2 * radius + th


def shape_offset(label: str, big: bool = False, shape: str = "dot") -> float:
    """How far below the box's centre the node itself is drawn: a shape with its label under it
    sits at the top of its box (vis-network places a node by its shape's centre)."""
    if shape in INSIDE:
        return 0.0
    return -_text(label, big)[1] / 2


def radial(
    center: str, parent: dict[str, str], boxes: dict[str, tuple[float, float]]
) -> dict[str, tuple[float, float]]:
    """A radial tree (see the module docstring); `parent` maps every other node to its parent
    one step nearer the centre; children are placed in the order of `boxes`. A generation too
    wide for one ring of a readable radius is laid on several concentric rings, neighbours in
    angle alternating between them."""
    children: dict[str, list[str]] = {}
    for n in boxes:
        if n != center and n in parent:
            children.setdefault(parent[n], []).append(n)
    depth = {center: 0}
    order = [center]
    for n in order:
        for c in children.get(n, ()):
            depth[c] = depth[n] + 1
            order.append(c)
    leaves: dict[str, int] = {}  # how many nodes a subtree holds: the share of its sector
    for n in reversed(order):
        leaves[n] = 1 + sum(leaves[c] for c in children.get(n, ()))
    angle = {center: 0.0}
    sector = {center: (-math.pi / 2, 2 * math.pi)}  # the first child of the centre on top
    for n in order:
        kids = children.get(n, ())
        start, span = sector[n]
        total = sum(leaves[c] for c in kids)
        at = start
        for c in kids:
            share = span * leaves[c] / total
            sector[c] = (at, share)
            angle[c] = at + share / 2
            at += share
    pos = {center: (0.0, 0.0)}
    outer = boxes[center][1] / 2
    for d in range(1, max(depth.values(), default=0) + 1):
        members = sorted((n for n in order if depth[n] == d), key=lambda n: angle[n])
        row = max(boxes[n][1] for n in members) + GAP
        radius = max(outer + row, RING * d)
        need = sum(boxes[n][0] + GAP for n in members)
        rings = max(1, math.ceil(need / (2 * math.pi * radius)))
        for i, n in enumerate(members):
            r = radius + (i % rings) * row
            pos[n] = (round(r * math.cos(angle[n]), 1), round(r * math.sin(angle[n]), 1))
        outer = radius + (rings - 1) * row + row / 2
    for n in boxes:  # nodes without a path to the centre
        pos.setdefault(n, (0.0, 0.0))
    return pos


def place_around(
    anchor: str,
    new: list[str],
    positions: dict[str, tuple[float, float]],
    boxes: dict[str, tuple[float, float]],
    center: tuple[float, float] = (0.0, 0.0),
) -> None:
    """Nodes added by expanding `anchor`, on an arc around it facing away from the centre."""
    if not new:
        return
    ax, ay = positions[anchor]
    away = math.atan2(ay - center[1], ax - center[0]) if (ax, ay) != center else -math.pi / 2
    width = sum(boxes[n][0] + GAP for n in new)
    radius = max(150.0, width / math.pi)
    span = min(2 * math.pi, max(math.pi / 3, width / radius))
    for i, n in enumerate(new):
        angle = away - span / 2 + span * (i + 0.5) / len(new)
        positions[n] = (round(ax + radius * math.cos(angle), 1), round(ay + radius * math.sin(angle), 1))


def separate(
    positions: dict[str, tuple[float, float]],
    boxes: dict[str, tuple[float, float]],
    fixed: set[str] = frozenset(),
    tries: int = 160,
) -> int:
    """Settle the boxes so that none overlaps another (in place), nodes in `fixed` first where
    they are, then every other node in the order of `positions` at its wished place or, when
    that is taken, at the nearest free place outward from the centre (a deterministic search:
    steps out along its ray, alternately to either side). Returns the nodes left overlapping
    (0 unless `tries` ran out)."""
    names = list(positions)
    if len(names) > SEPARATE_MAX:
        return 0
    order = [n for n in names if n in fixed] + [n for n in names if n not in fixed]
    xy = np.zeros((len(order), 2))
    half = np.array([boxes[n] for n in order], dtype=float) / 2 + GAP / 2
    left = 0
    for i, n in enumerate(order):  # boxes before i are settled
        x0, y0 = positions[n]
        if n in fixed or i == 0:
            xy[i] = (x0, y0)
            continue
        dist = math.hypot(x0, y0)
        ux, uy = (x0 / dist, y0 / dist) if dist else (0.0, -1.0)
        step = max(half[i][1], 12.0)
        for k in range(tries):
            out, side = (k + 1) // 2, (1 if k % 2 else -1) * ((k + 1) // 2 % 3)
            x = x0 + ux * out * step - uy * side * step
            y = y0 + uy * out * step + ux * side * step
            if not np.any(
                (np.abs(xy[:i, 0] - x) < half[:i, 0] + half[i][0]) & (np.abs(xy[:i, 1] - y) < half[:i, 1] + half[i][1])
            ):
                break
        else:
            left += 1
        xy[i] = (x, y)
    for n, (x, y) in zip(order, xy, strict=True):
        positions[n] = (round(float(x), 1), round(float(y), 1))
    return left


def overlaps(positions: dict[str, tuple[float, float]], boxes: dict[str, tuple[float, float]]) -> int:
    """How many pairs of boxes overlap (for tests and the bench)."""
    names = list(positions)
    count = 0
    for a in range(len(names)):
        ax, ay = positions[names[a]]
        aw, ah = boxes[names[a]]
        for b in range(a + 1, len(names)):
            bx, by = positions[names[b]]
            bw, bh = boxes[names[b]]
            if abs(ax - bx) < (aw + bw) / 2 and abs(ay - by) < (ah + bh) / 2:
                count += 1
    return count


__all__ = ["box_size", "overlaps", "place_around", "radial", "separate", "shape_offset", "wrap"]
