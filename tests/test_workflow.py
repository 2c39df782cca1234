"""The GitHub Actions workflow that tests, builds and publishes the book.

GitHub cannot be run here: these tests parse the workflow and check what it promises
(triggers, permissions, pinned actions, the steps that must be there), and run its own
shell check of the built book against good and broken fake builds.
"""

from __future__ import annotations

import os
import re
import stat
import subprocess

import pytest
import yaml

from pakbook import paths

WORKFLOW = paths.ROOT / ".github" / "workflows" / "book.yml"


@pytest.fixture(scope="module")
def text() -> str:
    return WORKFLOW.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def wf(text) -> dict:
    return yaml.safe_load(text)


def _triggers(wf: dict) -> dict:
    return wf.get("on", wf.get(True))  # YAML 1.1 reads a bare `on` as true


def _steps(job: dict) -> list[dict]:
    return job.get("steps", [])


def _step(job: dict, uses_prefix: str) -> dict:
    found = [s for s in _steps(job) if s.get("uses", "").startswith(uses_prefix)]
    assert len(found) == 1, f"expected one step using {uses_prefix}"
    return found[0]


def _run_index(job: dict, command: str) -> int:
    hits = [i for i, s in enumerate(_steps(job)) if re.search(rf"(^|\s){re.escape(command)}(\s|$)", s.get("run", ""))]
    assert hits, f"no step runs {command}"
    return hits[0]


def test_triggers(wf):
    on = _triggers(wf)
    assert on["push"]["branches"] == ["main"]
    assert "v*" in on["push"]["tags"]
    crons = [s["cron"] for s in on["schedule"]]
    assert len(crons) == 1
    minute, hour, dom, month, dow = crons[0].split()
    assert dom == "*" and month == "*" and re.fullmatch(r"[0-6]", dow), "the scheduled rebuild must be weekly"
    assert "workflow_dispatch" in on


def test_least_privilege(wf):
    assert wf["permissions"] == {"contents": "read"}
    assert wf["jobs"]["build"].get("permissions") is None, "the build job must not write anything"
    assert wf["jobs"]["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}
    assert wf["jobs"]["release"]["permissions"] == {"contents": "write"}


def test_every_action_is_pinned_to_a_commit(text, wf):
    uses = [s["uses"] for job in wf["jobs"].values() for s in _steps(job) if "uses" in s]
    assert len(uses) >= 5
    for u in uses:
        assert re.fullmatch(r"[\w.-]+/[\w.-]+@[0-9a-f]{40}", u), f"{u} is not pinned to a commit"
    for line in text.splitlines():
        if "uses:" in line:
            assert re.search(r"@[0-9a-f]{40} # v\d+\.\d+\.\d+$", line), f"no version comment: {line.strip()}"


def test_build_installs_tests_builds_and_checks_in_order(wf):
    build = wf["jobs"]["build"]
    setup = _step(build, "actions/setup-python@")
    assert str(setup["with"]["python-version"]) == "3.11"
    install = _run_index(build, "ensure_venv")
    test = _run_index(build, "scripts/test.sh")
    make = _run_index(build, "scripts/build.sh")
    check = _run_index(build, "pdfinfo")
    upload = _steps(build).index(_step(build, "actions/upload-pages-artifact@"))
    assert install < test < make < check < upload
    assert "ensure_tex" in _steps(build)[install]["run"], "the PDF needs TeX installed"
    assert _step(build, "actions/upload-pages-artifact@")["with"]["path"] == "_build/html"
    pdf = [s for s in _steps(build) if s.get("uses", "").startswith("actions/upload-artifact@")
           and s["with"]["name"] == "book-pdf"]
    assert len(pdf) == 1 and pdf[0]["with"]["path"] == "_build/latex/book.pdf" and "if" not in pdf[0]


def test_weekly_rebuild_skips_the_cache(wf):
    cache = _step(wf["jobs"]["build"], "actions/setup-python@")["with"]["cache"]
    assert "schedule" in cache and "''" in cache, "the scheduled run must install without the pip cache"


def test_deploy_to_pages(wf):
    deploy = wf["jobs"]["deploy"]
    assert deploy["needs"] == "build"
    assert "refs/heads/main" in deploy["if"] and "pull_request" in deploy["if"]
    assert deploy["environment"]["name"] == "github-pages"
    assert "steps.deployment.outputs.page_url" in deploy["environment"]["url"]
    assert deploy["concurrency"] == {"group": "pages", "cancel-in-progress": False}
    assert _step(deploy, "actions/deploy-pages@")["id"] == "deployment"
    assert wf["concurrency"]["cancel-in-progress"] is False, "a newer push must not cancel a deployment"


def test_release_attaches_the_pdf_on_version_tags(wf):
    release = wf["jobs"]["release"]
    assert release["needs"] == "build"
    assert "startsWith(github.ref, 'refs/tags/v')" in release["if"]
    assert _step(release, "actions/download-artifact@")["with"]["name"] == "book-pdf"
    script = "\n".join(s.get("run", "") for s in _steps(release))
    assert "gh release create" in script and re.search(r"gh release upload \"\$TAG\" \"\$asset\"", script)
    assert "pdf" in script


def test_the_scripts_it_runs_exist(wf):
    for script in ("scripts/test.sh", "scripts/build.sh", "scripts/_env.sh"):
        assert (paths.ROOT / script).is_file()
    for script in ("scripts/test.sh", "scripts/build.sh"):
        assert os.access(paths.ROOT / script, os.X_OK), f"{script} is not executable"
    env = (paths.ROOT / "scripts/_env.sh").read_text(encoding="utf-8")
    assert re.search(r"^ensure_venv\(\)", env, re.M) and re.search(r"^ensure_tex\(\)", env, re.M)


def _check_script(wf) -> str:
    build = wf["jobs"]["build"]
    return _steps(build)[_run_index(build, "pdfinfo")]["run"]


@pytest.mark.parametrize("broken", [None, "_build/html/index.html", "_build/latex/book.pdf", "_build/html/book.pdf",
                                    "link"])
def test_the_check_step_fails_on_a_missing_or_empty_output(wf, tmp_path, broken):
    """Run the workflow's own check on a fake build: complete, or with one output empty."""
    files = {
        "_build/html/index.html": '<meta http-equiv="Refresh" content="0; url=intro.html" />',
        "_build/html/intro.html": '<a href="book.pdf">book.pdf</a>',
        "_build/latex/book.pdf": "%PDF-1.5 fake",
        "_build/html/book.pdf": "%PDF-1.5 fake",
    }
    if broken == "link":
        files["_build/html/intro.html"] = "<p>no link</p>"
    elif broken:
        files[broken] = ""
    for rel, content in files.items():
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(content)
    stub = tmp_path / "bin" / "pdfinfo"
    stub.parent.mkdir()
    stub.write_text("#!/bin/sh\necho Pages: 1\n")
    stub.chmod(stub.stat().st_mode | stat.S_IEXEC)
    env = {**os.environ, "PATH": f"{stub.parent}:{os.environ['PATH']}"}
    result = subprocess.run(["bash", "-e", "-c", _check_script(wf)], cwd=tmp_path, env=env,
                            capture_output=True, text=True)
    if broken is None:
        assert result.returncode == 0, result.stdout + result.stderr
    else:
        assert result.returncode != 0, f"the check passed with {broken} broken"
        assert "::error::" in result.stdout
