"""Materialized paths: pure functions, no Django.

A path is the chain of organization ids from the root, each as a fixed-width base-36
segment followed by a dot: "0000a.0001z.". Fixed width keeps lexical order equal to
tree order, and a subtree is the half-open range [path, path + "~"), which a plain
B-tree index answers on SQLite and PostgreSQL alike.
"""

SEGMENT_WIDTH = 6  # 36**6 ~ 2.2 billion ids
SEPARATOR = "."
UPPER_SENTINEL = "~"  # sorts after every digit, letter and the separator
_DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz"


def encode_id(pk: int) -> str:
    if pk < 0:
        raise ValueError("ids are non-negative")
    out = []
    while True:
        pk, rem = divmod(pk, 36)
        out.append(_DIGITS[rem])
        if pk == 0:
            break
    segment = "".join(reversed(out))
    if len(segment) > SEGMENT_WIDTH:
        raise ValueError("id too large for a path segment")
    return segment.rjust(SEGMENT_WIDTH, "0")


def child_path(parent_path: str, pk: int) -> str:
    return f"{parent_path}{encode_id(pk)}{SEPARATOR}"


def ids_of(path: str) -> list[int]:
    """The ids along a path, root first."""
    return [int(seg, 36) for seg in path.split(SEPARATOR) if seg]


def depth_of(path: str) -> int:
    return len(path) // (SEGMENT_WIDTH + 1) - 1


def subtree_bounds(path: str) -> tuple[str, str]:
    """The half-open range of paths of `path` and all below it."""
    return path, path + UPPER_SENTINEL


def is_within(path: str, ancestor_path: str) -> bool:
    return path.startswith(ancestor_path)


def rebase(path: str, old_prefix: str, new_prefix: str) -> str:
    if not path.startswith(old_prefix):
        raise ValueError("path is not under the old prefix")
    return new_prefix + path[len(old_prefix) :]
