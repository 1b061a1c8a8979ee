"""Argument choice, round 5: arguments the coder missed although it found the trigger. The subject of a relative
clause describing the evaluated act may be a plain noun with a nationality adjective ("أدانت X القصف الذي شنته
الطائرات التركية"): the adjective names the doer, who is the target of the evaluation. A pronoun on one of the trigger's target
prepositions right after it, or after its subject ("العقوبات الأمريكية والكندية المفروضة عليها"، "وبحث معه"), stands
for the last party named before that agrees with it (ه a person; ها a state or an organisation; هم a group); not
one of the source's own country, not one named after a source before the trigger, and not when the source itself
is only named further on. A preposition with a pronoun also counts as the bare preposition a pattern requires
("بحث معه" is "بحث مع").

All sentences are invented for these tests.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.coding.conftest import event_case, expect_event, expect_no_party

D = "2021-05-03"


CASES = [
    # the doer of the evaluated act is named by the nationality adjective of the relative clause's subject
    event_case("relative-nisba-doer-condemn", "11", "111", "IRQ*", "TUR",
               "ودانت الحكومة العراقية أمس القصف الجوي الذي شنته الطائرات التركية على قرى في شمال البلاد."),
    event_case("relative-nisba-doer-praise", "05", None, "LBN*", "FRA",
               "وأشاد رئيس الوزراء اللبناني بالمساعدات التي قدمتها الفرق الفرنسية للمتضررين من الانفجار."),
    # a pronoun on the trigger's preposition after the parties imposing: the state named before
    event_case("pronoun-preposition-sanctions", "16", "163", "CAN", "VEN",
               "وتشكو فنزويلا من العقوبات الأمريكية والكندية المفروضة عليها."),
    event_case("pronoun-preposition-sanctions-joined", "16", "163", "GBR", "IRN",
               "وتعاني إيران من العقوبات الأمريكية والبريطانية عليها ومن تراجع أسعار النفط."),
]


@pytest.mark.parametrize("root,code,source,target,text", CASES)
def test_argument_round5(code_text: Any, root: str, code: str | None, source: str, target: str, text: str) -> None:
    """The expected event is coded with these roles."""
    expect_event(code_text, root, code, source, target, text, date=D)


NEGATIVE = [
    # (root, role, actor spec, text)
    # a preposition on the noun after the resumptive verb: the adjective is not the doer's
    pytest.param("11", "target", "TUR", "ودانت الحكومة العراقية الهجوم الذي شنه مسلحون بالأسلحة التركية على قرية.",
                 id="relative-nisba-governed-not-doer"),
    # the party after the source before the trigger may be its doer: not the pronoun's antecedent
    pytest.param("07", "target", "IGOEU", "وتطالب الحكومة السودانية بدعم دولي لمواجهة الأزمة، وقد وعد الاتحاد الأوروبي"
                 " بتقديم مساعدات عاجلة لها.", id="pronoun-not-party-after-source"),
    # "ه" of the source's own side is not whom the pronoun means
    pytest.param("12", "target", "IRN*", "وانتقد وزير الخارجية الإيراني محمد جواد ظريف الاتحاد الأوروبي، وقال إن طهران"
                 " لن تتفاوض معه قبل رفع العقوبات.", id="pronoun-not-own-country"),
    # a source named further on than the pronoun is a guess: no target from the pronoun either
    pytest.param("04", "target", "JOR*", "وتلقى الرئيس المصري عبد الفتاح السيسي رسالة من ملك الأردن عبد الله الثاني، وبحث"
                 " معه سبل دعم القضية الفلسطينية.", id="pronoun-not-with-far-source"),
]


@pytest.mark.parametrize("root,role,spec,text", NEGATIVE)
def test_argument_round5_not(code_text: Any, root: str, role: str, spec: str, text: str) -> None:
    """No event of this root has this actor in this role."""
    expect_no_party(code_text, root, role, spec, text, date=D)
