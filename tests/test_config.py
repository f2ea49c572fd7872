from __future__ import annotations

from pathlib import Path

import pytest

from bot.config import ConfigError, load_config

GOOD_TOKEN = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw"


def test_defaults_without_any_variable() -> None:
    config = load_config({})
    assert config.telegram_token is None
    assert config.data_dir == Path("data")
    assert config.log_level == "INFO"
    assert config.api_base_url is None


def test_base_url_points_ptb_at_a_self_hosted_server() -> None:
    config = load_config({"TELEGRAM_TOKEN": GOOD_TOKEN, "TELEGRAM_BASE_URL": "http://127.0.0.1:8081"})
    assert config.api_base_url == "http://127.0.0.1:8081/bot"
    assert config.api_file_url == "http://127.0.0.1:8081/file/bot"
    assert (
        load_config({"TELEGRAM_BASE_URL": "http://127.0.0.1:8081/bot/"}).api_base_url
        == "http://127.0.0.1:8081/bot"
    )


@pytest.mark.parametrize(
    ("env", "variable"),
    [
        ({"TELEGRAM_TOKEN": "not-a-token"}, "TELEGRAM_TOKEN"),
        ({"TELEGRAM_BASE_URL": "ftp://x"}, "TELEGRAM_BASE_URL"),
        ({"WEBHOOK_URL": "http://example.org/hook", "WEBHOOK_SECRET": "abc"}, "WEBHOOK_URL"),
        ({"WEBHOOK_URL": "https://example.org/hook"}, "WEBHOOK_SECRET"),
        ({"WEBHOOK_URL": "https://example.org/hook", "WEBHOOK_SECRET": "has spaces"}, "WEBHOOK_SECRET"),
        ({"BOT_LOG_LEVEL": "LOUD"}, "BOT_LOG_LEVEL"),
        ({"WEBHOOK_PORT": "abc"}, "WEBHOOK_PORT"),
        ({"BOT_SECRET": "short"}, "BOT_SECRET"),
        ({"BOT_RETENTION_DAYS": "0"}, "BOT_RETENTION_DAYS"),
    ],
)
def test_bad_values_name_the_variable(env: dict[str, str], variable: str) -> None:
    with pytest.raises(ConfigError) as error:
        load_config(env)
    assert error.value.variable == variable
    assert str(error.value).startswith(variable)


def test_webhook_settings() -> None:
    config = load_config({"WEBHOOK_URL": "https://bot.example.org/tg", "WEBHOOK_SECRET": "s3cr3t_-x"})
    assert config.webhook_url == "https://bot.example.org/tg"
    assert config.webhook_secret == "s3cr3t_-x"


def test_operations_settings_default_to_off_and_text() -> None:
    config = load_config({})
    assert config.http_port is None
    assert config.http_listen == "127.0.0.1"
    assert config.log_format == "text"
    assert config.health_poll_age == 60
    config = load_config({"BOT_HTTP_PORT": "8080", "BOT_HTTP_LISTEN": "0.0.0.0", "BOT_LOG_FORMAT": "JSON"})
    assert (config.http_port, config.http_listen, config.log_format) == (8080, "0.0.0.0", "json")


@pytest.mark.parametrize(
    ("env", "variable"),
    [
        ({"BOT_HTTP_PORT": "http"}, "BOT_HTTP_PORT"),
        ({"BOT_HTTP_PORT": "70000"}, "BOT_HTTP_PORT"),
        ({"BOT_HTTP_LISTEN": "0.0.0.0 8080"}, "BOT_HTTP_LISTEN"),
        ({"BOT_LOG_FORMAT": "xml"}, "BOT_LOG_FORMAT"),
        ({"BOT_HEALTH_POLL_AGE": "1"}, "BOT_HEALTH_POLL_AGE"),
        ({"DATABASE_URL": "mysql://db/bot"}, "DATABASE_URL"),
        (
            {
                "WEBHOOK_URL": "https://bot.example.org/tg",
                "WEBHOOK_SECRET": "abc",
                "WEBHOOK_PORT": "8443",
                "BOT_HTTP_PORT": "8443",
            },
            "BOT_HTTP_PORT",
        ),
    ],
)
def test_bad_operations_settings_name_the_variable(env: dict[str, str], variable: str) -> None:
    with pytest.raises(ConfigError) as error:
        load_config(env)
    assert error.value.variable == variable


def test_database_url_chooses_postgresql() -> None:
    assert load_config({}).database_url is None
    url = "postgresql://bot@db.internal/cerrando"
    assert load_config({"DATABASE_URL": url}).database_url == url
