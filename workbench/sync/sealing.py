"""The team key: entries travel encrypted and authenticated, so the share holds no personal data.

Note texts hold health details and CPR numbers; the shared folder and the hub are reachable
by far more people than the team. Every entry is therefore *sealed* with the team's key
before it leaves this database: AES-256-GCM (``cryptography``'s AESGCM, no home-made
construction) with a random 96-bit nonce per entry. What the transport needs in clear —
the entry id, the publishing member, the replica and its sequence number, the clock and the
format version — is bound to the ciphertext as associated data, so none of it can be
changed or moved to another entry; everything else (author, case, entity and values) is
inside. A member without the key can neither read an entry nor make one the others accept.

The key is 32 random bytes, made by the first member at ``team join`` and handed to the
others as a *join code* (``WBT1-`` and the key in base32, with a 4-byte checksum so a typo
is caught). Each member keeps it in the OS keyring (``workbench.sync.keys``) under the key's
id, a fingerprint that is also left on the share so that a wrong join code is refused.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
import secrets
from dataclasses import dataclass
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from workbench.errors import TeamSetupError
from workbench.sync.entries import Entry, MalformedEntryError

#: The wire format of sealed entries; an entry of a higher version waits for an upgrade.
VERSION = 2
JOIN_PREFIX = "WBT1-"
_NONCE_BYTES = 12
_KEY_BYTES = 32


class NotAuthenticError(ValueError):
    """A sealed entry was not made with this team's key, or was changed on the way."""


@dataclass(frozen=True)
class Sealed:
    """One entry as it travels: routing data in clear, the rest encrypted and authenticated."""

    entry_id: str
    #: The member who published it (initials in their one normal form: upper case).
    member: str
    node: str
    seq: int
    hlc: str
    version: int
    #: Nonce followed by the AES-GCM ciphertext and tag.
    blob: bytes

    def associated_data(self) -> bytes:
        """What the tag also covers: every field that travels in clear."""
        return "\x1f".join((str(self.version), self.entry_id, self.member, self.node,
                            str(self.seq), self.hlc)).encode("utf-8")

    def to_json(self) -> dict[str, Any]:
        """The sealed entry as a JSON object (a batch file's line, a held entry)."""
        return {"id": self.entry_id, "m": self.member, "n": self.node, "s": self.seq,
                "h": self.hlc, "v": self.version,
                "c": base64.b64encode(self.blob).decode("ascii")}

    @classmethod
    def from_json(cls, data: Any) -> Sealed:
        """A sealed entry from its JSON object; MalformedEntryError if it is not one."""
        try:
            sealed = cls(entry_id=_text(data["id"], 36), member=_text(data["m"], 100),
                         node=_text(data["n"], 32), seq=int(data["s"]), hlc=_text(data["h"], 64),
                         version=int(data["v"]),
                         blob=base64.b64decode(_text(data["c"], 10**7), validate=True))
        except (KeyError, TypeError, ValueError, binascii.Error) as error:
            raise MalformedEntryError(f"not a sealed team entry: {error}") from None
        if isinstance(data["s"], bool) or sealed.seq < 1 or sealed.version < 1:
            raise MalformedEntryError("not a sealed team entry: bad sequence or version")
        return sealed


def _text(value: Any, longest: int) -> str:
    if not isinstance(value, str) or not value or len(value) > longest:
        raise TypeError(f"expected text of up to {longest} characters")
    return value


class TeamKey:
    """The team's AES-256-GCM key."""

    def __init__(self, key: bytes) -> None:
        if len(key) != _KEY_BYTES:
            raise ValueError("a team key is 32 bytes")
        self.key = key
        self._aead = AESGCM(key)

    @classmethod
    def new(cls) -> TeamKey:
        """A fresh random key (the first member's ``team join``)."""
        return cls(secrets.token_bytes(_KEY_BYTES))

    @property
    def key_id(self) -> str:
        """A fingerprint that names the key (in the keyring, on the share) but reveals nothing."""
        return hmac.new(self.key, b"workbench team key id", hashlib.sha256).hexdigest()[:16]

    @property
    def join_code(self) -> str:
        """The key as a code to pass on to the other members once."""
        check = hashlib.sha256(self.key).digest()[:4]
        text = base64.b32encode(self.key + check).decode("ascii").rstrip("=")
        return JOIN_PREFIX + "-".join(text[i:i + 6] for i in range(0, len(text), 6))

    @classmethod
    def from_join_code(cls, code: str) -> TeamKey:
        """The key in a join code; TeamSetupError if it is not one (a typo, say)."""
        text = code.strip().upper().replace(" ", "")
        if not text.startswith(JOIN_PREFIX):
            raise TeamSetupError(key="sync.join_code_invalid")
        text = text[len(JOIN_PREFIX):].replace("-", "")
        try:
            raw = base64.b32decode(text + "=" * (-len(text) % 8))
        except (binascii.Error, ValueError):
            raise TeamSetupError(key="sync.join_code_invalid") from None
        key, check = raw[:_KEY_BYTES], raw[_KEY_BYTES:]
        if len(key) != _KEY_BYTES or hashlib.sha256(key).digest()[:4] != check:
            raise TeamSetupError(key="sync.join_code_invalid")
        return cls(key)

    @classmethod
    def from_text(cls, text: str) -> TeamKey:
        """The key as kept in the keyring (hex)."""
        return cls(bytes.fromhex(text))

    def to_text(self) -> str:
        """The key as kept in the keyring (hex)."""
        return self.key.hex()

    # --- entries ---------------------------------------------------------------------------

    def seal(self, entry: Entry, member: str) -> Sealed:
        """An entry made here (it has its node and sequence number), sealed for the team."""
        if entry.node is None or entry.seq is None:
            raise ValueError("only an entry with its replica and number can be sent")
        inner = {"author": entry.author, "type": entry.entity_type.value,
                 "entity": entry.entity_id, "case": entry.case_id,
                 "values": dict(entry.values), "bases": dict(entry.bases)}
        plain = json.dumps(inner, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        associated = "\x1f".join((str(VERSION), entry.entry_id, member, entry.node,
                                  str(entry.seq), entry.hlc)).encode("utf-8")
        nonce = secrets.token_bytes(_NONCE_BYTES)
        blob = nonce + self._aead.encrypt(nonce, plain, associated)
        return Sealed(entry.entry_id, member, entry.node, entry.seq, entry.hlc, VERSION, blob)

    def open(self, sealed: Sealed) -> Entry:
        """The entry inside; NotAuthenticError if the key or anything in it does not fit.

        MalformedEntryError if it is authentic but not an entry this version can read.
        """
        plain = self.decrypt(sealed.blob, sealed.associated_data())
        try:
            inner = json.loads(plain)
        except (UnicodeDecodeError, json.JSONDecodeError):
            raise MalformedEntryError("the sealed entry is not JSON") from None
        if not isinstance(inner, dict):
            raise MalformedEntryError("the sealed entry is not a JSON object")
        return Entry.from_json({**inner, "id": sealed.entry_id, "hlc": sealed.hlc,
                                "node": sealed.node, "seq": sealed.seq})

    # --- any other bytes (a member's published state) --------------------------------------

    def encrypt(self, plain: bytes, associated: bytes) -> bytes:
        """Nonce + AES-GCM ciphertext and tag of ``plain``."""
        nonce = secrets.token_bytes(_NONCE_BYTES)
        return nonce + self._aead.encrypt(nonce, plain, associated)

    def decrypt(self, blob: bytes, associated: bytes) -> bytes:
        """The plain bytes; NotAuthenticError if the key or anything in it does not fit."""
        if len(blob) < _NONCE_BYTES + 16:
            raise NotAuthenticError("too short to be sealed")
        try:
            return self._aead.decrypt(blob[:_NONCE_BYTES], blob[_NONCE_BYTES:], associated)
        except InvalidTag:
            raise NotAuthenticError("not sealed with this team's key") from None
