"""The Telnyx webhook receiver of the Telnyx docs, for benches/listen.sh: Flask, the Ed25519
signature checked with PyNaCl over `{telnyx-timestamp}|{body}`, the event parsed, 200 (403 for a
bad or missing signature, 400 for a body that is not JSON). No timestamp tolerance, as
`telhook listen --no-tolerance` in the same bench.

    TELNYX_PUBLIC_KEY=BASE64 gunicorn -w 2 -b 127.0.0.1:PORT --chdir benches/listen flask_app:app
"""

import base64
import binascii
import os

from flask import Flask, request
from nacl.exceptions import BadSignatureError
from nacl.signing import VerifyKey

VERIFY_KEY = VerifyKey(base64.b64decode(os.environ["TELNYX_PUBLIC_KEY"]))

app = Flask(__name__)


@app.post("/")
def webhook():
    body = request.get_data()
    signature = request.headers.get("telnyx-signature-ed25519", "")
    timestamp = request.headers.get("telnyx-timestamp", "")
    try:
        VERIFY_KEY.verify(timestamp.encode() + b"|" + body, base64.b64decode(signature))
    except (BadSignatureError, binascii.Error, ValueError):
        return "bad signature", 403
    event = request.get_json(silent=True)
    if not isinstance(event, dict) or "data" not in event:
        return "bad payload", 400
    return "", 200
