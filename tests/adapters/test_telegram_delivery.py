"""The per-chat pacing of replies (Telegram: about 1 message a second in a chat, 20 a minute in a group)."""

from __future__ import annotations

from bot.adapters.telegram_delivery import GROUP_SPACING, PRIVATE_SPACING, Pacer


class FakeClock:
    """Time that moves only when the pacer sleeps: the test checks spacing, not the machine's speed."""

    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.now += seconds


async def _times(pacer: Pacer, clock: FakeClock, chat_id: int, count: int) -> list[float]:
    sent = []
    for _ in range(count):
        await pacer.wait(chat_id)
        sent.append(clock.now)
    return sent


async def test_a_private_chat_gets_a_burst_of_two_then_one_a_second() -> None:
    clock = FakeClock()
    sent = await _times(Pacer(clock, clock.sleep), clock, 42, 5)
    assert sent == [0.0, 0.0, PRIVATE_SPACING, 2 * PRIVATE_SPACING, 3 * PRIVATE_SPACING]


async def test_chats_do_not_wait_for_each_other_and_groups_go_slower() -> None:
    clock = FakeClock()
    pacer = Pacer(clock, clock.sleep)
    await _times(pacer, clock, 1, 4)
    before = clock.now
    await pacer.wait(2)  # another private chat is not slowed down by chat 1
    assert clock.now == before
    sent = await _times(pacer, clock, -100, 4)
    assert [round(t - before, 6) for t in sent] == [0.0, 0.0, GROUP_SPACING, 2 * GROUP_SPACING]


async def test_a_quiet_chat_gets_its_burst_back() -> None:
    clock = FakeClock()
    pacer = Pacer(clock, clock.sleep)
    await _times(pacer, clock, 7, 3)
    clock.now += 10
    start = clock.now
    sent = await _times(pacer, clock, 7, 2)
    assert sent == [start, start]
