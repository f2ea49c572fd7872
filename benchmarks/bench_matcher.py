"""Matcher latency (p50/p99) for typical and 4,096-character questions, on the real knowledge base and on a
synthetic one ten times larger; whole-message understanding (bot/understanding) for a question, a story
and a 4,096-character story; build time and memory as the knowledge grows (1x, 2x, 4x, 8x entries); and
the resident memory of a loaded bot core.

    .venv/bin/python -m benchmarks.bench_matcher
Targets (issues 4 and 18): p99 <= 5 ms typical, <= 20 ms at 4,096 characters, on the real knowledge base.
The machine's other load shows in p99: run it on a quiet machine.
"""

from __future__ import annotations

import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable

from bot.app import build_conversation, build_matcher
from bot.knowledge.loader import load_knowledge_strict
from bot.knowledge.model import KnowledgeBase
from bot.matching.matcher import Matcher
from bot.matching.normalize import Normalizer
from bot.understanding import Understander

TYPICAL = [
    "mi patrona dice q no me toca aginaldo xq solo voy 2 dias",
    "me corrieron de la casa donde trabajaba y no me quieren pagar nada",
    "cuantas semanas necesito para pensionarme",
    "en el rancho nos pagan con vales de la tienda, se puede?",
    "me tienen que dar seguro si trabajo en 3 casas",
    "la señora no me deja salir los domingos",
    "q es el ceci",
    "receta de pozole rojo",
]
STORY = (
    "Trabajo de planta con una familia desde hace 6 años. Entro a las 6 de la mañana y termino a las 11 "
    "de la noche, no tengo día de descanso y nunca me han dado vacaciones. "
    "La señora me dijo que ya no vaya, no me pagó la quincena "
    "y cuando le reclamé me empujó y me jaló del cabello. "
)
SYLLABLES = ["ma", "pe", "ti", "lo", "su", "ra", "ne", "ca", "do", "vi", "ga", "re", "so", "mu"]


def timed(fn: Callable[[], object], repeat: int) -> list[float]:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return times


def report(label: str, times: list[float]) -> None:
    times.sort()
    p50 = statistics.median(times)
    p99 = times[min(len(times) - 1, int(len(times) * 0.99))]
    print(f"{label:<44} p50 {p50:6.2f} ms   p99 {p99:6.2f} ms   (n={len(times)})")


def long_question(rng: random.Random) -> str:
    words = []
    while sum(len(w) + 1 for w in words) < 4096:
        words.append(rng.choice(rng.choice(TYPICAL).split()))
    return " ".join(words)[:4096]


def synthetic_matcher(kb: KnowledgeBase, factor: int, rng: random.Random) -> Matcher:
    """Every entry copied `factor` times with made-up words, so vocabulary and size grow like real content."""
    phrasings = []
    for copy in range(factor):
        for entry in kb.entries.values():
            tag = "".join(rng.choice(SYLLABLES) for _ in range(3))
            for text in (entry.title, *entry.phrasings):
                phrasings.append((f"{entry.id}-{copy}", f"{text} {tag}"))
    return Matcher(phrasings, Normalizer.from_tables(kb.synonyms))


def resident_mb() -> float:
    """Current resident memory (Linux /proc); falls back to the peak where /proc is missing."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


CACHED_START = """
import sys
from pathlib import Path
from bot.app import build_conversation
from benchmarks.bench_matcher import resident_mb
build_conversation(cache_dir=Path(sys.argv[1])).warm_up()
print(f"{resident_mb():.0f}")
"""


def cached_start_mb() -> str:
    """Resident memory of a bot core started from the matcher cache, as a restarted bot runs: training
    (scikit-learn, scipy) happens only when the cache is missing."""
    with tempfile.TemporaryDirectory() as cache:
        for _ in range(2):  # the first run fills the cache, the second starts from it
            done = subprocess.run(
                [sys.executable, "-c", CACHED_START, cache], capture_output=True, text=True, check=True
            )
    return done.stdout.strip()


GROWTH = """
import random, sys, time
from benchmarks.bench_matcher import resident_mb, synthetic_matcher
from bot.knowledge.loader import load_knowledge_strict
kb = load_knowledge_strict()
before = resident_mb()
start = time.perf_counter()
matcher = synthetic_matcher(kb, int(sys.argv[1]), random.Random(7))
print(f"{len(matcher.entry_ids)} {time.perf_counter() - start:.1f} {resident_mb() - before:.0f}")
"""


def growth() -> None:
    """Build time and the memory a built matcher holds, as the knowledge base grows; each size in its own
    process, so one size's memory does not hide the next one's."""
    for factor in (1, 2, 4, 8):
        done = subprocess.run(
            [sys.executable, "-c", GROWTH, str(factor)], capture_output=True, text=True, check=True
        )
        entries, seconds, megabytes = done.stdout.split()
        print(f"growth {factor}x: {entries:>5} entries, built in {seconds:>6} s, +{megabytes:>5} MB resident")


def understanding(kb: KnowledgeBase, matcher: Matcher, rng: random.Random) -> None:
    understander = Understander(kb, matcher)
    story_4096 = (STORY * 40)[:4096]
    report("understand: typical question", timed(lambda: understander.understand(rng.choice(TYPICAL)), 2000))
    report("understand: story (~330 characters)", timed(lambda: understander.understand(STORY), 500))
    report("understand: 4,096-character story", timed(lambda: understander.understand(story_4096), 100))


def main() -> int:
    rng = random.Random(7)
    print(f"resident memory of the bot core started from the matcher cache: {cached_start_mb()} MB")
    before = resident_mb()
    build_conversation().warm_up()  # builds the matcher, which is otherwise built on first use
    print(
        f"resident memory of the bot core right after building the matcher: {resident_mb():.0f} MB "
        f"(interpreter and libraries before loading: {before:.0f} MB)"
    )
    kb = load_knowledge_strict()
    start = time.perf_counter()
    real = build_matcher(kb)
    built_ms = (time.perf_counter() - start) * 1000
    print(f"knowledge: {len(kb.entries)} entries; matcher built in {built_ms:.0f} ms")
    big = synthetic_matcher(kb, 10, rng)
    print(f"synthetic: {len(big.entry_ids)} entries (10x)")
    longs = [long_question(rng) for _ in range(20)]
    for name, matcher in (("real", real), ("synthetic 10x", big)):
        report(f"{name}: typical question", timed(lambda m=matcher: m.match(rng.choice(TYPICAL)), 2000))
        report(f"{name}: 4,096 characters", timed(lambda m=matcher: m.match(rng.choice(longs)), 500))
    print(f"resident memory with the 10x synthetic matcher also loaded: {resident_mb():.0f} MB")
    del big
    understanding(kb, real, rng)
    growth()
    return 0


if __name__ == "__main__":
    sys.exit(main())
