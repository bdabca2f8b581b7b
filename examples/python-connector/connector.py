#!/usr/bin/env python3
"""An Interflow connector in Python, standard library only.

The runner signs every call with Standard Webhooks (https://www.standardwebhooks.com):
  webhook-id, webhook-timestamp, webhook-signature: v1,<base64 HMAC-SHA256 of "id.timestamp.payload">
where the payload is the request body (or, for GET, the x-interflow-context header) and
the key is the service's signing secret (a "whsec_<base64>" secret is base64-decoded,
any other secret is used as its UTF-8 bytes). The body is the call context:
  {"deployment": {"id", "name", "connection", "credentials"}, "input": {...},
   "run": {"id", "action_id"}, "attempt": 1}
The answer's status steers the runner: 200 done, 4xx give up, 5xx retry, 429 with
Retry-After come back later.

Run:  CONNECTOR_SIGNING_SECRET=... PORT=4300 python3 connector.py
"""

import base64
import hashlib
import hmac
import json
import os
import sys
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

TOLERANCE_SECONDS = 5 * 60
MAX_BODY = 1024 * 1024

METHODS = [
    {
        "name": "greet",
        "description": "Greets someone, in the deployment's language",
        "http_method": "POST",
        "path": "/methods/greet",
        "input_schema": {
            "type": "object",
            "properties": {"name": {"type": "string", "minLength": 1}},
            "required": ["name"],
        },
    },
    {
        "name": "shout",
        "description": "Says a word loudly (a GET method: the context travels in a header)",
        "http_method": "GET",
        "path": "/methods/shout",
        "input_schema": {"type": "object", "properties": {"word": {"type": "string"}}, "required": ["word"]},
    },
]

GREETINGS = {"en": "Hello", "fr": "Bonjour", "de": "Hallo"}


def signing_key(secret):
    if secret.startswith("whsec_"):
        return base64.b64decode(secret[len("whsec_"):])
    return secret.encode("utf-8")


def verify(secret, headers, payload, now=None):
    """Returns None when the Standard Webhooks signature is valid, else the reason."""
    msg_id = headers.get("webhook-id")
    timestamp = headers.get("webhook-timestamp")
    signatures = headers.get("webhook-signature")
    if not msg_id or not timestamp or not signatures:
        return "webhook-id, webhook-timestamp and webhook-signature are required"
    if not timestamp.isdigit():
        return "webhook-timestamp must be Unix seconds"
    now = time.time() if now is None else now
    if abs(now - int(timestamp)) > TOLERANCE_SECONDS:
        return "the request timestamp is too far from now"
    signed = f"{msg_id}.{timestamp}.".encode("utf-8") + payload
    expected = base64.b64encode(hmac.new(signing_key(secret), signed, hashlib.sha256).digest()).decode("ascii")
    for entry in signatures.split(" "):
        version, _, signature = entry.partition(",")
        if version == "v1" and hmac.compare_digest(signature, expected):
            return None
    return "the signature does not match the request"


def greet(context):
    name = context["input"].get("name")
    if not isinstance(name, str) or not name:
        return 400, {"error": {"code": "validation_failed", "message": "input.name must be a non-empty string"}}
    language = context["deployment"]["connection"].get("language", "en")
    return 200, {
        "greeting": f"{GREETINGS.get(language, GREETINGS['en'])}, {name}!",
        "deployment": context["deployment"]["name"],
        "attempt": context["attempt"],
        "verified": "standard-webhooks",
    }


def shout(context):
    word = context["input"].get("word")
    if not isinstance(word, str):
        return 400, {"error": {"code": "validation_failed", "message": "input.word must be a string"}}
    return 200, {"shouted": word.upper()}


HANDLERS = {("POST", "/methods/greet"): greet, ("GET", "/methods/shout"): shout}


class ConnectorHandler(BaseHTTPRequestHandler):
    server_version = "interflow-python-connector/1"

    def do_GET(self):
        if self.path == "/healthz":
            return self.answer(200, {"status": "ok"})
        if self.path == "/methods":
            return self.answer(200, {"service": "python-greeter", "methods": METHODS})
        self.call("GET", b"")

    def do_POST(self):
        length = int(self.headers.get("content-length") or 0)
        if length > MAX_BODY:
            return self.answer(413, {"error": {"code": "too_large", "message": "the call is too large"}})
        self.call("POST", self.rfile.read(length))

    def call(self, verb, body):
        handler = HANDLERS.get((verb, self.path))
        if handler is None:
            return self.answer(404, {"error": {"code": "route_not_found", "message": f"no method at {verb} {self.path}"}})
        # GET has no body: the context travels base64url-encoded in a header, and that header is what is signed.
        payload = self.headers.get("x-interflow-context", "").encode("ascii") if verb == "GET" else body
        headers = {name.lower(): value for name, value in self.headers.items()}
        problem = verify(self.server.signing_secret, headers, payload)
        if problem is not None:
            return self.answer(401, {"error": {"code": "signature_invalid", "message": problem}})
        try:
            raw = base64.urlsafe_b64decode(payload + b"=" * (-len(payload) % 4)) if verb == "GET" else payload
            context = json.loads(raw)
        except (ValueError, UnicodeDecodeError):
            return self.answer(400, {"error": {"code": "invalid_context", "message": "the call context is not JSON"}})
        status, answer = handler(context)
        self.answer(status, answer)

    def answer(self, status, body):
        data = json.dumps(body).encode("utf-8")
        self.send_response(status)
        self.send_header("content-type", "application/json")
        self.send_header("content-length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, format, *args):
        sys.stderr.write(json.dumps({"level": "info", "message": format % args}) + "\n")


def main():
    secret = os.environ.get("CONNECTOR_SIGNING_SECRET")
    if not secret:
        sys.stderr.write("CONNECTOR_SIGNING_SECRET is required\n")
        sys.exit(2)
    port = int(os.environ.get("PORT", "4300"))
    server = ThreadingHTTPServer((os.environ.get("HOST", "127.0.0.1"), port), ConnectorHandler)
    server.signing_secret = secret
    print(json.dumps({"level": "info", "message": "python connector listening", "port": server.server_address[1]}), flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
