"""Article-level merging, coordination and the source requirement (sentences invented for these tests)."""

from __future__ import annotations

from collections.abc import Callable

from hadath import Article
from hadath.coding.coder import CoderSettings, EventCoder
from hadath.kb import get_kb
from tests.coding.conftest import Coded

AIRSTRIKE_TWICE = ("شنت طائرات سلاح الجو الأردني غارات جديدة على مواقع تنظيم داعش في جنوب سوريا. "
                   "وأضاف المتحدث أن سلاح الجو الأردني قصف بعنف فجر اليوم.")


def test_partial_mention_folds_into_the_complete_event(code_text: Callable[..., Coded]) -> None:
    """The second sentence names only the attacker: one happening with two mentions, not two events."""
    got = code_text(AIRSTRIKE_TWICE)
    strikes = got.find("19", source="JORMIL")
    assert len(strikes) == 1, got.why()
    assert strikes[0].target is not None and strikes[0].target.code == "IMGISIS", got.why()
    assert strikes[0].n_mentions == 2, got.why()


def test_partial_events_stay_apart_when_the_setting_is_off(nlp) -> None:  # type: ignore[no-untyped-def]
    """``subsume_partial = false`` keeps the source-only record (the setting really controls the fold)."""
    doc = nlp(Article(id="t", text=AIRSTRIKE_TWICE, date="2021-05-03"))
    events = EventCoder(get_kb(), CoderSettings(min_confidence=0.6, subsume_partial=False)).code(doc)
    assert len([e for e in events if e.cameo[:2] == "19" and e.source and e.source.code == "JORMIL"]) == 2


def test_detached_wa_coordinates_subjects(code_text: Callable[..., Coded]) -> None:
    """"مصر و الأردن": a free-standing و still joins the subjects; the target is the object after them."""
    got = code_text("وأدانت مصر و الأردن والمغرب الهجوم الإسرائيلي على غزة.")
    for src in ("EGY", "JOR", "MAR"):
        assert got.find("11", source=src, target="ISR*"), got.why()
    assert not got.find("11", source="EGY", target="JOR"), got.why()


def test_accusation_without_accuser_is_not_coded(code_text: Callable[..., Coded]) -> None:
    """A passive accusation names no source: CAMEO cannot code it (the accused is not the actor)."""
    got = code_text("اُتهم وزير الخارجية التونسي بتسريب وثائق سرية إلى صحيفة أجنبية.")
    assert not got.find("11"), got.why()


def test_sourceless_casualties_are_still_coded(code_text: Callable[..., Coded]) -> None:
    """Violence reported through its victims keeps its event (root 19 is exempt from require_source)."""
    got = code_text("قتل خمسة جنود عراقيين في انفجار عبوة ناسفة قرب مدينة الرمادي اليوم.")
    assert got.find("18") or got.find("19"), got.why()


def test_stance_topic_noun_carries_the_target(code_text: Callable[..., Coded]) -> None:
    """"أشاد ... بجهود الجيش الجزائري": the party praised is the genitive of the topic noun after ب."""
    got = code_text("أشاد الرئيس التونسي بجهود الجيش الجزائري في حماية الحدود.")
    assert got.find("05", source="TUN*", target="DZA*"), got.why()
    got = code_text("وأعرب وزير الخارجية الأردني عن ترحيبه بخطوات الحكومة العراقية لحماية المدنيين.")
    assert got.find("05", source="JOR*", target="IRQ*"), got.why()


def test_generic_part_of_the_source_is_not_its_target(code_text: Callable[..., Coded]) -> None:
    """A generic body with the source's own code ("الجيش الليبي" after "سلاح الجو الليبي") is not its target."""
    got = code_text("شنت طائرات سلاح الجو الليبي غارات على مواقع الجيش الليبي في بنغازي.")
    assert got.find("19", source="LBYMIL"), got.why()
    assert not got.find("19", source="LBYMIL", target="LBYMIL"), got.why()


def test_masdar_genitive_is_the_subject_when_a_prepositional_target_follows(code_text: Callable[..., Coded]) -> None:
    """"زيارة الرئيس الصيني إلى الولايات المتحدة": the genitive visits, the phrase after إلى is visited."""
    got = code_text("وتأتي التصريحات عشية زيارة الرئيس الصيني إلى الولايات المتحدة.")
    assert got.find("04", source="CHN*", target="USA"), got.why()


def test_prefix_settings_accept_toml_lists() -> None:
    """``targetless_roots = ["01", ...]`` in a TOML config: lists become the tuples the coder needs."""
    from hadath.pipeline import Pipeline, load_config

    cfg = load_config(None)
    cfg.setdefault("stages", {}).setdefault("events", {})["targetless_roots"] = ["01", "14", "18", "19"]
    nlp = Pipeline.from_config(cfg)
    doc = nlp(Article(id="t", text="نفت وزارة الخارجية المصرية التقارير الصحفية اليوم.", date="2021-05-03"))
    assert isinstance(doc.events, list)


def test_speaker_accuses_the_subject_of_a_passive_evaluation(code_text: Callable[..., Coded]) -> None:
    """"قال X إن Y تقف وراء الهجوم": X accuses Y (112), though Y is the grammatical subject."""
    got = code_text("قال وزير الخارجية الأردني إن إيران تقف وراء الهجوم على السفارة.")
    assert got.find("11", code="112", source="JOR*", target="IRN"), got.why()


def test_according_to_names_the_accuser(code_text: Callable[..., Coded]) -> None:
    """"بحسب X، Y يقف وراء ...": the source is the one the claim is attributed to."""
    got = code_text("وبحسب الحكومة العراقية فإن تنظيم داعش يقف وراء التفجير الذي استهدف السوق.")
    assert got.find("11", code="112", source="IRQ*", target="IMGISIS"), got.why()


def test_fronted_co_participant_before_the_verbal_noun(code_text: Callable[..., Coded]) -> None:
    """"يعقد X مع Y محادثات": the مع phrase before the masdar is the meeting's other party."""
    got = code_text("يعقد الرئيس الروسي فلاديمير بوتين مع رئيس الوزراء الياباني شينزو آبي محادثات في طوكيو.")
    assert got.find("04", source="rus-vladimir-putin", target="JPN*"), got.why()


def test_a_minister_may_meet_his_own_commanders(code_text: Callable[..., Coded]) -> None:
    """The own-side rule is for the use of force only: a meeting with same-code generic officers is coded."""
    got = code_text("بحث وزير الدفاع الأمريكي أشتون كارتر مع قادة عسكريين أمريكيين الوضع في العراق.")
    assert got.find("04", source="USAMIL", target="USAMIL"), got.why()


def test_coordinated_subjects_beyond_the_window_visit_each_destination(code_text: Callable[..., Coded]) -> None:
    """Three named visitors (the last after a descriptor with و) × three destinations: nine visits."""
    got = code_text("وأعلن وزيرا الخارجية الفرنسي جان إيف لودريان والألماني هايكو ماس والبريطاني بوريس جونسون "
                    "في مؤتمر صحفي مشترك الثلاثاء عن دعمهم للحكومة أثناء زيارتهم لدول المغرب العربي تونس والجزائر والمغرب.")
    visits = got.find("04", code="042")
    assert {(e.source.code if e.source else None, e.target.code if e.target else None) for e in visits} >= {
        (src, dst) for src in ("DEUGOV", "GBRGOV") for dst in ("TUN", "DZA", "MAR")}, got.why()
    got = code_text("وأبدى وزيرا الخارجية المصري سامح شكري والأردني أيمن الصفدي والسعودي عادل الجبير ارتياحهم "
                    "أثناء زيارتهم لدول أوروبية هي فرنسا وإيطاليا وإسبانيا.")
    pairs = {(e.source.code if e.source else None, e.target.code if e.target else None) for e in got.find("04", code="042")}
    assert pairs >= {(s, d) for s in ("EGYGOV", "JORGOV", "SAUGOV") for d in ("FRA", "ITA", "ESP")}, got.why()


def test_circumstantial_participle_takes_the_main_subject(code_text: Callable[..., Coded]) -> None:
    """"ندد X بالهجوم، محذرا الجماعات ...": X warns; the phrase after the participle is its object."""
    got = code_text("وندد الرئيس التونسي بالهجوم على الحدود، محذرا الجماعات المسلحة في ليبيا من عواقب وخيمة.")
    assert got.find("13", source="TUN*"), got.why()
    assert not got.find("13", source="LBY*"), got.why()


def test_an_implicit_subject_precedes_its_verb(code_text: Callable[..., Coded]) -> None:
    """The phrase after a participle is never reused as the participle's own (implicit) subject."""
    got = code_text("انفجرت سيارة مفخخة صباح اليوم، مستهدفة دورية عسكرية أمريكية في بغداد.")
    assert not got.find("19", source="USA*"), got.why()


def test_joint_subjects_of_a_dual_verb_are_each_others_party(code_text: Callable[..., Coded]) -> None:
    """"X ونظيره Y اتفقا ... في سوريا": the two presidents agree with each other (not with Syria), one joint act
    coded once with the party named first as its source (no mirrored duplicate; precision round 4)."""
    got = code_text("قال البيت الأبيض إن الرئيس الأمريكي باراك أوباما ونظيره التركي رجب طيب أردوغان اتفقا "
                    "أثناء اتصال هاتفي على العمل معا في سوريا.")
    assert got.find("03", source="USAGOV", target="TURGOV"), got.why()
    assert not got.find("03", source="TURGOV", target="USAGOV"), got.why()
    assert not got.find("03", target="SYR"), got.why()


def test_coordinated_supporters_do_not_support_each_other(code_text: Callable[..., Coded]) -> None:
    """Pairs of joint subjects are for mutual acts (a dual verb, a meeting or a clash), not "عن دعمهم"."""
    got = code_text("وأعرب وزيرا الخارجية المصري سامح شكري والأردني أيمن الصفدي عن دعمهما للحكومة الليبية.")
    assert not got.find("05", source="EGYGOV", target="JORGOV"), got.why()
    assert not got.find("05", source="JORGOV", target="EGYGOV"), got.why()


def test_masdar_with_genitive_subject_and_object(code_text: Callable[..., Coded]) -> None:
    """"استقبال الرئيس ترامب نظيره الصيني": the genitive hosts, the next phrase is the guest."""
    got = code_text("وجاء الإعلان بالتزامن مع استقبال الرئيس ترامب نظيره الصيني شي جينبينغ في فلوريدا.")
    assert got.find("04", code="043", source="usa-donald-trump", target="CHN*"), got.why()


def test_partitive_min_is_not_the_agent_of_a_killing(code_text: Callable[..., Coded]) -> None:
    """"قتلت القوات اليمنية 11 مسلحا من تنظيم القاعدة": the forces kill; al-Qaeda (the whole) is the target."""
    got = code_text("قتلت القوات اليمنية 11 مسلحا من تنظيم القاعدة في محافظة أبين.")
    assert got.find("19", source="YEMMIL", target="IMGAQ"), got.why()
    assert not got.find("19", source="IMGAQ"), got.why()


def test_participle_of_saying_introduces_the_speaker(code_text: Callable[..., Coded]) -> None:
    """"تحدث X للصحفيين، قائلا إن Y تقف وراء الهجوم": X, who speaks through قائلا, accuses Y."""
    got = code_text("وتحدث وزير الخارجية الأردني للصحفيين، قائلا إن إيران تقف وراء الهجوم على السفارة.")
    assert got.find("11", code="112", source="JOR*", target="IRN"), got.why()
