# Cerrando Brechas: the Telegram bot in a small image. Build: docker build -t cerrando-brechas .
FROM python:3.11-slim

# espeak-ng speaks answers as voice notes; the bot hides the "Escuchar" button when it is missing.
RUN apt-get update \
    && apt-get install -y --no-install-recommends espeak-ng=* \
    && rm -rf /var/lib/apt/lists/*

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    BOT_DATA_DIR=/data \
    BOT_CACHE_DIR=/app/cache

WORKDIR /app
COPY pyproject.toml README.md ./
COPY bot ./bot
COPY knowledge ./knowledge
COPY locales ./locales
RUN pip install --no-cache-dir -e . \
    && python -m bot i18n compile --quiet \
    && python -m bot kb check \
    && python -m bot kb cache

RUN useradd --create-home --uid 10001 bot \
    && mkdir -p /data \
    && chown bot:bot /data
USER 10001
VOLUME ["/data"]

# Webhook mode listens here when WEBHOOK_URL is set; long polling needs no open port.
EXPOSE 8443
ENTRYPOINT ["python", "-m", "bot"]
CMD ["run"]
