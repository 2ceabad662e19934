"""Many articles in one call: `broadcast script|time|check A.txt B.txt … -o DIR/` (or a folder, or a glob).

One output per input, named after it (`A.prompter.txt`, `A.json`, `A.timing.txt`, `A.check.txt`), a
progress bar on a terminal, `--jobs N` processes. An article that fails is reported by name and the rest
go on; the command exits 1 at the end if any failed.
"""
from __future__ import annotations

import argparse
import contextlib
import glob
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Iterator

from ..errors import BroadcastError, InputError, UsageError
from ..output import Landing, check_outputs, landed_together, nothing_written, write_atomic
from ._options import read_files
from ._terminal import ours
from ._progress import progress_bar

_GLOB = frozenset("*?[")
# What a folder's files may be to count as its articles: text, markup, our JSON, and the pages and captions
# newsrooms save; a rundown (.toml) or a sound file in the folder is not an article.
ARTICLE_SUFFIXES = frozenset({".txt", ".md", ".json", ".html", ".htm", ".docx", ".srt", ".vtt"})
# An earlier batch's outputs (`A.prompter.txt`) in the same folder are not articles either.
_OUTPUT_FORMATS = frozenset({".prompter", ".script", ".markup", ".timing", ".check"})


def _is_article(path: Path) -> bool:
    suffixes = path.suffixes
    return (
        path.is_file() and not path.name.startswith(".") and path.suffix.lower() in ARTICLE_SUFFIXES
        and not (len(suffixes) > 1 and suffixes[-2] in _OUTPUT_FORMATS)
    )


def add_batch_options(parser: argparse.ArgumentParser, output_help: str) -> None:
    parser.add_argument("-o", "--output", default="-", metavar="OUT", help=output_help)
    parser.add_argument(
        "--jobs", type=int, default=1, metavar="N",
        help="with many articles: render N at a time in N processes (0: one per core); default 1",
    )


@dataclass(frozen=True)
class Job:
    """One article of a batch and what to make of it: plain values, so that a worker process gets it."""

    article: str
    options: dict[str, Any]  # pipeline.load's keyword arguments
    to: str
    template: Path | None
    checked: bool


@dataclass(frozen=True)
class Done:
    """What became of one job: the rendered text, or the one-line error that stopped it."""

    article: str
    text: str = ""
    error: str = ""
    findings: int = 0
    damage: tuple[str, ...] = ()  # lines for stderr: bytes the reader could not decode


def is_batch(names: list[str], output: str) -> bool:
    """Many articles, a folder or a glob, or an output folder (`-o DIR/`): one output per article."""
    if len(names) > 1 or output.endswith(("/", os.sep)) or (output != "-" and Path(output).is_dir()):
        return True
    name = names[0]
    return name != "-" and (Path(name).is_dir() or (bool(_GLOB & set(name)) and not Path(name).exists()))


def expand(names: Iterable[str]) -> list[Path]:
    """The articles the names stand for, in order: a file as it is, a folder's articles (by their suffix,
    not hidden, not in subfolders, not an earlier batch's outputs), a glob's matches sorted. A folder or
    glob with no article in it is a usage error."""
    found: list[Path] = []
    for name in names:
        if name == "-":
            raise UsageError("stdin (-) is one article; give files, a folder or a glob for many")
        path = Path(name)
        if path.is_dir():
            files = sorted(p for p in path.iterdir() if _is_article(p))
        elif _GLOB & set(name) and not path.exists():
            files = sorted(Path(match) for match in glob.glob(name) if Path(match).is_file())
        else:
            files = [path]  # a missing file fails as its own article, by name
        if not files:
            raise UsageError(f"{name}: no articles in it")
        found.extend(files)
    return list(dict.fromkeys(found))


def output_names(articles: list[Path], folder: Path, suffix: str) -> list[Path]:
    """`folder/STEM.SUFFIX` for each article; two articles with one stem, or an output that would be an
    input, are refused before anything is written."""
    targets = [folder / f"{article.stem}.{suffix}" for article in articles]
    seen: dict[Path, Path] = {}
    inputs = {article.resolve() for article in articles}
    for article, target in zip(articles, targets):
        if target in seen:
            raise UsageError(f"{seen[target]} and {article} would both be written to {target}; rename one")
        if target.resolve() in inputs:
            raise UsageError(f"{target} is an input; write the outputs to another folder")
        seen[target] = article
    return targets


def output_folder(output: str) -> Path | None:
    """The folder `-o` names for a batch (made if missing, its parent must exist), or None for stdout."""
    if output == "-":
        return None
    folder = Path(output)
    if folder.exists() and not folder.is_dir():
        raise UsageError(f"-o {output}: with many articles, -o names a folder (one output per article)")
    if not folder.exists():
        if not folder.parent.is_dir():
            raise InputError(f"{output}: folder {folder.parent} does not exist")
        try:
            folder.mkdir()
        except OSError as error:  # a read-only file system, no permission
            raise InputError(f"{output}: cannot make the folder ({error.strerror})") from None
    return folder


def render(job: Job) -> Done:
    """Load and render one article; its failure is returned, not raised, so the batch goes on."""
    from ..pipeline import load
    from ._options import damage

    if job.to == "page":
        from ..prompter import page  # noqa: F401  registers the format, also in a worker process that was spawned
    try:
        timed = load(job.article, checked=job.checked, **job.options)
        return Done(
            job.article, text=timed.render(to=job.to, template=job.template), findings=len(timed.story.warnings),
            damage=tuple(damage(job.article, timed.story.warnings)),
        )
    except UsageError:
        raise  # the call is wrong for every article alike: stop
    except BroadcastError as error:
        return Done(job.article, error=_named(job.article, str(error)))
    except Exception as error:  # a bug on one article must not lose the others; it is named and reported
        return Done(job.article, error=_named(job.article, f"failed ({type(error).__name__}: {error})"))


def _named(article: str, message: str) -> str:
    return message if message.startswith(article) else f"{article}: {message}"


def _results(jobs: list[Job], processes: int) -> Iterator[Done]:
    if processes <= 1 or len(jobs) <= 1:
        yield from map(render, jobs)
        return
    from concurrent.futures import ProcessPoolExecutor  # only a batch with --jobs pays for importing it

    with ProcessPoolExecutor(max_workers=min(processes, len(jobs))) as pool:
        yield from pool.map(render, jobs, chunksize=max(1, len(jobs) // (processes * 8)))


def _stage(landing: Landing, target: Path, text: str) -> None:
    try:
        landing.path(target).write_bytes(text.encode("utf-8"))
    except OSError as error:
        raise nothing_written(target, error) from None


def run_batch(
    args: argparse.Namespace, options: dict[str, Any], to: str, suffix: str, template: Path | None = None,
    checked: bool = True, strict: bool = False,
) -> int:
    """Render every article the arguments name; 1 at the end if any failed (or, `strict`, had findings)."""
    articles = expand(args.article)
    made = args.output != "-" and not Path(args.output).exists()
    folder = output_folder(args.output)
    try:
        return _run(args, articles, folder, options, to, suffix, template, checked, strict)
    except BaseException:
        if made and folder is not None:  # a folder this batch made and left empty goes too: nothing is written
            with contextlib.suppress(OSError):
                folder.rmdir()
        raise


def _run(
    args: argparse.Namespace, articles: list[Path], folder: Path | None, options: dict[str, Any], to: str, suffix: str,
    template: Path | None, checked: bool, strict: bool,
) -> int:
    targets: list[Path | None] = [None] * len(articles)
    if folder:
        targets = list(output_names(articles, folder, suffix))
        # As a single output is: never an article (a hard link counts), a template, a lexicon, a voice profile
        # or a file of the house style; and each writable, before any article is read.
        check_outputs(targets, [*articles, *read_files(args)])
    jobs = [Job(str(article), options, to, template, checked) for article in articles]
    processes = args.jobs if args.jobs > 0 else (os.cpu_count() or 1)
    progress = progress_bar() if folder else None  # printing to stdout, the texts are the progress
    failed = found = 0
    # The outputs land together at the end: a batch stopped or failing to write leaves none of them written
    # (an article that cannot be read is reported, and the others' outputs still land).
    with landed_together() as landing:
        for number, (done, target) in enumerate(zip(_results(jobs, processes), targets), start=1):
            said = [f"broadcast: {done.error}"] if done.error else list(done.damage)
            if said and progress:
                sys.stderr.write(ours("erase line"))
            for line in said:
                print(line, file=sys.stderr, flush=True)
            if done.error:
                failed += 1
            elif target is not None:
                _stage(landing, target, done.text)
            else:
                write_atomic("-", f"==> {done.article} <==\n{done.text}\n")
            found += bool(done.findings)
            if progress:
                progress(number, len(jobs), Path(done.article).name[:12])
    if failed:
        print(f"broadcast: {failed} of {len(jobs)} articles failed", file=sys.stderr)
    return 1 if failed or (strict and found) else 0
