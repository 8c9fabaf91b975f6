"""The built wheel ships playbook_data; README and .ci/run agree on the commands."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def readme_commands() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    return re.findall(r"```(?:bash|sh)\n(.+?)\n```", text, flags=re.S)[:2]


def test_readme_opens_with_two_commands() -> None:
    main_job, tests = readme_commands()
    assert "pip install" in main_job and "loinc-harmonize" in main_job
    assert "pip install" in tests and "pytest" in tests


def test_ci_runs_the_readme_test_command() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert readme_commands()[1].strip() in ci


def test_loinc_notice_travels_with_data_and_readme() -> None:
    notice = (ROOT / "playbook_data" / "LOINC_NOTICE.txt").read_text(encoding="utf-8")
    assert "Regenstrief" in notice and "loinc.org/license" in notice
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "Regenstrief" in readme and "loinc.org/license" in readme


@pytest.mark.slow
def test_wheel_installs_with_bundled_playbook(tmp_path: Path) -> None:
    wheels = tmp_path / "wheels"
    build = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-w",
            str(wheels),
            str(ROOT),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    if build.returncode != 0:
        build = subprocess.run(
            [sys.executable, "-m", "pip", "wheel", "--no-deps", "-w", str(wheels), str(ROOT)],
            capture_output=True,
            text=True,
            check=False,
        )
    assert build.returncode == 0, build.stderr[-2000:]
    wheel = next(wheels.glob("loinc_harmonize-*.whl"))
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=True)
    python = env_dir / "bin" / "python"
    subprocess.run(
        [str(python), "-m", "pip", "install", "--quiet", "--no-deps", str(wheel)], check=True
    )
    # Dependencies come from this interpreter's site-packages; the package itself from the wheel.
    env = {**os.environ, "PYTHONPATH": sysconfig.get_paths()["purelib"]}
    script = (
        "import loinc_harmonize, pathlib;"
        "p = loinc_harmonize.load_playbook();"
        "assert 'site-packages' in p.source, p.source;"
        "assert len(p) >= 300;"
        "import importlib.resources as r;"
        "notice = r.files('loinc_harmonize.playbook_data') / 'LOINC_NOTICE.txt';"
        "assert 'Regenstrief' in notice.read_text();"
        "assert (r.files('loinc_harmonize.playbook_data') / 'example_studies.csv').is_file();"
        "print(len(p))"
    )
    run = subprocess.run(
        [str(python), "-c", script], cwd=tmp_path, env=env, capture_output=True, text=True
    )
    assert run.returncode == 0, run.stderr[-2000:]
    assert int(run.stdout.strip()) >= 300
