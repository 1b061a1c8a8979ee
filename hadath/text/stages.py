"""Pipeline stages of the text layer: clean → sentences → tokens → times."""

from __future__ import annotations

from hadath.kb.kb import KIND_METONYM, KIND_PLACE, KIND_STATE, kb_memo, phrase_key
from hadath.model import Document, Sentence, Token
from hadath.pipeline import BaseStage, KBStage, register_stage
from hadath.text.clean import find_boilerplate
from hadath.text.dates import find_times
from hadath.text.sentences import split_sentences
from hadath.text.tokens import Segmenter, tokenize


@register_stage("clean")
class CleanStage(KBStage):
    """Find boilerplate (repeated title, dateline, page furniture) and the dateline's city/agency."""

    name = "clean"
    assigns = ("boilerplate", "dateline")

    def _is_place(self, phrase: str) -> bool:
        return any(k in (KIND_PLACE, KIND_STATE, KIND_METONYM) for k, _ in self.kb.index.get(phrase_key(phrase), []))

    def process(self, doc: Document) -> None:
        doc.boilerplate, doc.dateline = find_boilerplate(doc.text, doc.article.title, self._is_place)


@register_stage("noclean")
class NoCleanStage(BaseStage):
    """Keep all text (for single sentences: NER inputs, ``explain``): no boilerplate, no dateline."""

    name = "noclean"
    assigns = ("boilerplate", "dateline")

    def process(self, doc: Document) -> None:
        doc.boilerplate, doc.dateline = [], None


@register_stage("sentences")
class SentenceStage(BaseStage):
    """Split the non-boilerplate text into sentences."""

    name = "sentences"
    requires = ("boilerplate",)
    assigns = ("sentences",)

    def process(self, doc: Document) -> None:
        doc.sentences = [Sentence(sp.start, sp.end, 0, 0, doc.text[sp.start:sp.end])
                         for sp in split_sentences(doc.text, doc.boilerplate)]


@register_stage("tokens")
class TokenStage(KBStage):
    """Tokenise each sentence with clitic segmentation driven by the KB lexicon."""

    name = "tokens"
    requires = ("sentences",)
    assigns = ("tokens",)

    def _segmenter(self) -> Segmenter:
        """The segmenter of this stage's KB lexicon, built once per KB (kept with the KB: :func:`kb_memo`)."""
        kb = self.kb
        memo = kb_memo(kb, "tokens")
        seg = memo.get("segmenter")
        if seg is None:
            seg = memo["segmenter"] = Segmenter(kb.lexicon)
        return seg

    def warm_up(self) -> None:
        """Build the segmenter (see :meth:`Pipeline.warm_up <hadath.pipeline.Pipeline.warm_up>`)."""
        self._segmenter()

    def process(self, doc: Document) -> None:
        seg = self._segmenter()
        toks: list[Token] = []
        for s in doc.sentences:
            s.tok_start = len(toks)
            toks.extend(tokenize(doc.text, seg, s.start, s.end))
            s.tok_end = len(toks)
        doc.tokens = toks


@register_stage("times")
class TimeStage(BaseStage):
    """Find and resolve time expressions against the article date."""

    name = "times"
    requires = ("tokens",)
    assigns = ("times",)

    def process(self, doc: Document) -> None:
        out = []
        for i, s in enumerate(doc.sentences):
            for t in find_times(doc.tokens[s.tok_start:s.tok_end], doc.article.date, i):
                t.text = doc.text[t.start:t.end]
                out.append(t)
        doc.times = out
