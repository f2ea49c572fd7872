# Cerrando Brechas: the Telegram bot in a small image. Build: docker build -t cerrando-brechas .
#
# Two stages. The builder installs the locked dependencies (requirements.lock, every file checked against
# its hash) into a virtual environment, drops what only installing needs (pip, setuptools) and the
# libraries' own test suites, compiles the language catalogs and checks the knowledge base. The final
# image copies in only those results: no pip cache, no compilers, no build stage layers.
FROM python:3.11-slim AS builder

ENV PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PATH=/opt/venv/bin:$PATH

# Dependencies first, in their own layer: a change to the code or the knowledge does not reinstall them.
# The test suites of numpy, scipy, scikit-learn... are about 75 MB that the bot never imports.
COPY requirements.lock /tmp/requirements.lock
RUN python -m venv /opt/venv \
    && pip install --no-cache-dir --require-hashes -r /tmp/requirements.lock \
    && find /opt/venv/lib -type d \( -name tests -o -name test \) -prune -exec rm -rf {} + \
    && python -m pip uninstall --yes pip setuptools

WORKDIR /app
COPY bot ./bot
COPY knowledge ./knowledge
COPY locales ./locales
# The trained matcher is built here, so the first question after a start does not wait for it.
RUN python -m bot i18n compile --quiet \
    && python -m bot kb check \
    && BOT_CACHE_DIR=/app/cache python -m bot kb cache \
    && python -m compileall -q bot

FROM python:3.11-slim

# espeak-ng speaks answers as voice notes; the bot hides the "Escuchar" button when it is missing.
RUN apt-get update \
    && apt-get install -y --no-install-recommends espeak-ng=* \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --create-home --uid 10001 bot \
    && mkdir -p /data \
    && chown bot:bot /data

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PATH=/opt/venv/bin:$PATH \
    BOT_DATA_DIR=/data \
    BOT_CACHE_DIR=/app/cache \
    BOT_HTTP_PORT=8080 \
    BOT_HTTP_LISTEN=0.0.0.0

COPY --from=builder /opt/venv /opt/venv
COPY --from=builder /app /app
WORKDIR /app
USER 10001
VOLUME ["/data"]

# 8080: /healthz and /metrics (BOT_HTTP_PORT). 8443: the webhook, when WEBHOOK_URL is set; long polling
# needs no open port.
EXPOSE 8080 8443
# No curl in the image: Python asks /healthz, and any error or a 503 makes the check fail.
HEALTHCHECK --interval=30s --timeout=10s --start-period=90s --retries=3 \
    CMD ["python", "-c", "import os, urllib.request as u; u.urlopen('http://127.0.0.1:%s/healthz' % os.environ.get('BOT_HTTP_PORT', '8080'), timeout=8)"]
ENTRYPOINT ["python", "-m", "bot"]
CMD ["run"]
