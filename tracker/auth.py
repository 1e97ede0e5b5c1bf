"""Who may write: with a token configured, writes need `Authorization: Bearer <token>`.

Reads stay open (the same data is public in Datasette). Without a token the API
trusts whoever can reach it, which is why `tracker serve` refuses to listen
beyond the loopback interface without one.
"""
import hmac
import ipaddress

from flask import current_app, jsonify, request

READ_METHODS = {"GET", "HEAD", "OPTIONS"}


class ExposedWithoutToken(ValueError):
    pass


def is_loopback(host):
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False  # a host name: it may resolve anywhere


def check_exposure(host, token):
    """Raise ExposedWithoutToken when `host` would open the write API to the network unguarded."""
    if not token and not is_loopback(host):
        raise ExposedWithoutToken(
            f"refusing to listen on {host} without a token: set TRACKER_TOKEN, or listen on 127.0.0.1"
        )


def token_matches(provided, expected):
    """`provided` as WSGI gives header values: the bytes sent, decoded as latin-1.
    Compared in constant time, so the response time does not leak how much of a guess was right."""
    try:
        sent = provided.encode("latin-1")
    except UnicodeEncodeError:
        return False
    return hmac.compare_digest(sent, expected.encode("utf-8", "surrogateescape"))


def require_token_for_writes():
    """A before_request hook: None lets the request through, a response refuses it.
    It runs before the body is read, so an unauthenticated client cannot make us read one."""
    expected = current_app.config.get("TOKEN")
    if not expected or request.method in READ_METHODS:
        return None
    scheme, _, provided = request.headers.get("Authorization", "").partition(" ")
    if scheme.lower() == "bearer" and token_matches(provided.strip(), expected):
        return None
    response = jsonify(error="writes need the header 'Authorization: Bearer <token>' with the server's token")
    response.status_code = 401
    response.headers["WWW-Authenticate"] = 'Bearer realm="tracker"'
    return response
