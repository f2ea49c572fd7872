"""The conversation core: one event and the user's state in, the replies and the new state out.

Everything the bot says is decided here; the Telegram and terminal adapters only translate.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
import traceback
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from urllib.parse import urlparse

from bot.content_i18n import ContentTranslations
from bot.core import flows as flow_engine
from bot.core import handoff, menus, texts
from bot.core.callbacks import Action, Callback, cb, parse
from bot.core.counters import tag
from bot.core.events import ChatKind, Event, EventKind, Media
from bot.core.replies import Audio, Button, Outcome, Reply, fit
from bot.core.result_text import render_result
from bot.core.state import UserState
from bot.formatting import date_long
from bot.i18n import LANGUAGES, Gettext, Translator
from bot.knowledge.model import Entry, KnowledgeBase
from bot.knowledge.render import render
from bot.matching.language_guess import LanguageGuesser
from bot.matching.matcher import Band, LazyMatcher, Matcher, MatchResult
from bot.matching.normalize import fold
from bot.privacy import PendingShares, scrub
from bot.rules.result import Result

log = logging.getLogger(__name__)

COMMANDS = (
    "start",
    "ayuda",
    "temas",
    "calcular",
    "empleador",
    "idioma",
    "privacidad",
    "borrar",
    "salir",
    "cancelar",
)
EMPLOYER_CARD = "tarjeta-empleador"
OFFICIAL_SUFFIXES = (".gob.mx", "gob.mx", ".ilo.org", "ilo.org")
OFFICIAL_HOSTS = {"conciliacionlaboral.org.mx", "onu.org.mx"}


@dataclass
class Conversation:
    kb: KnowledgeBase
    matcher: Matcher | LazyMatcher
    translator: Translator = field(default_factory=Translator)
    flows: Mapping[str, flow_engine.Flow] = field(default_factory=dict)
    bot_username: str | None = None
    voice_available: bool = False  # espeak-ng is installed: offer "Escuchar" and speak voice-note replies
    content: ContentTranslations = field(default_factory=ContentTranslations)
    language_matchers: Mapping[str, Matcher | LazyMatcher] = field(default_factory=dict)  # per language
    guesser: LanguageGuesser | None = None
    # Unanswered questions waiting for the user's yes/no to share them: in memory only, never stored.
    pending_shares: PendingShares = field(default_factory=lambda: PendingShares())

    def __post_init__(self) -> None:
        signals = self.kb.synonyms.get("senales_urgentes", {})
        self._urgent_signals = [
            (re.compile(rf"\b{re.escape(fold(phrase))}\b"), entry_id)
            for phrase, entry_id in sorted(signals.items(), key=lambda kv: -len(kv[0]))
            if entry_id in self.kb.entries
        ]

    def warm_up(self) -> None:
        """Build what is built on first use, so the first users after a start do not wait for it."""
        self.matcher.match("aguinaldo")  # first: on a first start this trains the Spanish matcher
        if self.guesser is not None:
            self.guesser.guess("warm up the language profiles")
        for matcher in self.language_matchers.values():
            matcher.match("aguinaldo")

    # ------------------------------------------------------------------ entry point
    def handle(self, event: Event, state: UserState) -> tuple[Outcome, UserState]:
        """Never raises for any input: an internal error becomes a kind apology and the state is kept."""
        try:
            outcome, new_state = self._dispatch(event, state)
            return self._tag_counters(outcome, new_state, event), new_state
        except Exception as exc:
            # Type and frames only: an exception's message can quote what the user wrote.
            frames = "".join(traceback.format_tb(exc.__traceback__))
            log.error("core error %s on %s event\n%s", type(exc).__name__, event.kind.value, frames)
            _ = self.translator.gettext(state.lang)
            text = _("Perdón, algo falló de mi lado. Intenta de nuevo o toca un tema.")
            return Outcome((Reply(text, menus.topic_buttons(self.kb, _)),)), state

    def _tag_counters(self, outcome: Outcome, state: UserState, event: Event) -> Outcome:
        """Add the language and the organization code to each counter key (see bot/core/counters.py)."""
        if not outcome.counters or event.chat is ChatKind.GROUP:
            return outcome
        organization = self.kb.organization(state.org) if state.org else None
        org = organization.code if organization else None
        return replace(outcome, counters=tuple(tag(c, state.lang, org) for c in outcome.counters))

    def _dispatch(self, event: Event, state: UserState) -> tuple[Outcome, UserState]:
        if event.chat is ChatKind.GROUP:
            return self._group(event, state), state
        _ = self.translator.gettext(state.lang)
        if event.kind is EventKind.COMMAND:
            return self._command(event, state, _)
        if event.kind is EventKind.BUTTON:
            return self._button(event, state, _)
        if event.kind is EventKind.MEDIA:
            return self._media(event, state, _), state
        return self._text(event, state, _)

    # ------------------------------------------------------------------ groups
    def _group(self, event: Event, state: UserState) -> Outcome:
        if not event.addressed:
            return Outcome(())
        _ = self.translator.gettext(state.lang)
        text = _(
            "Hola. Para cuidar tu privacidad, solo contesto preguntas en un chat privado conmigo. "
            "Ahí nadie más ve lo que preguntas."
        )
        buttons: tuple[tuple[Button, ...], ...] = ()
        if self.bot_username:
            buttons = ((Button(_("Abrir chat privado"), url=f"https://t.me/{self.bot_username}"),),)
        return Outcome((Reply(text, buttons),))

    # ------------------------------------------------------------------ commands
    def _command(self, event: Event, state: UserState, _: Gettext) -> tuple[Outcome, UserState]:
        name = event.command
        if name == "start":
            return self._start(event.text.strip(), event, state)
        if name == "ayuda":
            return Outcome((texts.help_reply(self.kb, _),)), state
        if name == "temas":
            return Outcome((menus.topics(self.kb, _),)), state
        if name == "calcular":
            return Outcome((menus.calculators(self.kb, self.flows, _),)), state
        if name == "empleador":
            return self._show_entry(EMPLOYER_CARD, state, event), state
        if name == "idioma":
            return Outcome((menus.language_menu(self.translator.languages, _),)), state
        if name == "privacidad":
            return Outcome((texts.privacy_reply(_),)), state
        if name == "borrar":
            return self._forget(state)
        if name == "salir":
            return Outcome((Reply(_("Listo.")),), wipe_chat=True), state
        if name == "cancelar":
            return self._cancel_flow(state, _)
        text = _("No conozco ese comando.") + "\n\n" + texts.help_body(_)
        return Outcome((Reply(text, menus.topic_buttons(self.kb, _)),)), state

    def _start(self, payload: str, event: Event, state: UserState) -> tuple[Outcome, UserState]:
        replies: list[Reply] = []
        counters = ["start"]
        payload = payload.lower()
        if payload.startswith("lang-") and payload[5:] in self.translator.languages:
            state.lang, state.lang_chosen = payload[5:], True
        elif not state.lang_chosen and event.language_hint:
            hint = event.language_hint.split("-")[0].lower()
            if hint in self.translator.languages:
                state.lang = hint
        _ = self.translator.gettext(state.lang)
        first_time = not state.welcomed
        state.welcomed = True
        organization = None
        if payload and not payload.startswith(("lang-", "tema-")):
            organization = self.kb.organization(payload)
            if organization is not None:
                state.org = organization.code
                counters.append("llegada")
        replies.append(texts.welcome(self.kb, _, first_time, organization))
        if payload.startswith("tema-"):
            topic = payload[5:]
            if topic in self.kb.entries:
                replies.extend(self._show_entry(topic, state, event).replies)
                counters.append(f"deeplink:tema-{topic}")
            elif self.kb.area(topic):
                replies.append(menus.area(self.kb, topic, _))
                counters.append(f"deeplink:tema-{topic}")
        return Outcome(tuple(replies), counters=tuple(counters)), state

    # ------------------------------------------------------------------ privacy

    def _forget(self, state: UserState) -> tuple[Outcome, UserState]:
        _ = self.translator.gettext(state.lang)
        # Neutral wording on purpose: someone else may read the screen.
        return Outcome((Reply(_("Listo.")),), forget_user=True, wipe_chat=True), UserState()

    # ------------------------------------------------------------------ menus

    # ------------------------------------------------------------------ buttons
    def _button(self, event: Event, state: UserState, _: Gettext) -> tuple[Outcome, UserState]:
        callback = parse(event.data)
        if callback is None:
            return Outcome((menus.stale_button(self.kb, _),)), state
        action, arg = callback.action, callback.arg
        if action is Action.MENU:
            return Outcome((texts.welcome(self.kb, _, first_time=False),)), state
        if action is Action.TOPICS:
            return Outcome((menus.area(self.kb, arg, _) if arg else menus.topics(self.kb, _),)), state
        if action is Action.ANSWER:
            if arg not in self.kb.entries:
                return Outcome((menus.stale_button(self.kb, _),)), state
            return self._show_entry(arg, state, event), state
        if action is Action.LANGUAGE:
            return self._set_language(arg, state)
        if action is Action.HELP:
            return handoff.human_help(self.kb, arg, state, _), state
        if action is Action.PRIVACY:
            return Outcome((texts.privacy_reply(_),)), state
        if action is Action.FORGET:
            return self._forget(state)
        if action is Action.EMPLOYER:
            return self._show_entry(EMPLOYER_CARD, state, event), state
        if action is Action.CALCULATE:
            if not arg:
                return Outcome((menus.calculators(self.kb, self.flows, _),)), state
            return self._start_flow(arg, state, event, _)
        if action in (Action.FLOW, Action.FLOW_BACK, Action.FLOW_CANCEL):
            return self._flow_button(callback, state, event, _)
        if action is Action.NONE_OF_THESE:
            return Outcome((menus.dont_know(self.kb, _),)), state
        if action is Action.SHARE:
            return self._share(arg, event, _), state
        if action is Action.SPANISH:
            if arg not in self.kb.entries:
                return Outcome((menus.stale_button(self.kb, _),)), state
            return self._show_entry(arg, state, event, spanish=True), state
        if action is Action.LISTEN:
            return Outcome((self._listen(arg, state, event, _),)), state
        return Outcome((menus.stale_button(self.kb, _),)), state

    def _listen(self, entry_id: str, state: UserState, event: Event, _: Gettext) -> Reply:
        entry = self.kb.entries.get(entry_id)
        if entry is None or not self.voice_available:
            return menus.stale_button(self.kb, _)
        translated = self.content.get(state.lang, entry.id) if state.lang != "es" else None
        spoken = spoken_text(render(self.kb, translated.answer if translated else entry.answer, event.today))
        caption = "🔊 " + (translated.title if translated else entry.title)
        if state.lang != "es":
            # No speech voice exists for these languages: say which voice reads, and in which language.
            caption += "\n" + (
                _("Lo lee una voz en español, con la traducción en borrador.")
                if translated
                else _("Esta respuesta todavía no está en tu idioma: la escuchas en español.")
            )
        return Reply(caption, audio=Audio(spoken, state.lang, f"{entry.id}.{state.lang}"))

    def _set_language(self, code: str, state: UserState) -> tuple[Outcome, UserState]:
        if not code:
            return Outcome(
                (menus.language_menu(self.translator.languages, self.translator.gettext(state.lang)),)
            ), state
        if code not in self.translator.languages:
            return Outcome((menus.stale_button(self.kb, self.translator.gettext(state.lang)),)), state
        state.lang, state.lang_chosen = code, True
        _ = self.translator.gettext(code)
        if code == "es":
            text = _("Listo, te contesto en español.")
        elif self.translator.reviewed(code):
            text = _("Listo. Te contesto en tu idioma donde ya hay traducción; lo demás sigue en español.")
        else:
            # Never present a draft as reviewed: the note is in Spanish too, so anyone can read it.
            text = (
                _("Listo. Te contesto en tu idioma donde ya hay traducción; lo demás sigue en español.")
                + "\n\n"
                + "📝 "
                + _("Esta traducción es un borrador: todavía no la revisa una persona hablante.")
                + "\n("
                + "Traducción en borrador, sin revisar. Puedes volver al español con /idioma."
                + ")"
            )
        return Outcome((Reply(text, menus.topic_buttons(self.kb, _)),), counters=(f"idioma:{code}",)), state

    # ------------------------------------------------------------------ answers
    def _entry_reply(self, entry: Entry, state: UserState, today: dt.date, spanish: bool = False) -> Reply:
        _ = self.translator.gettext(state.lang)
        translated = None if spanish or state.lang == "es" else self.content.get(state.lang, entry.id)
        body = render(self.kb, translated.answer if translated else entry.answer, today)
        if translated and not translated.reviewed:
            # Never present a draft as reviewed; the Spanish original is one tap away.
            body += "\n\n📝 " + _(
                "Traducción en borrador, todavía sin revisar. Toca «Ver en español» para el original."
            )
        elif translated:
            body += "\n\n✅ " + _("Traducción revisada por {who} ({when}).").format(
                who=translated.reviewed_by, when=translated.reviewed_on
            )
        elif state.lang != "es" and not spanish:
            body = (
                "🌐 "
                + _("Esta respuesta todavía no está en tu idioma; aquí está en español.")
                + "\n\n"
                + body
            )
        basis = ", ".join(entry.legal_basis)
        footer = _("📌 Base legal: {basis}. Vigente desde {since}. Revisado: {reviewed}.").format(
            basis=basis, since=_date(entry.in_force_since), reviewed=_date(entry.reviewed)
        )
        source = ""
        if entry.sources:
            url = entry.sources[0].url
            label = _("🔗 Fuente oficial: {url}") if is_official(url) else _("🔗 Fuente: {url}")
            source = label.format(url=url)
        parts = [body]
        if entry.not_verified:
            parts.append("⚠️ " + entry.not_verified)
        parts.append(footer + ("\n" + source if source else ""))
        text = "\n\n".join(parts)
        rows: list[tuple[Button, ...]] = []
        if translated:
            rows.append((Button("🇲🇽 " + _("Ver en español"), cb(Action.SPANISH, entry.id)),))
        if self.voice_available:
            rows.append((Button("🔊 " + _("Escuchar"), cb(Action.LISTEN, entry.id)),))
        if entry.calculator and entry.calculator in self.flows:
            flow = self.flows[entry.calculator]
            rows.append((Button("🧮 " + _(flow.title), cb(Action.CALCULATE, flow.name)),))
        related = [r for r in entry.related if r in self.kb.entries][:3]
        rows.extend((Button("➡️ " + self.kb.entries[r].title, cb(Action.ANSWER, r)),) for r in related)
        if "hogar" in entry.audience and entry.id != EMPLOYER_CARD and EMPLOYER_CARD in self.kb.entries:
            rows.append((Button("📄 " + _("Tarjeta para tu empleadora"), cb(Action.EMPLOYER)),))
        rows.append(
            (
                Button("📚 " + _("Temas"), cb(Action.TOPICS)),
                Button("🤝 " + _("Hablar con una persona"), cb(Action.HELP)),
            )
        )
        return Reply(fit(text), tuple(rows), forwardable=entry.id == EMPLOYER_CARD)

    def _show_entry(self, entry_id: str, state: UserState, event: Event, spanish: bool = False) -> Outcome:
        entry = self.kb.entries.get(entry_id)
        _ = self.translator.gettext(state.lang)
        if entry is None:
            return Outcome((Reply(_("Todavía no tengo esa información."), menus.topic_buttons(self.kb, _)),))
        return Outcome(
            (self._entry_reply(entry, state, event.today, spanish),),
            counters=(f"tema:{entry.area}:{entry.id}",),
        )

    # ------------------------------------------------------------------ talk to a person

    # ------------------------------------------------------------------ free text
    def _text(self, event: Event, state: UserState, _: Gettext) -> tuple[Outcome, UserState]:
        text = event.text.strip()
        if not text:
            return Outcome(
                (Reply(_("Escribe tu pregunta o toca un tema."), menus.topic_buttons(self.kb, _)),)
            ), state
        if state.flow is not None:
            return self._flow_text(text, state, event, _)
        small_talk = self.kb.synonyms.get("charla", {}).get(fold(text))
        if small_talk:
            return Outcome((self._small_talk(small_talk, _),)), state
        in_language = self._match_in_language(text, state, event, _)
        if in_language is not None:
            return in_language, state
        result = self.matcher.match(text)
        started = self._prefilled_flow(text, result, state, event, _)
        if started is not None:
            return started, state
        outcome = self._answer_match(result, state, event, _)
        if result.band is Band.UNKNOWN and event.user:
            self.pending_shares.put(event.user, text, event.at.timestamp())
            outcome = Outcome((*outcome.replies, self._ask_to_share(_)), counters=outcome.counters)
        urgent = self._urgent(text, result)
        if urgent and not (result.band is Band.ANSWER and result.best and result.best.entry_id == urgent):
            outcome = Outcome(
                (self._urgent_first(urgent, event, _), *outcome.replies), counters=outcome.counters
            )
        return outcome, state

    def _match_in_language(self, text: str, state: UserState, event: Event, _: Gettext) -> Outcome | None:
        """A question typed in the user's language (or in another supported one, which we then offer)."""
        guessed = self.guesser.guess(text) if self.guesser and state.lang == "es" else None
        lang = state.lang if state.lang != "es" else guessed
        matcher = self.language_matchers.get(lang or "")
        result = matcher.match(text) if matcher else None
        answer: tuple[Reply, ...] = ()
        if result is not None and result.band is Band.ANSWER and result.best:
            shown = UserState(lang=lang or state.lang)
            answer = (self._entry_reply(self.kb.entries[result.best.entry_id], shown, event.today),)
        if guessed and guessed in LANGUAGES:
            language = LANGUAGES[guessed]
            offer = Reply(
                _("¿Quieres que te conteste en {language}?").format(language=language.button),
                (
                    (
                        Button(_("Sí"), cb(Action.LANGUAGE, guessed)),
                        Button(_("No, en español"), cb(Action.LANGUAGE, "es")),
                    ),
                ),
            )
            return Outcome((offer, *answer), counters=(f"idioma-detectado:{guessed}",))
        if answer:
            assert result is not None and result.best is not None
            entry = self.kb.entries[result.best.entry_id]
            return Outcome(answer, counters=(f"tema:{entry.area}:{entry.id}",))
        return None

    def _urgent(self, text: str, result: MatchResult) -> str | None:
        """An urgent entry when the words show danger, or when the matcher sees one among its candidates."""
        folded = fold(text)
        for pattern, entry_id in self._urgent_signals:
            if pattern.search(folded):
                return entry_id
        if result.band is Band.UNKNOWN or result.best is None:
            return None
        # The best candidate, or one nearly as likely: a danger is worth showing even when unsure, but not
        # when another entry clearly fits better ("me quiero salir de la casa" is usually resigning).
        close = result.best.decision - self.matcher.thresholds.margin
        for candidate in result.candidates:
            entry = self.kb.entries.get(candidate.entry_id)
            if entry and entry.urgent and candidate.decision >= close:
                return entry.id
        return None

    def _urgent_first(self, entry_id: str, event: Event, _: Gettext) -> Reply:
        entry = self.kb.entries[entry_id]
        first = render(self.kb, entry.answer, event.today).strip().split("\n", 1)[0]
        return Reply("🚨 " + first, ((Button("🚨 " + entry.title, cb(Action.ANSWER, entry.id)),),))

    def _ask_to_share(self, _: Gettext) -> Reply:
        text = _(
            "¿Me dejas guardar tu pregunta para mejorar el bot? Le quito números, nombres y datos "
            "personales, no guardo quién la hizo y se borra en 30 días."
        )
        buttons = (
            (Button(_("Sí, compártela"), cb(Action.SHARE, "y")), Button(_("No"), cb(Action.SHARE, "n"))),
        )
        return Reply(text, buttons)

    def _share(self, answer: str, event: Event, _: Gettext) -> Outcome:
        question = self.pending_shares.pop(event.user, event.at.timestamp())
        if answer != "y":
            return Outcome((Reply(_("Está bien, no la guardo."), menus.topic_buttons(self.kb, _)),))
        if question is None:
            return Outcome(
                (
                    Reply(
                        _("Ya no tengo esa pregunta. Si quieres, escríbela de nuevo."),
                        menus.topic_buttons(self.kb, _),
                    ),
                )
            )
        scrubbed = scrub(question)
        return Outcome(
            (Reply(_("Gracias. La guardé sin datos personales."), menus.topic_buttons(self.kb, _)),),
            shared_question=scrubbed,
        )

    def _small_talk(self, intent: str, _: Gettext) -> Reply:
        if intent == "gracias":
            return Reply(
                _("¡Con gusto! Si tienes otra pregunta, aquí estoy."), menus.topic_buttons(self.kb, _)
            )
        if intent == "adios":
            return Reply(_("¡Cuídate! Aquí estaré cuando me necesites."))
        return texts.welcome(self.kb, _, first_time=False)

    def _answer_match(self, result: MatchResult, state: UserState, event: Event, _: Gettext) -> Outcome:
        if result.band is Band.ANSWER and result.best:
            return self._show_entry(result.best.entry_id, state, event)
        if result.band is Band.ASK:
            rows = [
                (Button(self.kb.entries[c.entry_id].title, cb(Action.ANSWER, c.entry_id)),)
                for c in result.candidates
                if c.entry_id in self.kb.entries
            ]
            rows.append((Button(_("Ninguna de estas"), cb(Action.NONE_OF_THESE)),))
            return Outcome((Reply(_("¿Quisiste decir...?"), tuple(rows)),), counters=("duda",))
        return Outcome((menus.dont_know(self.kb, _),), counters=("sin-respuesta",))

    # ------------------------------------------------------------------ media
    def _media(self, event: Event, state: UserState, _: Gettext) -> Outcome:
        if event.media is Media.VOICE or event.media is Media.AUDIO or event.media is Media.VIDEO_NOTE:
            text = _(
                "Todavía no puedo escuchar notas de voz. Escribe tu pregunta con pocas palabras, "
                "o toca un tema:"
            )
        elif event.media is Media.LOCATION or event.media is Media.CONTACT:
            text = _(
                "No necesito tu ubicación ni tus contactos, y no los guardo. "
                "Escribe tu pregunta o toca un tema:"
            )
        else:
            text = _("Solo puedo leer mensajes de texto. Escribe tu pregunta o toca un tema:")
        audio = None
        if self.voice_available and event.media in (Media.VOICE, Media.AUDIO, Media.VIDEO_NOTE):
            # Someone who sends a voice note may read little: say it aloud too.
            audio = Audio(spoken_text(text), state.lang, f"no-escucho.{state.lang}")
        return Outcome((Reply(text, menus.topic_buttons(self.kb, _), audio=audio),))

    # ------------------------------------------------------------------ flows
    def _start_flow(self, name: str, state: UserState, event: Event, _: Gettext) -> tuple[Outcome, UserState]:
        flow = self.flows.get(name)
        if flow is None:
            return Outcome((menus.stale_button(self.kb, _),)), state
        state.flow = flow_engine.start(flow)
        intro = Reply(_(flow.intro))
        return self._flow_next(flow, state, event, _, lead=(intro,))

    def _prefilled_flow(
        self, text: str, result: MatchResult, state: UserState, event: Event, _: Gettext
    ) -> Outcome | None:
        """A question that already carries its numbers ("gano 300 diarios y trabajé todo el año, ¿cuánto es
        mi aguinaldo?") starts the calculator of the entry it is about with what was said, and asks only
        what is missing (or answers at once). Numbers are taken out for matching: they only add noise."""
        if not any(ch.isdigit() for ch in text) or self._urgent(text, result):
            return None
        words = self.matcher.match(re.sub(r"\$?\d[\d.,]*", " ", text))
        match = next((r for r in (words, result) if r.band is not Band.UNKNOWN and r.best), None)
        entry = self.kb.entries.get(match.best.entry_id) if match and match.best else None
        flow = self.flows.get(entry.calculator or "") if entry and not entry.urgent else None
        if flow is None or flow.prefill is None:
            return None
        answers, _problems = flow_engine.fill(flow, flow.prefill(text), event.today)
        if not answers:
            return None
        state.flow = flow_engine.start(flow, answers)
        understood = "\n".join(
            f"• {_(q.label or q.prompt)}: {flow_engine.shown_value(q, answers[q.id], _)}"
            for q in flow.questions
            if q.id in answers
        )
        lead = Reply(_(flow.intro) + "\n\n" + _("Con lo que me dijiste, anoté:") + "\n" + understood)
        outcome, _state = self._flow_next(flow, state, event, _, lead=(lead,))
        return outcome

    def _flow_text(self, text: str, state: UserState, event: Event, _: Gettext) -> tuple[Outcome, UserState]:
        assert state.flow is not None
        flow = self.flows.get(state.flow.name)
        if flow is None:
            state.flow = None
            return Outcome((menus.stale_button(self.kb, _),)), state
        return self._flow_answer(flow, text, state, event, _)

    def _flow_button(
        self, callback: Callback, state: UserState, event: Event, _: Gettext
    ) -> tuple[Outcome, UserState]:
        if state.flow is None or (flow := self.flows.get(state.flow.name)) is None:
            state.flow = None
            return Outcome((menus.stale_button(self.kb, _),)), state
        if callback.action is Action.FLOW_CANCEL:
            return self._cancel_flow(state, _)
        if callback.action is Action.FLOW_BACK:
            flow_engine.back(flow, state.flow)
            return self._flow_next(flow, state, event, _)
        step, _sep, value = callback.arg.partition(".")
        if step != state.flow.step:  # a button of an earlier question: ignore it, repeat the current one
            return self._flow_next(flow, state, event, _)
        return self._flow_answer(flow, value, state, event, _)

    def _flow_answer(
        self, flow: flow_engine.Flow, raw: str, state: UserState, event: Event, _: Gettext
    ) -> tuple[Outcome, UserState]:
        assert state.flow is not None
        try:
            flow_engine.answer(flow, state.flow, raw[:200], event.today)
        except flow_engine.Invalid as problem:
            return self._flow_next(flow, state, event, _, error=_(problem.message).format(**problem.params))
        return self._flow_next(flow, state, event, _)

    def _flow_next(
        self,
        flow: flow_engine.Flow,
        state: UserState,
        event: Event,
        _: Gettext,
        error: str = "",
        lead: tuple[Reply, ...] = (),
    ) -> tuple[Outcome, UserState]:
        assert state.flow is not None
        question = flow_engine.next_question(flow, state.flow)
        if question is None:
            result = flow.evaluate(state.flow.answers, event.today, self.kb)
            state.flow = None
            reply = self._result_reply(result, flow, _)
            return Outcome((*lead, reply), counters=(f"calculo:{flow.name}",)), state
        text = _(question.prompt)
        if question.hint:
            text += "\n" + _(question.hint)
        if error:
            text = "⚠️ " + error + "\n\n" + text
        rows: list[tuple[Button, ...]] = [
            (Button(_(o.label), cb(Action.FLOW, f"{question.id}.{o.value}")),) for o in question.options
        ]
        controls = [Button("❌ " + _("Salir del cálculo"), cb(Action.FLOW_CANCEL))]
        if state.flow.history:
            controls.insert(0, Button("⬅️ " + _("Atrás"), cb(Action.FLOW_BACK)))
        rows.append(tuple(controls))
        return Outcome((*lead, Reply(text, tuple(rows)))), state

    def _cancel_flow(self, state: UserState, _: Gettext) -> tuple[Outcome, UserState]:
        had_flow = state.flow is not None
        state.flow = None
        text = _("Listo, dejé el cálculo.") if had_flow else _("No hay nada que cancelar.")
        return Outcome(
            (Reply(text + " " + _("¿Qué quieres hacer?"), menus.topic_buttons(self.kb, _)),)
        ), state

    def _result_reply(self, result: Result, flow: flow_engine.Flow, _: Gettext) -> Reply:
        rows: list[tuple[Button, ...]] = [
            (Button("🔁 " + _("Calcular otra vez"), cb(Action.CALCULATE, flow.name)),)
        ]
        entry_id = result.related_entry or flow.entry_id
        if entry_id and entry_id in self.kb.entries:
            rows.append((Button("📖 " + self.kb.entries[entry_id].title, cb(Action.ANSWER, entry_id)),))
        rows.append((Button("🤝 " + _("Hablar con una persona"), cb(Action.HELP)),))
        return Reply(fit(render_result(result, _)), tuple(rows))


def _date(day: dt.date) -> str:
    return date_long(day)


def is_official(url: str) -> bool:
    """Government and international bodies' sites; a newspaper is a source but not an official one."""
    host = (urlparse(url).hostname or "").removeprefix("www.")
    return host.endswith(OFFICIAL_SUFFIXES) or host in OFFICIAL_HOSTS


_URL_RE = re.compile(r"(https?://|www\.)\S+")


def spoken_text(text: str) -> str:
    """What a voice reads: no links spelt out letter by letter, no bullet symbols."""
    text = _URL_RE.sub("", text).replace("•", ",").replace("📌", "").replace("🔗", "")
    return " ".join(text.split())


__all__ = ["COMMANDS", "Conversation"]
