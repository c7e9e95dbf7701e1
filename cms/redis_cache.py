"""Django's Redis cache, without building a new redis client for every cache call.

Django's ``RedisCacheClient.get_client`` makes a ``redis.Redis`` object per call,
and each one builds its table of response callbacks: about 0.1 ms, as much as the
round trip to Redis itself. A signed-in page makes several cache calls (session,
content generation, menu, route). A client is safe to share between threads (its
connection pool hands each command a connection), so one per pool is kept.
"""

from django.core.cache.backends import redis as django_redis


class RedisCacheClient(django_redis.RedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients[id(pool)] = self._client(connection_pool=pool)
        return client


class RedisCache(django_redis.RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = RedisCacheClient
