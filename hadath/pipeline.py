"""A pipeline of small named stages over one :class:`~hadath.model.Document`.

Each stage is a picklable ``Document -> Document`` callable that declares what it ``requires`` and what
it ``assigns``; :class:`Pipeline` checks the chain when it is built, so a stage whose requirement no
earlier stage assigns fails at build time with a coded error, not half-way through a corpus.
The whole pipeline is rebuilt from one TOML file (``hadath/data/pipeline.toml`` by default).
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar, Protocol, TypeVar, runtime_checkable

from hadath.errors import PipelineConfigError
from hadath.model import Article, Document

if TYPE_CHECKING:
    from hadath.kb.kb import KnowledgeBase

DEFAULT_CONFIG = Path(__file__).parent / "data" / "pipeline.toml"
# a short article written by the project that :meth:`Pipeline.warm_up` codes (a visit, a statement, a protest,
# an attack, an unknown person's name): its document is dropped
WARM_UP_TEXT = Path(__file__).parent / "data" / "warmup.txt"


@runtime_checkable
class Stage(Protocol):
    """The stage protocol: a name, declared inputs/outputs and a call on a document."""

    name: str
    requires: tuple[str, ...]
    assigns: tuple[str, ...]

    def __call__(self, doc: Document) -> Document: ...


class BaseStage:
    """Convenience base: subclasses set ``name``, ``requires``, ``assigns`` and implement ``process``."""

    name: ClassVar[str] = ""
    requires: ClassVar[tuple[str, ...]] = ()
    assigns: ClassVar[tuple[str, ...]] = ()

    def __init__(self, **settings: Any) -> None:
        self.settings = settings

    def process(self, doc: Document) -> None:
        """Fill the document's ``assigns`` fields (in place)."""
        raise NotImplementedError

    def warm_up(self) -> None:
        """Build now the tables this stage would otherwise build on its first documents (see
        :meth:`Pipeline.warm_up`); the default builds nothing."""

    def __call__(self, doc: Document) -> Document:
        self.process(doc)
        doc.assigned.update(self.assigns)
        return doc

    def __repr__(self) -> str:
        return f"<stage {self.name} requires={list(self.requires)} assigns={list(self.assigns)}>"


class KBStage(BaseStage):
    """Base for stages that read the knowledge base (dictionaries, patterns, places).

    ``Pipeline.from_config`` passes the config's ``[kb]`` table (``extra_dirs``: user dictionary folders that
    override ours) as the ``kb`` setting to every stage whose class sets ``uses_kb``; :attr:`kb` is then the
    process-wide :class:`~hadath.kb.kb.KnowledgeBase` for those folders.
    """

    uses_kb: ClassVar[bool] = True

    def __init__(self, kb: dict[str, Any] | None = None, **settings: Any) -> None:
        super().__init__(**settings)
        self.kb_config = kb or {}

    @property
    def kb(self) -> KnowledgeBase:
        """The process-wide knowledge base for this stage's dictionary folders."""
        from hadath.kb.kb import get_kb  # here: importing hadath.pipeline need not load the KB modules

        return get_kb(self.kb_config.get("extra_dirs", ()))


StageFactory = Callable[..., Any]
_F = TypeVar("_F", bound=Callable[..., Any])
_REGISTRY: dict[str, StageFactory] = {}


def register_stage(name: str) -> Callable[[_F], _F]:
    """Class/factory decorator that makes a stage available to configs under ``name``."""

    def deco(factory: _F) -> _F:
        _REGISTRY[name] = factory
        return factory

    return deco


def registered_stages() -> dict[str, StageFactory]:
    """All registered stage factories by name (importing the built-in ones first)."""
    _import_builtin_stages()
    return dict(_REGISTRY)


def _import_builtin_stages() -> None:
    # imported for their @register_stage side effects
    import hadath.briefs.stage  # noqa: F401
    import hadath.coding.stage  # noqa: F401
    import hadath.extract.ner  # noqa: F401
    import hadath.extract.stages  # noqa: F401
    import hadath.text.stages  # noqa: F401


@dataclass
class Pipeline:
    """An ordered, validated list of stages. Call it on an :class:`Article` to get a :class:`Document`."""

    stages: list[Stage]
    config: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        available: set[str] = set()
        seen: set[str] = set()
        for st in self.stages:
            if not isinstance(st, Stage):
                raise PipelineConfigError(f"{st!r} is not a stage (needs name, requires, assigns, __call__)")
            if st.name in seen:
                raise PipelineConfigError(f"stage '{st.name}' appears twice in the pipeline")
            seen.add(st.name)
            missing = [r for r in st.requires if r not in available]
            if missing:
                raise PipelineConfigError(
                    f"stage '{st.name}' requires {', '.join(repr(m) for m in missing)}, "
                    f"which no earlier stage assigns (earlier stages assign: {sorted(available) or 'nothing'})"
                )
            available.update(st.assigns)

    @property
    def names(self) -> list[str]:
        """The stage names in order."""
        return [s.name for s in self.stages]

    def __call__(self, article: Article | Document) -> Document:
        doc = article if isinstance(article, Document) else Document(article=article)
        for st in self.stages:
            doc = st(doc)
        return doc

    def warm_up(self) -> None:
        """Build the tables the stages build lazily: each :class:`BaseStage`'s ``warm_up`` (the knowledge base and
        the lexicons derived from it), then a short bundled article is coded and dropped, which builds the rest
        (per-pattern tables, compiled rules, the analyses of common words). Outputs do not change. A process
        that forks workers calls it first, so that they share one copy instead of each building its own
        (:func:`hadath.scale.runner.code_items`)."""
        for st in self.stages:
            if isinstance(st, BaseStage):
                st.warm_up()
        self(Article(id="warm-up", text=WARM_UP_TEXT.read_text(encoding="utf-8"), date="2023-03-12"))

    def pipe(self, articles: Iterable[Article]) -> Iterator[Document]:
        """Code a stream of articles lazily."""
        for a in articles:
            yield self(a)

    @classmethod
    def from_config(cls, config: dict[str, Any] | str | Path | None = None) -> Pipeline:
        """Build from a config dict or TOML file: ``[pipeline] stages = [...]`` and ``[stages.NAME]`` settings.

        A ``[kb]`` table (``extra_dirs``: user dictionary folders that override ours) is passed to every
        stage that takes a ``kb`` setting.
        """
        cfg = load_config(config)
        names = cfg.get("pipeline", {}).get("stages")
        if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
            raise PipelineConfigError("config needs [pipeline] stages = [\"name\", ...]")
        reg = registered_stages()
        stages: list[Stage] = []
        settings_all = cfg.get("stages", {})
        kb_cfg = cfg.get("kb", {})
        for n in names:
            if n not in reg:
                raise PipelineConfigError(f"unknown stage '{n}' (known: {', '.join(sorted(reg))})")
            settings = dict(settings_all.get(n, {}))
            factory = reg[n]
            if getattr(factory, "uses_kb", False):
                settings.setdefault("kb", kb_cfg)
            try:
                stages.append(factory(**settings))
            except TypeError as e:
                raise PipelineConfigError(f"bad settings for stage '{n}': {e}") from None
        return cls(stages, cfg)


def load_config(config: dict[str, Any] | str | Path | None) -> dict[str, Any]:
    """Read a pipeline config (dict, TOML path, or None for the default)."""
    if isinstance(config, dict):
        return config
    path = Path(config) if config is not None else DEFAULT_CONFIG
    try:
        with open(path, "rb") as f:
            return tomllib.load(f)
    except FileNotFoundError:
        raise PipelineConfigError(f"{path}: config file not found") from None
    except tomllib.TOMLDecodeError as e:
        raise PipelineConfigError(f"{path}: invalid TOML ({e})") from None


_DEFAULT: dict[str, Pipeline] = {}


def load_pipeline(config: dict[str, Any] | str | Path | None = None) -> Pipeline:
    """The pipeline for ``config`` (default: the bundled ``pipeline.toml``); the default one is cached."""
    if config is None:
        if "default" not in _DEFAULT:
            _DEFAULT["default"] = Pipeline.from_config(None)
        return _DEFAULT["default"]
    return Pipeline.from_config(config)
