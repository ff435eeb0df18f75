"""Frozen dataclasses built as fast as plain ones.

A frozen dataclass sets each field through ``object.__setattr__`` in its ``__init__``
(its own ``__setattr__`` refuses): two to three times the cost of a plain class. The
extractor builds about twenty thousand findings, hits and mentions per megabyte of text,
so the classes built in its loops get an ``__init__`` that writes the instance's
``__dict__`` directly, generated as ``dataclasses`` generates its own. The class stays
frozen (assigning a field still raises), and compares, hashes and prints as before;
``dataclasses.replace`` goes through the new ``__init__`` too.
"""

from __future__ import annotations

import dataclasses
from typing import Any, TypeVar

__all__ = ["quick_init"]

_C = TypeVar("_C", bound=type)


def quick_init(cls: _C) -> _C:
    """Give the frozen dataclass ``cls`` an ``__init__`` that fills its ``__dict__``."""
    if not dataclasses.is_dataclass(cls) or hasattr(cls, "__post_init__"):
        raise TypeError(f"{cls.__name__}: a dataclass without __post_init__ is needed")
    if "__slots__" in vars(cls):
        raise TypeError(f"{cls.__name__}: a dataclass with slots has no __dict__")
    defaults: dict[str, Any] = {}
    params: list[str] = []
    lines = ["    d = self.__dict__"]
    for field in dataclasses.fields(cls):
        if not field.init or field.default_factory is not dataclasses.MISSING:
            raise TypeError(f"{cls.__name__}.{field.name}: only plain fields and defaults")
        if field.default is dataclasses.MISSING:
            params.append(field.name)
        else:
            defaults[f"_default_{field.name}"] = field.default
            params.append(f"{field.name}=_default_{field.name}")
        lines.append(f"    d[{field.name!r}] = {field.name}")
    source = f"def __init__(self, {', '.join(params)}):\n" + "\n".join(lines) + "\n"
    namespace: dict[str, Any] = {}
    exec(source, defaults, namespace)
    init = namespace["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    init.__doc__ = cls.__init__.__doc__
    type.__setattr__(cls, "__init__", init)
    return cls
