"""The getUpdates connection, observed: each successful long poll tells /healthz that polling is alive."""

from __future__ import annotations

from telegram.request import BaseRequest, RequestData

from bot.adapters.aiohttp_request import AiohttpRequest, ODVInput
from bot.ops import metrics


class ObservedPollingRequest(AiohttpRequest):
    async def do_request(
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        read_timeout: ODVInput = BaseRequest.DEFAULT_NONE,
        write_timeout: ODVInput = BaseRequest.DEFAULT_NONE,
        connect_timeout: ODVInput = BaseRequest.DEFAULT_NONE,
        pool_timeout: ODVInput = BaseRequest.DEFAULT_NONE,
    ) -> tuple[int, bytes]:
        status, body = await super().do_request(
            url, method, request_data, read_timeout, write_timeout, connect_timeout, pool_timeout
        )
        # Only getUpdates travels on this connection (PTB's get_updates_request); 200 means ok: true.
        if status == 200:
            metrics.polled()
        return status, body
