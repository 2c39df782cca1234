"""The GitHub Actions workflow that tests, builds and publishes the book.

GitHub cannot be run here: these tests parse the workflow and check what it promises
(triggers, permissions, pinned actions, the steps that must be there). Its build job runs
.ci/run, so what CI checks is what .ci/run checks anywhere.
"""

from __future__ import annotations

import os
import re

import pytest
import yaml

from pakbook import paths

WORKFLOW = paths.WORKFLOW


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


def test_build_installs_then_runs_the_ci_entry_point(wf):
    build = wf["jobs"]["build"]
    setup = _step(build, "actions/setup-python@")
    assert str(setup["with"]["python-version"]) == "3.11"
    install = _run_index(build, "ensure_venv")
    ci = _run_index(build, ".ci/run")
    upload = _steps(build).index(_step(build, "actions/upload-pages-artifact@"))
    assert install < ci < upload
    assert "ensure_tex" in _steps(build)[install]["run"], "the PDF needs TeX installed"
    for command in ("scripts/test.sh", "scripts/build.sh"):
        assert not any(re.search(rf"(^|\s){re.escape(command)}(\s|$)", s.get("run", "")) for s in _steps(build)), (
            f"the workflow runs {command} itself; .ci/run runs it"
        )
    assert _step(build, "actions/upload-pages-artifact@")["with"]["path"] == "_build/html"
    pdf = [
        s
        for s in _steps(build)
        if s.get("uses", "").startswith("actions/upload-artifact@") and s["with"]["name"] == "book-pdf"
    ]
    assert len(pdf) == 1 and pdf[0]["with"]["path"] == paths.rel(paths.PDF) and "if" not in pdf[0]


def test_the_ci_entry_point_installs_first_then_tests_then_builds():
    lines = [
        line.strip()
        for line in paths.CI_RUN.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.strip().startswith("#")
    ]

    def first(pattern: str) -> int:
        hits = [i for i, line in enumerate(lines) if re.search(pattern, line)]
        assert hits, f".ci/run has no line matching {pattern}"
        return hits[0]

    assert first(r"ensure_tex") < first(r"^scripts/test\.sh$") < first(r"^scripts/build\.sh$")
    assert "ensure_chromium" in lines[first(r"ensure_tex")]
    assert re.search(r"^set -euo pipefail$", "\n".join(lines), re.M), ".ci/run must stop at the first failure"


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
    for script in (".ci/run", "scripts/test.sh", "scripts/build.sh", "scripts/_env.sh"):
        assert (paths.ROOT / script).is_file()
    for script in (".ci/run", "scripts/test.sh", "scripts/build.sh"):
        assert os.access(paths.ROOT / script, os.X_OK), f"{script} is not executable"
    env = (paths.ROOT / "scripts/_env.sh").read_text(encoding="utf-8")
    for function in ("ensure_venv", "ensure_tex", "ensure_chromium"):
        assert re.search(rf"^{function}\(\)", env, re.M), f"scripts/_env.sh defines no {function}"
