"""``rnntui.nn.load_model`` on hostile or broken files made by hand (no Keras needed): each
gets a clear ``LoadError``, and the limits are stated."""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

import h5py  # type: ignore[import-untyped]
import numpy as np
import pytest

from rnntui.nn import load_model
from tests.nn.load_files import (
    _config_with,
    _fails,
    _write_keras,
)

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning", "ignore::UserWarning")


def test_a_hand_made_file_loads(tmp_path: Path) -> None:
    model = load_model(_write_keras(tmp_path / "ok.keras"))
    assert model.summary().total_params == 8 and model.source_dtype == "float32"
    np.testing.assert_array_equal(model(np.ones((1, 5, 3))), np.full((1, 5, 2), 3.0))


def test_zip_slip_member_is_refused(tmp_path: Path) -> None:
    path = _write_keras(tmp_path / "slip.keras", extra={"../../evil.txt": b"x"})
    _fails(path, "outside the archive", "../../evil.txt")
    absolute = _write_keras(tmp_path / "abs.keras", extra={"/etc/evil": b"x"})
    _fails(absolute, "outside the archive")


def test_truncated_and_non_zip_files(tmp_path: Path) -> None:
    good = _write_keras(tmp_path / "good.keras").read_bytes()
    cut = tmp_path / "cut.keras"
    cut.write_bytes(good[: len(good) // 2])
    _fails(cut, "cut.keras", "truncated")
    text = tmp_path / "text.keras"
    text.write_text("hello", encoding="utf-8")
    _fails(text, "not a zip archive")
    other = tmp_path / "model.bin"
    other.write_bytes(b"\x00" * 64)
    _fails(other, "neither a .keras zip nor an HDF5")
    _fails(tmp_path / "missing.keras", "is not a file")


def test_truncated_h5(tmp_path: Path) -> None:
    path = tmp_path / "w.weights.h5"
    with h5py.File(path, "w") as f:
        f["layers/dense/vars/0"] = np.ones((3, 2))
        f["layers/dense/vars/1"] = np.ones(2)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 3])
    _fails(path, "not a readable HDF5 file", spec="Input(5,3) Dense(2)")


def test_oversized_dataset_is_refused_before_reading(tmp_path: Path) -> None:
    def huge(f: Any) -> None:
        f.create_dataset(
            "layers/dense/vars/0", shape=(100_000, 100_000), dtype="f4", chunks=(100, 100)
        )
        f["layers/dense/vars/1"] = np.zeros(2, dtype=np.float32)

    path = _write_keras(tmp_path / "huge.keras", weights=huge)
    assert path.stat().st_size < 100_000
    _fails(path, "(100000, 100000)", "more than the 20,000,000 values")


def test_missing_dataset_and_wrong_shape(tmp_path: Path) -> None:
    def missing(f: Any) -> None:
        f["layers/dense/vars/0"] = np.ones((3, 2), dtype=np.float32)

    _fails(_write_keras(tmp_path / "m.keras", weights=missing), "missing the dataset", "bias")

    def wrong(f: Any) -> None:
        f["layers/dense/vars/0"] = np.ones((4, 2), dtype=np.float32)
        f["layers/dense/vars/1"] = np.zeros(2, dtype=np.float32)

    _fails(_write_keras(tmp_path / "w.keras", weights=wrong), "(4, 2)", "needs (3, 2)")


def test_links_to_other_files_are_refused(tmp_path: Path) -> None:
    secret = tmp_path / "secret.h5"
    with h5py.File(secret, "w") as f:
        f["k"] = np.ones((3, 2))

    def linked(f: Any) -> None:
        f["layers/dense/vars/0"] = h5py.ExternalLink(str(secret), "k")
        f["layers/dense/vars/1"] = np.zeros(2)

    _fails(_write_keras(tmp_path / "l.keras", weights=linked), "link to elsewhere")


def test_unknown_custom_and_spoofed_layers(tmp_path: Path) -> None:
    lstm = {"class_name": "LSTM", "config": {"name": "l", "units": 2, "return_sequences": True}}
    conv = {"class_name": "Conv1D", "config": {"name": "conv", "filters": 4}}
    err = _fails(
        _write_keras(tmp_path / "c.keras", _config_with(lstm, conv)),
        "'conv' (Conv1D) is not supported",
        "Embedding, SimpleRNN, LSTM, GRU",
    )
    assert err.partial is not None and [r.name for r in err.partial.rows] == ["l"]
    assert err.partial.total_params == 4 * 2 * (3 + 2 + 1)
    custom = {
        "module": None,
        "class_name": "Scale",
        "registered_name": "mine>Scale",
        "config": {"name": "scale"},
    }
    _fails(_write_keras(tmp_path / "s.keras", _config_with(custom)), "'scale' (Scale)", "custom")
    spoof = {"module": "evil.payload", "class_name": "LSTM", "config": {"name": "x", "units": 2}}
    _fails(_write_keras(tmp_path / "e.keras", _config_with(spoof)), "'evil.payload'", "not from")
    bad_act = {"class_name": "Dense", "config": {"name": "d", "units": 2, "activation": "gelu"}}
    _fails(_write_keras(tmp_path / "a.keras", _config_with(bad_act)), "'gelu'", "known:")


def test_huge_declared_model_is_refused(tmp_path: Path) -> None:
    lstm = {"class_name": "LSTM", "config": {"name": "big", "units": 100_000}}
    err = _fails(
        _write_keras(tmp_path / "big.keras", _config_with(lstm)),
        "40,001,600,000 parameters, more than the 20,000,000",
    )
    assert err.partial is not None and err.partial.rows[0].name == "big"
    config = _config_with()
    config["config"]["layers"] = [{"class_name": "Dense", "config": {"units": 2}}] * 2000
    _fails(_write_keras(tmp_path / "many.keras", config), "more than the 1,000")
    path = tmp_path / "deep.keras"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("config.json", '{"a":' * 100_000 + "1" + "}" * 100_000)
    _fails(path, "deep.keras", "nested too deeply")


def test_npz_refuses_pickles_and_counts(tmp_path: Path) -> None:
    spec = "Input(5,3) Dense(2)"
    pickled = tmp_path / "p.npz"
    np.savez(pickled, np.array([{"a": 1}, None], dtype=object), np.zeros(2))
    _fails(pickled, "'arr_0' is object", spec=spec)
    short = tmp_path / "s.npz"
    np.savez(short, np.zeros((3, 2)))
    _fails(short, "holds 1 arrays", "2 weight arrays", spec=spec)
    _fails(short, "give the model with --spec")
    _fails(short, "--spec:", "Unknown layer", spec="Input(5,3) Dens(2)")


def test_messages_stay_short_and_printable(tmp_path: Path) -> None:
    """A hostile value (a megabyte, escape codes) is cut and cleaned in the message."""
    units = "\x1b[2J" + "x" * 1_000_000
    lstm = {"class_name": "LSTM", "config": {"name": "\x1b]0;t\x07l" + "n" * 500, "units": units}}
    err = _fails(_write_keras(tmp_path / "u.keras", _config_with(lstm)), "units must be")
    assert len(str(err)) < 500 and "\x1b" not in str(err) and "\x07" not in str(err)


def test_importing_rnntui_does_not_import_h5py() -> None:
    import subprocess
    import sys

    code = "import sys, rnntui.nn, rnntui.cli; print('h5py' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_archive_and_file_size_limits_are_stated(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import rnntui.nn.loading as loading
    from rnntui.nn.loading import archive

    path = _write_keras(tmp_path / "big.keras", extra={"assets/blob": b"\0" * 3 * 1024 * 1024})
    assert path.stat().st_size < 1024 * 1024  # zeros compress: the declared size counts
    monkeypatch.setattr(archive, "MAX_FILE_BYTES", 2 * 1024 * 1024)
    _fails(path, "'assets/blob' is 3,145,728 bytes uncompressed", "more than the 2 MB")
    monkeypatch.setattr(loading, "MAX_FILE_BYTES", 1024)
    _fails(path, "big.keras is", "more than the 1,024 bytes rnntui reads")
